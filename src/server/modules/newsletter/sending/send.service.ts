/**
 * What the send panel calls: start, pause (stop claiming; messages in flight finish), resume, cancel
 * (pending rows become `failed` / `cancelled`), the live progress, and the admin's decisions on
 * unconfirmed rows. Every write is a conditional update on the status, audited in its transaction.
 */
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../../shared/newsletter/issue-api.schema.js';
import {
  SENDABLE_REVIEW_STATES,
  type SendProgress,
  STARTABLE_ISSUE_STATUSES,
  UNCONFIRMED_PAGE_SIZE,
  type UnconfirmedDecision,
  type UnconfirmedDecisionResult,
  type UnconfirmedPage,
  type UnconfirmedQuery,
} from '../../../../shared/newsletter/sending-api.schema.js';
import type { ReviewState } from '../../../../shared/review/review.schema.js';
import { hasPermission } from '../../../../shared/roles.js';
import { type DbOrTransaction, recordAudit } from '../../../platform/audit/audit.js';
import { AppError } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/http/guards.js';
import type { Platform } from '../../../platform/platform.js';
import { findReview } from '../../../platform/review/review.repo.js';
import { countAudience } from '../audience.js';
import { loadNewsletterSettings } from '../newsletter-settings.repo.js';
import { segmentFilterOf } from './prepare-send.js';
import { failPendingAsCancelled, findIssue, type IssueRow, lockIssue, moveIssue } from './send.repo.js';
import { finishIfDone } from './send-engine.js';
import { ensureLaneJobs, PREPARE_SEND_JOB } from './send-lanes.js';
import {
  countByState,
  countIssueSentSince,
  countUnconfirmed,
  findUnconfirmed,
  nthSentSince,
  resolveUnconfirmed,
  windowUsage,
} from './send-progress.repo.js';
import { beginSend } from './send-start.js';

/**
 * A row in `sending` claimed longer ago than this has no live batch behind it: every SMTP wait is
 * bounded (30 s to connect, 60 s per reply: smtp-sender.ts), so a live batch ends well within it.
 */
export const STALE_SENDING_MS = 5 * 60_000;

const ACTIVE = ['sending', 'paused'];

export function createSendService(platform: Platform) {
  const db = platform.database.db;

  async function issueOf(ctx: ServiceContext, issueId: string): Promise<IssueRow> {
    const issue = await findIssue(db, ctx.membership.workspaceId, issueId);
    if (!issue) throw new AppError('NOT_FOUND');
    return issue;
  }

  function assertAdmin(ctx: ServiceContext): void {
    // Deciding that a message of unknown fate did arrive, or sending it again, is an admin's call.
    if (ctx.membership.role !== 'admin') throw new AppError('FORBIDDEN');
  }

  async function progress(ctx: ServiceContext, issueId: string): Promise<SendProgress> {
    const issue = await issueOf(ctx, issueId);
    const workspaceId = issue.workspaceId;
    const review = await findReview(db, workspaceId, NEWSLETTER_ISSUE_CONTENT_TYPE, issueId);
    const counts = await countByState(db, issueId);
    const now = Date.now();
    const unconfirmed = counts.sending > 0 ? await countUnconfirmed(db, issueId, new Date(now - STALE_SENDING_MS)) : 0;
    // The rate over the last minute, or since the start when that is more recent.
    const since = Math.max(now - 60_000, issue.startedAt?.getTime() ?? now - 60_000);
    const seconds = Math.max(1, (now - since) / 1000);
    const ratePerSecond = issue.status === 'sending' ? (await countIssueSentSince(db, workspaceId, issueId, new Date(since))) / seconds : 0;
    const remaining = counts.pending + counts.sending - unconfirmed;
    let windowWaitUntil: string | null = null;
    if (issue.status === 'sending' && counts.pending > 0) {
      const settings = await loadNewsletterSettings(db, workspaceId);
      if (settings.windowMessages > 0) {
        const windowMs = settings.windowHours * 3_600_000;
        const windowStart = new Date(now - windowMs);
        const used = await windowUsage(db, workspaceId, windowStart);
        if (used >= settings.windowMessages) {
          const leaving = await nthSentSince(db, workspaceId, windowStart, used - settings.windowMessages);
          windowWaitUntil = new Date((leaving?.getTime() ?? now) + windowMs).toISOString();
        }
      }
    }
    const isStartable = (STARTABLE_ISSUE_STATUSES as readonly string[]).includes(issue.status);
    const isApproved = Boolean(review && (SENDABLE_REVIEW_STATES as readonly string[]).includes(review.state));
    return {
      issueId,
      status: issue.status as SendProgress['status'],
      transport: platform.config.smtpUrl ? 'smtp' : 'outbox',
      recipientCount: issue.recipientCount,
      audienceCount: isStartable
        ? await countAudience(db, { workspaceId, listIds: issue.listIds, segmentFilter: await segmentFilterOf(platform, issue) })
        : null,
      isPreparing: ACTIVE.includes(issue.status) && issue.recipientCount === null,
      counts,
      unconfirmed,
      ratePerSecond: Math.round(ratePerSecond * 10) / 10,
      secondsLeft: ratePerSecond > 0 && remaining > 0 && !windowWaitUntil ? Math.ceil(remaining / ratePerSecond) : null,
      windowWaitUntil,
      startedAt: issue.startedAt?.toISOString() ?? null,
      finishedAt: issue.finishedAt?.toISOString() ?? null,
      review: { state: (review?.state as ReviewState | undefined) ?? null, scheduledFor: review?.scheduledFor?.toISOString() ?? null },
      canSend: hasPermission(ctx.membership.role, 'newsletter:send') && isStartable && isApproved,
      canResolveUnconfirmed: ctx.membership.role === 'admin',
    };
  }

  /** A status move with its audit entry; INVALID_STATE when the issue is not in one of `from`. */
  async function move(
    ctx: ServiceContext,
    issueId: string,
    from: string[],
    to: string,
    action: string,
    extra?: (tx: DbOrTransaction) => Promise<object>,
  ) {
    await issueOf(ctx, issueId);
    await db.transaction(async (tx) => {
      const before = await lockIssue(tx, issueId);
      if (!before || !from.includes(before.status)) throw new AppError('INVALID_STATE', { params: { state: before?.status ?? '' } });
      await moveIssue(tx, ctx.membership.workspaceId, issueId, from, {
        status: to,
        ...(to === 'cancelled' ? { finishedAt: new Date() } : {}),
      });
      const details = extra ? await extra(tx) : {};
      await recordAudit(tx, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action,
        entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
        entityId: issueId,
        before: { status: before.status },
        after: { status: to, ...details },
      });
    });
  }

  /** Queues what a send in `sending` needs next: its prepare, its lanes, or its end. */
  async function keepMoving(workspaceId: string, issueId: string): Promise<void> {
    const issue = await findIssue(db, workspaceId, issueId);
    if (issue?.status !== 'sending') return;
    if (issue.recipientCount === null) await platform.jobs.send(PREPARE_SEND_JOB, { workspaceId, issueId });
    else if (!(await finishIfDone(platform, workspaceId, issueId))) await ensureLaneJobs(platform.jobs, { workspaceId, issueId });
  }

  return {
    progress,

    async start(ctx: ServiceContext, issueId: string): Promise<SendProgress> {
      const issue = await issueOf(ctx, issueId);
      if ((STARTABLE_ISSUE_STATUSES as readonly string[]).includes(issue.status) && issue.listIds.length > 0) {
        const audience = await countAudience(db, {
          workspaceId: issue.workspaceId,
          listIds: issue.listIds,
          segmentFilter: await segmentFilterOf(platform, issue),
        });
        if (audience === 0) throw new AppError('NO_RECIPIENTS');
      }
      await beginSend(platform, { workspaceId: ctx.membership.workspaceId, issueId, actorUserId: ctx.actor.user.id });
      return progress(ctx, issueId);
    },

    async pause(ctx: ServiceContext, issueId: string): Promise<SendProgress> {
      await move(ctx, issueId, ['sending'], 'paused', 'newsletter.send-pause');
      return progress(ctx, issueId);
    },

    async resume(ctx: ServiceContext, issueId: string): Promise<SendProgress> {
      await move(ctx, issueId, ['paused'], 'sending', 'newsletter.send-resume');
      await keepMoving(ctx.membership.workspaceId, issueId);
      return progress(ctx, issueId);
    },

    async cancel(ctx: ServiceContext, issueId: string): Promise<SendProgress> {
      await move(ctx, issueId, ACTIVE, 'cancelled', 'newsletter.send-cancel', async (tx) => ({
        cancelledDeliveries: await failPendingAsCancelled(tx, issueId),
      }));
      return progress(ctx, issueId);
    },

    async unconfirmed(ctx: ServiceContext, issueId: string, query: UnconfirmedQuery): Promise<UnconfirmedPage> {
      assertAdmin(ctx);
      await issueOf(ctx, issueId);
      const staleBefore = new Date(Date.now() - STALE_SENDING_MS);
      const rows = await findUnconfirmed(db, issueId, staleBefore, query.after, UNCONFIRMED_PAGE_SIZE + 1);
      const page = rows.slice(0, UNCONFIRMED_PAGE_SIZE);
      return {
        items: page.map((row) => ({ ...row, claimedAt: row.claimedAt?.toISOString() ?? null })),
        total: await countUnconfirmed(db, issueId, staleBefore),
        nextAfter: rows.length > UNCONFIRMED_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async resolveUnconfirmed(ctx: ServiceContext, issueId: string, decision: UnconfirmedDecision): Promise<UnconfirmedDecisionResult> {
      assertAdmin(ctx);
      const issue = await issueOf(ctx, issueId);
      // A requeue needs a send that is still going (or paused) to pick the rows up.
      if (decision.action === 'requeue' && !ACTIVE.includes(issue.status)) {
        throw new AppError('INVALID_STATE', { params: { state: issue.status } });
      }
      const ids = await db.transaction(async (tx) => {
        const resolved = await resolveUnconfirmed(tx, {
          issueId,
          staleBefore: new Date(Date.now() - STALE_SENDING_MS),
          action: decision.action,
          ids: decision.ids,
        });
        await recordAudit(tx, {
          workspaceId: ctx.membership.workspaceId,
          actorUserId: ctx.actor.user.id,
          action: `newsletter.unconfirmed-${decision.action === 'mark_sent' ? 'mark-sent' : 'requeue'}`,
          entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
          entityId: issueId,
          after: { count: resolved.length, deliveryIds: resolved.slice(0, 1000) },
        });
        return resolved;
      });
      await keepMoving(ctx.membership.workspaceId, issueId);
      return { affected: ids.length, progress: await progress(ctx, issueId) };
    },
  };
}

export type SendService = ReturnType<typeof createSendService>;
