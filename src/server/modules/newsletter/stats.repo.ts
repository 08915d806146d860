/**
 * Statistics queries: one grouped pass over an issue's deliveries (index `newsletter_delivery_issue_state_idx`
 * when the issue is a small part of the table) and one over its clicks (`newsletter_click_issue_idx`); no join.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { newsletterClicks, newsletterDeliveries, newsletterIssues } from './newsletter.tables.js';

const d = newsletterDeliveries;

/** Counts over a set of deliveries; every figure the statistics need, in one aggregate. */
const deliveryFigures = {
  recipients: sql<number>`count(*)::int`,
  pending: sql<number>`(count(*) filter (where ${d.state} in ('pending', 'sending')))::int`,
  sent: sql<number>`count(${d.sentAt})::int`,
  delivered: sql<number>`(count(${d.sentAt}) filter (where ${d.bounceType} is distinct from 'hard'))::int`,
  failed: sql<number>`(count(*) filter (where ${d.state} = 'failed'))::int`,
  hard: sql<number>`(count(*) filter (where ${d.bounceType} = 'hard'))::int`,
  soft: sql<number>`(count(*) filter (where ${d.bounceType} = 'soft'))::int`,
  complaint: sql<number>`(count(*) filter (where ${d.bounceType} = 'complaint'))::int`,
  uniqueOpens: sql<number>`count(${d.openedAt})::int`,
  totalOpens: sql<number>`coalesce(sum(${d.openCount}), 0)::int`,
  uniqueClicks: sql<number>`count(${d.clickedAt})::int`,
  totalClicks: sql<number>`coalesce(sum(${d.clickCount}), 0)::int`,
  unsubscribes: sql<number>`count(${d.unsubscribedAt})::int`,
};

export type DeliveryFigures = { [key in keyof typeof deliveryFigures]: number };

export async function findIssueForStats(db: DbOrTransaction, workspaceId: string, issueId: string) {
  const [row] = await db
    .select({ id: newsletterIssues.id, status: newsletterIssues.status })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.id, issueId), eq(newsletterIssues.workspaceId, workspaceId)));
  return row;
}

/** The figures of one issue per variant (the query itself, so a test can EXPLAIN it). */
export function deliveryFiguresByVariantQuery(db: DbOrTransaction, issueId: string) {
  return db
    .select({ variant: d.variant, ...deliveryFigures })
    .from(d)
    .where(eq(d.issueId, issueId))
    .groupBy(d.variant);
}

export async function findDeliveryFiguresByVariant(
  db: DbOrTransaction,
  issueId: string,
): Promise<Array<DeliveryFigures & { variant: string }>> {
  return deliveryFiguresByVariantQuery(db, issueId);
}

/** Clicks of one issue per link, most clicked first; unique clickers are distinct deliveries. */
export function clicksByUrlQuery(db: DbOrTransaction, issueId: string, limit: number) {
  const clicks = sql<number>`count(*)::int`;
  return db
    .select({ url: newsletterClicks.url, clicks, uniqueClickers: sql<number>`count(distinct ${newsletterClicks.deliveryId})::int` })
    .from(newsletterClicks)
    .where(eq(newsletterClicks.issueId, issueId))
    .groupBy(newsletterClicks.url)
    .orderBy(desc(clicks), newsletterClicks.url)
    .limit(limit);
}

export async function findClicksByUrl(db: DbOrTransaction, issueId: string, limit: number) {
  return clicksByUrlQuery(db, issueId, limit);
}

/** The workspace's latest issues that went out (or are going out), newest first. */
export async function findRecentSentIssues(db: DbOrTransaction, workspaceId: string, limit: number) {
  return db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      status: newsletterIssues.status,
      startedAt: newsletterIssues.startedAt,
      finishedAt: newsletterIssues.finishedAt,
    })
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), inArray(newsletterIssues.status, ['sending', 'paused', 'sent'])))
    .orderBy(desc(sql`coalesce(${newsletterIssues.startedAt}, ${newsletterIssues.createdAt})`))
    .limit(limit);
}

/** The main figures of several issues, per issue (fewer aggregates than one issue's full statistics). */
export async function findMainFiguresByIssue(db: DbOrTransaction, issueIds: string[]) {
  if (issueIds.length === 0) return [];
  return db
    .select({
      issueId: d.issueId,
      recipients: deliveryFigures.recipients,
      sent: deliveryFigures.sent,
      delivered: deliveryFigures.delivered,
      bounced: sql<number>`(count(*) filter (where ${d.bounceType} in ('hard', 'soft')))::int`,
      uniqueOpens: deliveryFigures.uniqueOpens,
      uniqueClicks: deliveryFigures.uniqueClicks,
      unsubscribes: deliveryFigures.unsubscribes,
    })
    .from(d)
    .where(inArray(d.issueId, issueIds))
    .groupBy(d.issueId);
}
