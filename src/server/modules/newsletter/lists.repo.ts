/** All SQL of mailing lists (STYLE G5). Every query is scoped by workspace. */
import { and, asc, count, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { ListCounts } from '../../../shared/newsletter/audience-api.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { listSubscriptions, mailingLists, subscribers } from './newsletter.tables.js';

export type MailingListRow = typeof mailingLists.$inferSelect;
export type MailingListInsert = typeof mailingLists.$inferInsert;

export function findLists(db: DbOrTransaction, workspaceId: string, archived: 'true' | 'false' | 'all' = 'false') {
  const filters: SQL[] = [eq(mailingLists.workspaceId, workspaceId)];
  if (archived === 'false') filters.push(isNull(mailingLists.archivedAt));
  if (archived === 'true') filters.push(isNotNull(mailingLists.archivedAt));
  return db
    .select()
    .from(mailingLists)
    .where(and(...filters))
    .orderBy(asc(mailingLists.createdAt), asc(mailingLists.id));
}

/** Lists offered on the public sign-up form and preferences page: public and not archived. */
export function findPublicLists(db: DbOrTransaction, workspaceId: string) {
  return db
    .select()
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), eq(mailingLists.visibility, 'public'), isNull(mailingLists.archivedAt)))
    .orderBy(asc(mailingLists.createdAt), asc(mailingLists.id));
}

export async function findListById(db: DbOrTransaction, workspaceId: string, id: string): Promise<MailingListRow | undefined> {
  const [row] = await db
    .select()
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), eq(mailingLists.id, id)));
  return row;
}

/** The lists among `ids` that belong to the workspace (ownership checks), archived ones included. */
export async function findOwnedLists(db: DbOrTransaction, workspaceId: string, ids: string[]): Promise<MailingListRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), inArray(mailingLists.id, ids)));
}

/**
 * Subscription counts of every list of the workspace in one grouped query. A confirmed subscription of
 * an address that bounced or complained counts as `bounced`; of one that unsubscribed from
 * everything, as `unsubscribed`.
 */
export async function findListCounts(db: DbOrTransaction, workspaceId: string): Promise<Map<string, ListCounts>> {
  const bucket = sql<string>`case
    when ${listSubscriptions.status} = 'unconfirmed' then 'unconfirmed'
    when ${listSubscriptions.status} = 'unsubscribed' or ${subscribers.status} = 'unsubscribed' then 'unsubscribed'
    when ${subscribers.status} = 'active' then 'confirmed'
    else 'bounced' end`;
  const rows = await db
    .select({ listId: listSubscriptions.listId, bucket, total: count() })
    .from(listSubscriptions)
    .innerJoin(subscribers, eq(subscribers.id, listSubscriptions.subscriberId))
    .where(eq(subscribers.workspaceId, workspaceId))
    .groupBy(listSubscriptions.listId, bucket);
  const counts = new Map<string, ListCounts>();
  for (const row of rows) {
    const entry = counts.get(row.listId) ?? { confirmed: 0, unconfirmed: 0, unsubscribed: 0, bounced: 0 };
    entry[row.bucket as keyof ListCounts] += Number(row.total);
    counts.set(row.listId, entry);
  }
  return counts;
}

export async function insertList(db: DbOrTransaction, values: MailingListInsert): Promise<MailingListRow> {
  const [row] = await db.insert(mailingLists).values(values).returning();
  return row as MailingListRow;
}

export async function updateListRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<MailingListInsert>) {
  const [row] = await db
    .update(mailingLists)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(mailingLists.workspaceId, workspaceId), eq(mailingLists.id, id)))
    .returning();
  return row as MailingListRow | undefined;
}

export async function deleteListRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<void> {
  await db.delete(mailingLists).where(and(eq(mailingLists.workspaceId, workspaceId), eq(mailingLists.id, id)));
}

/** Whether anyone was ever on the list (such a list is archived, never deleted: its consent records name it). */
export async function hasSubscriptions(db: DbOrTransaction, listId: string): Promise<boolean> {
  const [row] = await db.select({ one: sql`1` }).from(listSubscriptions).where(eq(listSubscriptions.listId, listId)).limit(1);
  return Boolean(row);
}
