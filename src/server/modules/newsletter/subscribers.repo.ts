/** All SQL of subscribers (STYLE G5). Every query is scoped by workspace. */
import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { foldForSearch } from '../../../shared/localized-text.js';
import type { SubscriberListQuery } from '../../../shared/newsletter/audience-api.schema.js';
import { normalizeEmail } from '../../../shared/newsletter/subscriber-identity.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import { type Cursor, countUpToCap, keysetAfter } from '../../platform/db/pagination.js';
import { containsFolded } from '../../platform/db/search.js';
import { consentRecords, listSubscriptions, mailingLists, subscribers } from './newsletter.tables.js';

export type SubscriberRow = typeof subscribers.$inferSelect;
export type SubscriberInsert = typeof subscribers.$inferInsert;

/**
 * The `search_text` of a subscriber: name and normalized address, folded like every search column.
 * Whoever writes a subscriber's name or address (forms, import, edits) writes this with it.
 */
export function subscriberSearchText(name: string, email: string): string {
  return foldForSearch(`${name} ${normalizeEmail(email)}`);
}

function filtersOf(workspaceId: string, query: Omit<SubscriberListQuery, 'limit' | 'cursor'>): SQL[] {
  const filters: SQL[] = [eq(subscribers.workspaceId, workspaceId)];
  if (query.status) filters.push(eq(subscribers.status, query.status));
  if (query.country) filters.push(eq(subscribers.country, query.country));
  if (query.tag) filters.push(sql`${subscribers.tags} @> ARRAY[${query.tag}]::text[]`);
  if (query.language) filters.push(sql`${subscribers.languages} @> ARRAY[${query.language}]::text[]`);
  if (query.listId) {
    filters.push(
      sql`exists (select 1 from ${listSubscriptions} where ${listSubscriptions.subscriberId} = ${subscribers.id} and ${listSubscriptions.listId} = ${query.listId} and ${listSubscriptions.status} <> 'unsubscribed')`,
    );
  }
  // The address is searched on its own column too, so rows written without `search_text` (a bulk
  // import) are still found by address.
  const search = or(containsFolded(subscribers.searchText, query.q), containsFolded(subscribers.emailNormalized, query.q));
  if (search) filters.push(search);
  return filters;
}

/** One page of subscribers in address order (one row more than asked), plus the capped total. */
export async function findSubscribers(db: Db, workspaceId: string, query: SubscriberListQuery, cursor: Cursor | undefined) {
  const keyset = keysetAfter(subscribers.emailNormalized, subscribers.id, cursor);
  const filters = filtersOf(workspaceId, query);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(subscribers)
      .where(and(...filters, keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(query.limit + 1),
    countUpToCap(db, subscribers, and(...filters)),
  ]);
  return { rows, ...totals };
}

export async function findSubscriberById(db: DbOrTransaction, workspaceId: string, id: string): Promise<SubscriberRow | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.id, id)));
  return row;
}

/** The subscriber row locked for the rest of the transaction (concurrent unsubscribes and confirmations queue up). */
export async function lockSubscriber(db: DbOrTransaction, workspaceId: string, id: string): Promise<SubscriberRow | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.id, id)))
    .for('update');
  return row;
}

/** A subscriber of any workspace by id: public links carry only the id (their signature is the credential). */
export async function findSubscriberAnywhere(db: DbOrTransaction, id: string): Promise<SubscriberRow | undefined> {
  const [row] = await db.select().from(subscribers).where(eq(subscribers.id, id));
  return row;
}

export async function findSubscriberByEmail(db: DbOrTransaction, workspaceId: string, email: string): Promise<SubscriberRow | undefined> {
  const [row] = await db
    .select()
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.emailNormalized, normalizeEmail(email))));
  return row;
}

export async function insertSubscriber(db: DbOrTransaction, values: SubscriberInsert): Promise<SubscriberRow> {
  const [row] = await db.insert(subscribers).values(values).returning();
  return row as SubscriberRow;
}

/** Inserts unless the address is already in the workspace (then does nothing). */
export async function insertSubscriberIfAbsent(db: DbOrTransaction, values: SubscriberInsert): Promise<void> {
  await db
    .insert(subscribers)
    .values(values)
    .onConflictDoNothing({ target: [subscribers.workspaceId, subscribers.emailNormalized] });
}

export async function updateSubscriberRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<SubscriberInsert>) {
  const [row] = await db
    .update(subscribers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.id, id)))
    .returning();
  return row as SubscriberRow | undefined;
}

export async function deleteSubscriberRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), eq(subscribers.id, id)))
    .returning({ id: subscribers.id });
  return rows.length > 0;
}

/** The lists a subscriber is or was on, with their names. */
export function findMemberships(db: DbOrTransaction, subscriberId: string) {
  return db
    .select({
      listId: listSubscriptions.listId,
      listName: mailingLists.name,
      status: listSubscriptions.status,
      subscribedAt: listSubscriptions.subscribedAt,
      confirmedAt: listSubscriptions.confirmedAt,
      unsubscribedAt: listSubscriptions.unsubscribedAt,
    })
    .from(listSubscriptions)
    .innerJoin(mailingLists, eq(mailingLists.id, listSubscriptions.listId))
    .where(eq(listSubscriptions.subscriberId, subscriberId))
    .orderBy(listSubscriptions.subscribedAt);
}

/** A subscriber's consent history, newest first, with list names and the officer who acted. */
export function findConsentHistory(db: DbOrTransaction, workspaceId: string, subscriberId: string) {
  return db
    .select({ record: consentRecords, listName: mailingLists.name, actorName: users.name })
    .from(consentRecords)
    .leftJoin(mailingLists, eq(mailingLists.id, consentRecords.listId))
    .leftJoin(users, eq(users.id, consentRecords.actorUserId))
    .where(and(eq(consentRecords.workspaceId, workspaceId), eq(consentRecords.subscriberId, subscriberId)))
    .orderBy(desc(consentRecords.createdAt), desc(consentRecords.id));
}
