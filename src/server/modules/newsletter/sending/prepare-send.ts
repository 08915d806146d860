/**
 * The start of a send, as one job: render every variant once and keep it on the issue, then resolve
 * the audience by keyset pages over subscriber ids, each page read and inserted by one statement as
 * delivery rows with `on conflict do nothing` — a prepare that died resumes after the last subscriber
 * it recorded, and memory holds nothing of the list. Then the lanes of `newsletter.send-batch` are queued.
 */
import { and, eq } from 'drizzle-orm';
import type { ContentLanguage } from '../../../../shared/languages.js';
import type { SegmentFilter, Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import { variantFor } from '../../../../shared/newsletter/subscriber-identity.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Platform } from '../../../platform/platform.js';
import { audienceCondition } from '../audience.js';
import { segments } from '../newsletter.tables.js';
import { refreshPlannerStatistics } from '../planner-statistics.js';
import { renderIssueVariants } from '../render/issue-render.js';
import {
  countDeliveries,
  findIssue,
  findLastPreparedSubscriber,
  type IssueRow,
  insertRecipientPage,
  lockIssue,
  moveIssue,
  type RenderedVariants,
  storeRecipientCount,
  storeRenderedVariants,
} from './send.repo.js';
import { finishIfDone } from './send-engine.js';
import { ensureLaneJobs } from './send-lanes.js';

/** Subscribers read and rows inserted per page. */
export const PREPARE_PAGE_SIZE = 1000;

export type PrepareOutcome = 'prepared' | 'skipped' | 'stopped' | 'render-failed';

/** The languages the issue was rendered in alone, in its bilingual order. */
function renderedLanguages(issue: IssueRow, rendered: RenderedVariants): ContentLanguage[] {
  const available = Object.keys(rendered);
  return [...issue.bilingualOrder, ...available].filter(
    (language, index, all): language is ContentLanguage =>
      language !== 'bilingual' && available.includes(language) && all.indexOf(language) === index,
  );
}

/**
 * The variant a subscriber gets among those rendered (a missing one falls back to the first rendered).
 * `insertRecipientPage` applies the same rule in SQL; a test checks that they agree.
 */
export function deliveryVariant(subscriberLanguages: readonly string[], issue: IssueRow, rendered: RenderedVariants): string {
  const available = Object.keys(rendered);
  const languages = renderedLanguages(issue, rendered);
  const wanted: Variant = variantFor(subscriberLanguages, { sendMode: issue.sendMode as 'per_language' | 'bilingual', languages });
  return available.includes(wanted) ? wanted : (available[0] ?? wanted);
}

function hasRender(issue: IssueRow): issue is IssueRow & { renderedVariants: RenderedVariants } {
  return !!issue.renderedVariants && Object.keys(issue.renderedVariants).length > 0;
}

async function renderAll(platform: Pick<Platform, 'database' | 'config'>, issue: IssueRow): Promise<RenderedVariants> {
  const rendered = (await renderIssueVariants(platform, issue)) as RenderedVariants;
  if (Object.keys(rendered).length === 0) throw new Error('no language to send');
  return rendered;
}

/**
 * Renders a send's variants ahead of its preparation, in the process that starts the send (the web
 * app, which holds MJML for its previews): a `tawasul worker` that only sends then never loads MJML
 * (~55 MiB). Throws when the issue cannot be rendered; the preparation then tries again and says why.
 */
export async function renderBeforePreparing(platform: Pick<Platform, 'database' | 'config'>, issue: IssueRow): Promise<void> {
  if (hasRender(issue)) return;
  await storeRenderedVariants(platform.database.db, issue.id, await renderAll(platform, issue));
}

async function renderOnce(platform: Platform, issue: IssueRow): Promise<RenderedVariants | undefined> {
  if (hasRender(issue)) return issue.renderedVariants;
  const db = platform.database.db;
  let rendered: RenderedVariants;
  let problem: string | undefined;
  try {
    rendered = await renderAll(platform, issue);
  } catch (error) {
    rendered = {};
    problem = error instanceof Error ? error.message : String(error);
  }
  if (problem !== undefined) {
    // Nothing was sent: the issue goes back to draft, and the audit log says why.
    await db.transaction(async (tx) => {
      const reverted = await moveIssue(tx, issue.workspaceId, issue.id, ['sending', 'paused'], { status: 'draft', startedAt: null });
      if (!reverted) return;
      await recordAudit(tx, {
        workspaceId: issue.workspaceId,
        actorUserId: null,
        action: 'newsletter.send-render-failed',
        entityType: 'newsletter.issue',
        entityId: issue.id,
        before: { status: issue.status },
        after: { status: 'draft', error: problem.slice(0, 500) },
      });
    });
    return undefined;
  }
  await storeRenderedVariants(db, issue.id, rendered);
  return rendered;
}

export async function segmentFilterOf(platform: Platform, issue: IssueRow): Promise<SegmentFilter | undefined> {
  if (!issue.segmentId) return undefined;
  const [row] = await platform.database.db
    .select({ filter: segments.filter })
    .from(segments)
    .where(and(eq(segments.workspaceId, issue.workspaceId), eq(segments.id, issue.segmentId)));
  return row?.filter;
}

/** The handler of `newsletter.prepare-send`; idempotent (a second run finds the work done). */
export async function prepareSend(platform: Platform, input: { workspaceId: string; issueId: string }): Promise<PrepareOutcome> {
  const db = platform.database.db;
  const issue = await findIssue(db, input.workspaceId, input.issueId);
  if (!issue || !['sending', 'paused'].includes(issue.status)) return 'skipped';
  if (issue.recipientCount !== null) {
    if (issue.status === 'sending') await ensureLaneJobs(platform.jobs, input);
    return 'skipped';
  }
  const rendered = await renderOnce(platform, issue);
  if (!rendered) return 'render-failed';
  const condition = audienceCondition({
    workspaceId: issue.workspaceId,
    listIds: issue.listIds,
    segmentFilter: await segmentFilterOf(platform, issue),
  });
  // Planned for the audience as it is now, on both drivers: with statistics from before a bulk load
  // (PGlite never refreshes them; PostgreSQL's autovacuum may not have yet), a page is read by a
  // nested loop over every subscriber — measured on PostgreSQL: 65 s for 30,000 recipients, 1.3 s after ANALYZE.
  await refreshPlannerStatistics(db, ['subscribers', 'listSubscriptions']);
  const languages = issue.sendMode === 'bilingual' ? [] : renderedLanguages(issue, rendered);
  // The variant of a subscriber none of whose languages the issue was rendered in.
  const fallbackVariant = deliveryVariant([], issue, rendered);
  let after = await findLastPreparedSubscriber(db, issue.id);
  for (;;) {
    const isOpen = await db.transaction(async (tx) => {
      // Serialised with cancel on the issue row: a cancelled send gets no new pending rows.
      const current = await lockIssue(tx, issue.id);
      if (!current || !['sending', 'paused'].includes(current.status)) return false;
      after = await insertRecipientPage(tx, {
        workspaceId: issue.workspaceId,
        issueId: issue.id,
        condition,
        afterId: after,
        limit: PREPARE_PAGE_SIZE,
        languages,
        fallbackVariant,
      });
      return true;
    });
    if (!isOpen) return 'stopped';
    if (after === undefined) break;
  }
  await storeRecipientCount(db, issue.id, await countDeliveries(db, issue.id));
  const current = await findIssue(db, issue.workspaceId, issue.id);
  if (current?.status === 'sending') {
    await ensureLaneJobs(platform.jobs, input);
    // An audience that emptied since the start finishes at once.
    await finishIfDone(platform, issue.workspaceId, issue.id);
  }
  return 'prepared';
}
