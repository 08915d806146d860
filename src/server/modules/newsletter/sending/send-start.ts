/**
 * Starting a send, by hand ("Send now") or by the approval workflow when a scheduled issue is
 * published: a conditional update `draft|scheduled → sending`, so a double click or a click racing the
 * schedule starts it once, then the `newsletter.prepare-send` job. Also the status mirror: an issue
 * shows `scheduled` while its review is scheduled (kept by the minute scan, see resume-sends).
 */
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../../shared/newsletter/issue-api.schema.js';
import { SENDABLE_REVIEW_STATES, STARTABLE_ISSUE_STATUSES } from '../../../../shared/newsletter/sending-api.schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { Platform } from '../../../platform/platform.js';
import { findReview } from '../../../platform/review/review.repo.js';
import { contentReviews } from '../../../platform/review/review.tables.js';
import { newsletterIssues } from '../newsletter.tables.js';
import { renderBeforePreparing } from './prepare-send.js';
import { findIssue, type IssueRow, moveIssue } from './send.repo.js';
import { PREPARE_SEND_JOB } from './send-lanes.js';

export interface BeginSend {
  workspaceId: string;
  issueId: string;
  /** Null when the platform starts it (scheduled publication). */
  actorUserId: string | null;
}

/** Moves the issue to `sending` and queues its preparation; throws NOT_APPROVED, INVALID_STATE, NOT_FOUND. */
export async function beginSend(platform: Pick<Platform, 'database' | 'jobs' | 'config'>, input: BeginSend): Promise<IssueRow> {
  const db = platform.database.db;
  const started = await db.transaction(async (tx) => {
    const issue = await findIssue(tx, input.workspaceId, input.issueId);
    if (!issue) throw new AppError('NOT_FOUND');
    const review = await findReview(tx, input.workspaceId, NEWSLETTER_ISSUE_CONTENT_TYPE, input.issueId);
    if (!review || !(SENDABLE_REVIEW_STATES as readonly string[]).includes(review.state)) {
      throw new AppError('NOT_APPROVED', { params: { state: review?.state ?? 'draft' } });
    }
    if (issue.listIds.length === 0) throw new AppError('NO_RECIPIENTS');
    const moved = await moveIssue(tx, input.workspaceId, input.issueId, STARTABLE_ISSUE_STATUSES, {
      status: 'sending',
      startedAt: new Date(),
      finishedAt: null,
    });
    // The second of two concurrent starts finds the issue already sending.
    if (!moved) throw new AppError('INVALID_STATE', { params: { state: issue.status } });
    await recordAudit(tx, {
      workspaceId: input.workspaceId,
      actorUserId: input.actorUserId,
      action: 'newsletter.send-start',
      entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
      entityId: input.issueId,
      before: { status: issue.status },
      after: { status: 'sending', isScheduled: input.actorUserId === null, reviewState: review.state },
    });
    return moved;
  });
  // A render that fails here is left to the preparation, which reverts the issue to draft and audits why.
  await renderBeforePreparing(platform, started).catch(() => undefined);
  // Outside the transaction (the queue has its own connection); a lost job is queued again by resume-sends.
  await platform.jobs.send(PREPARE_SEND_JOB, { workspaceId: input.workspaceId, issueId: input.issueId });
  return started;
}

/**
 * The publication listener of `newsletter.issue`: a scheduled issue that the workflow published starts
 * sending. Idempotent — an issue already sending, sent or cancelled is left as it is.
 */
export async function startPublishedIssue(platform: Platform, workspaceId: string, issueId: string): Promise<void> {
  const issue = await findIssue(platform.database.db, workspaceId, issueId);
  if (!issue || !(STARTABLE_ISSUE_STATUSES as readonly string[]).includes(issue.status)) return;
  try {
    await beginSend(platform, { workspaceId, issueId, actorUserId: null });
  } catch (error) {
    // Started meanwhile by someone's click: nothing left to do.
    if (error instanceof AppError && error.code === 'INVALID_STATE') return;
    throw error;
  }
}

/** Issues whose scheduled publication passed without their send starting (the process died in between). */
export async function findPublishedDrafts(
  platform: Pick<Platform, 'database'>,
  since: Date,
): Promise<Array<{ workspaceId: string; issueId: string }>> {
  const rows = await platform.database.db
    .select({ workspaceId: newsletterIssues.workspaceId, issueId: newsletterIssues.id })
    .from(newsletterIssues)
    .innerJoin(
      contentReviews,
      and(
        eq(contentReviews.workspaceId, newsletterIssues.workspaceId),
        eq(contentReviews.contentType, NEWSLETTER_ISSUE_CONTENT_TYPE),
        eq(contentReviews.contentId, newsletterIssues.id),
      ),
    )
    .where(
      and(
        inArray(newsletterIssues.status, [...STARTABLE_ISSUE_STATUSES]),
        eq(contentReviews.state, 'published'),
        gt(contentReviews.scheduledFor, since),
        lte(contentReviews.scheduledFor, sql`now()`),
      ),
    );
  return rows;
}

/** Keeps `scheduled` on issues whose review is scheduled, and puts back `draft` when it no longer is. */
export async function mirrorScheduledStatus(platform: Pick<Platform, 'database'>): Promise<void> {
  const db = platform.database.db;
  const scheduledReview = sql`exists (select 1 from ${contentReviews} where ${contentReviews.workspaceId} = ${newsletterIssues.workspaceId}
    and ${contentReviews.contentType} = ${NEWSLETTER_ISSUE_CONTENT_TYPE} and ${contentReviews.contentId} = ${newsletterIssues.id}
    and ${contentReviews.state} = 'scheduled')`;
  await db
    .update(newsletterIssues)
    .set({
      status: 'scheduled',
      scheduledAt: sql`(select ${contentReviews.scheduledFor} from ${contentReviews} where ${contentReviews.workspaceId} = ${newsletterIssues.workspaceId}
        and ${contentReviews.contentType} = ${NEWSLETTER_ISSUE_CONTENT_TYPE} and ${contentReviews.contentId} = ${newsletterIssues.id})`,
    })
    .where(and(eq(newsletterIssues.status, 'draft'), scheduledReview));
  await db
    .update(newsletterIssues)
    .set({ status: 'draft', scheduledAt: null })
    .where(and(eq(newsletterIssues.status, 'scheduled'), sql`not ${scheduledReview}`));
}
