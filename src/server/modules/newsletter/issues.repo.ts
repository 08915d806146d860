/** All SQL of newsletter issues (STYLE G5). Every query is scoped by workspace. */
import { and, count, desc, eq, gte, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../shared/newsletter/issue-api.schema.js';
import type { IssueStatus } from '../../../shared/newsletter/newsletter.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { auditLog, files } from '../../platform/platform.tables.js';
import { contentReviews } from '../../platform/review/review.tables.js';
import { mailingLists, newsletterIssues, segments } from './newsletter.tables.js';

export type NewsletterIssueRow = typeof newsletterIssues.$inferSelect;
export type NewsletterIssueInsert = typeof newsletterIssues.$inferInsert;
export type IssueWithReview = NewsletterIssueRow & { reviewState: string | null };

/** Creation time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const createdAtKey = sql<string>`to_char(${newsletterIssues.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const finishedAtKey = sql<string>`to_char(${newsletterIssues.finishedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const reviewJoin = and(
  eq(contentReviews.workspaceId, newsletterIssues.workspaceId),
  eq(contentReviews.contentType, NEWSLETTER_ISSUE_CONTENT_TYPE),
  eq(contentReviews.contentId, newsletterIssues.id),
);

/** One page of issues, newest first (one row more than asked, to know whether a next page exists). */
export function findIssues(
  db: DbOrTransaction,
  workspaceId: string,
  query: { status?: IssueStatus; limit: number },
  cursor: Cursor | undefined,
) {
  const filters: SQL[] = [eq(newsletterIssues.workspaceId, workspaceId)];
  if (query.status) filters.push(eq(newsletterIssues.status, query.status));
  if (cursor)
    filters.push(sql`(${newsletterIssues.createdAt}, ${newsletterIssues.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ issue: newsletterIssues, reviewState: contentReviews.state, sortKey: createdAtKey })
    .from(newsletterIssues)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(...filters))
    .orderBy(desc(newsletterIssues.createdAt), desc(newsletterIssues.id))
    .limit(query.limit + 1);
}

export async function findIssueById(db: DbOrTransaction, workspaceId: string, id: string): Promise<IssueWithReview | undefined> {
  const [row] = await db
    .select({ issue: newsletterIssues, reviewState: contentReviews.state })
    .from(newsletterIssues)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, id)));
  return row ? { ...row.issue, reviewState: row.reviewState } : undefined;
}

/** The row locked for an update in the caller's transaction (two saves never interleave). */
export async function lockIssue(db: DbOrTransaction, workspaceId: string, id: string): Promise<NewsletterIssueRow | undefined> {
  const [row] = await db
    .select()
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, id)))
    .for('update');
  return row;
}

export async function insertIssue(db: DbOrTransaction, values: NewsletterIssueInsert): Promise<NewsletterIssueRow> {
  const [row] = await db.insert(newsletterIssues).values(values).returning();
  return row as NewsletterIssueRow;
}

export async function updateIssueRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<NewsletterIssueInsert>) {
  const [row] = await db
    .update(newsletterIssues)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, id)))
    .returning();
  return row as NewsletterIssueRow | undefined;
}

/** Deletes a draft (only a draft: the condition is in the statement) and its review; true when it did. */
export async function deleteDraftIssue(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, id), eq(newsletterIssues.status, 'draft')))
    .returning({ id: newsletterIssues.id });
  if (deleted.length === 0) return false;
  await db
    .delete(contentReviews)
    .where(
      and(
        eq(contentReviews.workspaceId, workspaceId),
        eq(contentReviews.contentType, NEWSLETTER_ISSUE_CONTENT_TYPE),
        eq(contentReviews.contentId, id),
      ),
    );
  return true;
}

/** A file by id alone (signed newsletter image links name no workspace: the signature covers the file's own). */
export async function findFileById(db: DbOrTransaction, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** The files among `ids` that belong to the workspace, with their type. */
export function findWorkspaceFiles(db: DbOrTransaction, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: files.id, contentType: files.contentType })
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), inArray(files.id, ids)));
}

export async function findOwnedListIds(db: DbOrTransaction, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: mailingLists.id })
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), inArray(mailingLists.id, ids)));
  return new Set(rows.map((row) => row.id));
}

export async function isSegmentOwned(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: segments.id })
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return Boolean(row);
}

/**
 * Test sends a member made since `since`, counted from the audit log (every test send is audited
 * with its address count), so the limit holds across processes and restarts.
 */
export async function countTestSendAddresses(db: DbOrTransaction, workspaceId: string, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum((${auditLog.after}->>'addresses')::int), 0)::int`, entries: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.actorUserId, userId),
        eq(auditLog.action, 'test-send'),
        eq(auditLog.entityType, NEWSLETTER_ISSUE_CONTENT_TYPE),
        gte(auditLog.createdAt, since),
      ),
    );
  return Number(row?.total ?? 0);
}

/** Sent issues of a workspace for the public archive, newest first by the end of their send. */
export function findSentIssues(db: DbOrTransaction, workspaceId: string, limit: number, cursor: Cursor | undefined) {
  const filters: SQL[] = [
    eq(newsletterIssues.workspaceId, workspaceId),
    eq(newsletterIssues.status, 'sent'),
    isNotNull(newsletterIssues.finishedAt),
  ];
  if (cursor)
    filters.push(sql`(${newsletterIssues.finishedAt}, ${newsletterIssues.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({
      id: newsletterIssues.id,
      subject: newsletterIssues.subject,
      preheader: newsletterIssues.preheader,
      bilingualOrder: newsletterIssues.bilingualOrder,
      finishedAt: newsletterIssues.finishedAt,
      sortKey: finishedAtKey,
    })
    .from(newsletterIssues)
    .where(and(...filters))
    .orderBy(desc(newsletterIssues.finishedAt), desc(newsletterIssues.id))
    .limit(limit + 1);
}

/** A sent issue of the workspace (the archive shows nothing else). */
export async function findSentIssue(db: DbOrTransaction, workspaceId: string, id: string): Promise<NewsletterIssueRow | undefined> {
  const [row] = await db
    .select()
    .from(newsletterIssues)
    .where(and(eq(newsletterIssues.workspaceId, workspaceId), eq(newsletterIssues.id, id), eq(newsletterIssues.status, 'sent')));
  return row;
}
