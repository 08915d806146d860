/**
 * SQL of a send: the issue's status moves (conditional updates, so a double click or two processes
 * move it once), and recipients recorded by keyset pages as delivery rows, idempotently. The rows in
 * flight are in deliveries.repo.ts.
 */
import { and, desc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { newsletterDeliveries, newsletterIssues, subscribers } from '../newsletter.tables.js';

export type IssueRow = typeof newsletterIssues.$inferSelect;
export type RenderedVariants = NonNullable<IssueRow['renderedVariants']>;

export async function findIssue(db: DbOrTransaction, workspaceId: string, issueId: string): Promise<IssueRow | undefined> {
  const [row] = await db
    .select()
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, issueId)));
  return row;
}

/** The issue row locked for the transaction (prepare and cancel serialise on it). */
export async function lockIssue(db: DbOrTransaction, issueId: string): Promise<IssueRow | undefined> {
  const [row] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId)).for('update');
  return row;
}

/** Moves the issue from one of `from` to `values.status`; undefined when it was in another state (lost race). */
export async function moveIssue(
  db: DbOrTransaction,
  workspaceId: string,
  issueId: string,
  from: readonly string[],
  values: Partial<Pick<IssueRow, 'status' | 'startedAt' | 'finishedAt' | 'recipientCount'>>,
): Promise<IssueRow | undefined> {
  const [row] = await db
    .update(newsletterIssues)
    .set({ ...values, updatedAt: sql`now()` })
    .where(
      and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, issueId), inArray(newsletterIssues.status, [...from])),
    )
    .returning();
  return row;
}

export async function storeRenderedVariants(db: DbOrTransaction, issueId: string, variants: RenderedVariants): Promise<void> {
  await db.update(newsletterIssues).set({ renderedVariants: variants }).where(eq(newsletterIssues.id, issueId));
}

export async function storeRecipientCount(db: DbOrTransaction, issueId: string, count: number): Promise<void> {
  await db.update(newsletterIssues).set({ recipientCount: count }).where(eq(newsletterIssues.id, issueId));
}

/**
 * Records the next page of the audience (after `afterId`, in id order) as pending delivery rows, in
 * one statement: the page is read and inserted inside the database, so neither the process nor the
 * query planner holds more than a page. The variant is the first of the subscriber's languages the
 * issue was rendered in, else `fallbackVariant` (bilingual mode: always `fallbackVariant`). Returns
 * the page's last subscriber id (undefined when the audience is exhausted).
 */
export async function insertRecipientPage(
  db: DbOrTransaction,
  input: {
    workspaceId: string;
    issueId: string;
    condition: SQL;
    afterId: string | undefined;
    limit: number;
    /** Languages rendered alone, in the issue's order; empty in bilingual mode. */
    languages: string[];
    fallbackVariant: string;
  },
): Promise<string | undefined> {
  const languages = sql`ARRAY[${sql.join(
    input.languages.map((language) => sql`${language}`),
    sql`, `,
  )}]::text[]`;
  const firstMatch =
    input.languages.length > 0
      ? sql`(select u.language from unnest(page.languages) with ordinality as u(language, position) where u.language = any(${languages}) order by u.position limit 1)`
      : sql`null`;
  const { rows } = await executeRows(
    db,
    sql`with page as (
          select ${subscribers.id} as id, ${subscribers.email} as email, ${subscribers.languages} as languages
            from ${subscribers}
           where ${input.afterId ? and(input.condition, gt(subscribers.id, input.afterId)) : input.condition}
           order by ${subscribers.id}
           limit ${input.limit}
        ), inserted as (
          insert into ${newsletterDeliveries} (workspace_id, issue_id, subscriber_id, email, variant)
          select ${input.workspaceId}::uuid, ${input.issueId}::uuid, page.id, page.email, coalesce(${firstMatch}, ${input.fallbackVariant}::text)
            from page
          on conflict (issue_id, subscriber_id) do nothing
        )
        select (select page.id from page order by page.id desc limit 1)::text as last`,
  );
  const last = rows[0]?.last;
  return typeof last === 'string' ? last : undefined;
}

/** Rows of a raw statement on either driver (PGlite answers `{ rows }`, postgres-js an array). */
async function executeRows(db: DbOrTransaction, query: SQL): Promise<{ rows: Array<Record<string, unknown>> }> {
  const result = (await db.execute(query)) as unknown;
  return { rows: (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<Record<string, unknown>> };
}

/** Where a crashed prepare resumes: the last subscriber it recorded (pages commit in id order). */
export async function findLastPreparedSubscriber(db: DbOrTransaction, issueId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ subscriberId: newsletterDeliveries.subscriberId })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId))
    .orderBy(desc(newsletterDeliveries.subscriberId))
    .limit(1);
  return row?.subscriberId;
}

export async function countDeliveries(db: DbOrTransaction, issueId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId));
  return Number(row?.count ?? 0);
}

/** Pending rows remaining after a cancel become `failed` with the reason `cancelled`. */
export async function failPendingAsCancelled(db: DbOrTransaction, issueId: string): Promise<number> {
  const rows = await db
    .update(newsletterDeliveries)
    .set({ state: 'failed', lastError: 'cancelled' })
    .where(and(eq(newsletterDeliveries.issueId, issueId), eq(newsletterDeliveries.state, 'pending')))
    .returning({ id: newsletterDeliveries.id });
  return rows.length;
}

/** Issues being sent (the minute scan checks each has its jobs). */
export function findSendingIssues(db: DbOrTransaction) {
  return db
    .select({ id: newsletterIssues.id, workspaceId: newsletterIssues.workspaceId, recipientCount: newsletterIssues.recipientCount })
    .from(newsletterIssues)
    .where(eq(newsletterIssues.status, 'sending'));
}
