/**
 * SQL that reads a send: counts per state, the recent rate, the rolling window of a workspace (from
 * `sent_at` with its index, plus the rows in flight), and the unconfirmed rows an admin resolves.
 */
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, lt, lte, min, or, type SQL, sql } from 'drizzle-orm';
import { DELIVERY_STATES, type DeliveryState } from '../../../../shared/newsletter/newsletter.schema.js';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { newsletterDeliveries, newsletterIssues } from '../newsletter.tables.js';

export async function countByState(db: DbOrTransaction, issueId: string): Promise<Record<DeliveryState, number>> {
  const rows = await db
    .select({ state: newsletterDeliveries.state, count: count() })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId))
    .groupBy(newsletterDeliveries.state);
  const counts = Object.fromEntries(DELIVERY_STATES.map((state) => [state, 0])) as Record<DeliveryState, number>;
  for (const row of rows) if (row.state in counts) counts[row.state as DeliveryState] = Number(row.count);
  return counts;
}

/** Messages of the issue accepted since `since` (through the workspace's `sent_at` index). */
export async function countIssueSentSince(db: DbOrTransaction, workspaceId: string, issueId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ count: count() })
    .from(newsletterDeliveries)
    .where(
      and(
        eq(newsletterDeliveries.workspaceId, workspaceId),
        gt(newsletterDeliveries.sentAt, since),
        eq(newsletterDeliveries.issueId, issueId),
      ),
    );
  return Number(row?.count ?? 0);
}

const ACTIVE_ISSUE_STATUSES = ['sending', 'paused'];

/** How much of the workspace's window is used: sent since `since`, plus rows in flight (they may be sent). */
export async function windowUsage(db: DbOrTransaction, workspaceId: string, since: Date): Promise<number> {
  const [sent] = await db
    .select({ count: count() })
    .from(newsletterDeliveries)
    .where(and(eq(newsletterDeliveries.workspaceId, workspaceId), gt(newsletterDeliveries.sentAt, since)));
  const activeIssues = db
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), inArray(newsletterIssues.status, ACTIVE_ISSUE_STATUSES)));
  const [inFlight] = await db
    .select({ count: count() })
    .from(newsletterDeliveries)
    .where(and(inArray(newsletterDeliveries.issueId, activeIssues), eq(newsletterDeliveries.state, 'sending')));
  return Number(sent?.count ?? 0) + Number(inFlight?.count ?? 0);
}

/** `sent_at` of the `rank`-th oldest message (0-based) sent since `since`: when it leaves the window, a slot frees. */
export async function nthSentSince(db: DbOrTransaction, workspaceId: string, since: Date, rank: number): Promise<Date | undefined> {
  const [row] = await db
    .select({ sentAt: newsletterDeliveries.sentAt })
    .from(newsletterDeliveries)
    .where(and(eq(newsletterDeliveries.workspaceId, workspaceId), gt(newsletterDeliveries.sentAt, since)))
    .orderBy(asc(newsletterDeliveries.sentAt))
    .offset(Math.max(0, rank))
    .limit(1);
  return row?.sentAt ?? undefined;
}

/** Whether pending rows are due now, and when the next one that waits for a retry is. */
export async function pendingOutlook(db: DbOrTransaction, issueId: string): Promise<{ isDueNow: boolean; nextRetryAt: Date | null }> {
  const pending = and(eq(newsletterDeliveries.issueId, issueId), eq(newsletterDeliveries.state, 'pending'));
  const [due] = await db
    .select({ id: newsletterDeliveries.id })
    .from(newsletterDeliveries)
    .where(and(pending, or(isNull(newsletterDeliveries.retryAt), lte(newsletterDeliveries.retryAt, sql`now()`))))
    .limit(1);
  if (due) return { isDueNow: true, nextRetryAt: null };
  const [next] = await db
    .select({ at: min(newsletterDeliveries.retryAt) })
    .from(newsletterDeliveries)
    .where(pending);
  return { isDueNow: false, nextRetryAt: next?.at ? new Date(next.at) : null };
}

/** Whether any row is still pending or sending (an issue without any is finished). */
export async function hasOpenDeliveries(db: DbOrTransaction, issueId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: newsletterDeliveries.id })
    .from(newsletterDeliveries)
    .where(and(eq(newsletterDeliveries.issueId, issueId), inArray(newsletterDeliveries.state, ['pending', 'sending'])))
    .limit(1);
  return Boolean(row);
}

/**
 * Rows whose fate is unknown: `sending` and either flagged by the worker (connection lost after the
 * message was handed over) or claimed before `staleBefore` (no live batch is that old).
 */
function unconfirmed(issueId: string, staleBefore: Date): SQL {
  return and(
    eq(newsletterDeliveries.issueId, issueId),
    eq(newsletterDeliveries.state, 'sending'),
    or(lt(newsletterDeliveries.claimedAt, staleBefore), isNotNull(newsletterDeliveries.lastError)),
  ) as SQL;
}

export async function countUnconfirmed(db: DbOrTransaction, issueId: string, staleBefore: Date): Promise<number> {
  const [row] = await db.select({ count: count() }).from(newsletterDeliveries).where(unconfirmed(issueId, staleBefore));
  return Number(row?.count ?? 0);
}

export function findUnconfirmed(db: DbOrTransaction, issueId: string, staleBefore: Date, afterId: number | undefined, limit: number) {
  return db
    .select({
      id: newsletterDeliveries.id,
      subscriberId: newsletterDeliveries.subscriberId,
      email: newsletterDeliveries.email,
      variant: newsletterDeliveries.variant,
      attempts: newsletterDeliveries.attempts,
      claimedAt: newsletterDeliveries.claimedAt,
      claimedBy: newsletterDeliveries.claimedBy,
      messageId: newsletterDeliveries.messageId,
      lastError: newsletterDeliveries.lastError,
    })
    .from(newsletterDeliveries)
    .where(
      afterId === undefined
        ? unconfirmed(issueId, staleBefore)
        : and(unconfirmed(issueId, staleBefore), gt(newsletterDeliveries.id, afterId)),
    )
    .orderBy(asc(newsletterDeliveries.id))
    .limit(limit);
}

/**
 * An admin's decision on unconfirmed rows (all, or the given ids that are still unconfirmed):
 * `mark_sent` keeps the claim time as the sending time; `requeue` makes them pending again.
 */
export async function resolveUnconfirmed(
  db: DbOrTransaction,
  input: { issueId: string; staleBefore: Date; action: 'mark_sent' | 'requeue'; ids?: number[] },
): Promise<number[]> {
  const where = input.ids
    ? and(unconfirmed(input.issueId, input.staleBefore), inArray(newsletterDeliveries.id, input.ids))
    : unconfirmed(input.issueId, input.staleBefore);
  const values =
    input.action === 'mark_sent'
      ? { state: 'sent', sentAt: sql`coalesce(${newsletterDeliveries.claimedAt}, now())`, lastError: null }
      : { state: 'pending', retryAt: null, claimedBy: null, lastError: null };
  const rows = await db.update(newsletterDeliveries).set(values).where(where).returning({ id: newsletterDeliveries.id });
  return rows.map((row) => row.id);
}
