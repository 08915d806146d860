/**
 * The import's bulk SQL (STYLE G5): one batch of rows is a few multi-row statements in one
 * transaction — read who exists, upsert subscribers, confirm list subscriptions, record consent.
 * Separate from the one-subscriber form path on purpose: a batch never loops over rows in SQL.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { users } from '../../../platform/auth/auth.tables.js';
import { mailingLists, newsletterBounces, subscribers } from '../newsletter.tables.js';
import { subscriberSearchText } from '../subscribers.repo.js';
import { findSuppressedEmails } from '../subscriptions.repo.js';

/** One subscriber as the batch writes it (snake_case: it travels as JSON into `jsonb_to_recordset`). */
export interface SubscriberWrite {
  id: string;
  email: string;
  email_normalized: string;
  name: string;
  languages: string[];
  country: string | null;
  organisation_name: string;
  tags: string[];
  attributes: Record<string, string>;
}

/**
 * A text[] of addresses from one parameter (a thousand bound parameters cost more than the query on
 * PGlite); addresses hold no line break (`isPlausibleEmail`), so one separates them.
 */
function addressArray(values: string[]) {
  return sql`string_to_array(${values.join('\n')}, ${'\n'})`;
}

export interface ExistingSubscriber {
  id: string;
  emailNormalized: string;
  status: string;
  name: string;
  languages: string[];
  country: string | null;
  organisationName: string;
  tags: string[];
  attributes: Record<string, string>;
}

/** The workspace's subscribers with these normalized addresses. */
export async function findSubscribersByEmail(
  db: DbOrTransaction,
  workspaceId: string,
  emails: string[],
): Promise<Map<string, ExistingSubscriber>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({
      id: subscribers.id,
      emailNormalized: subscribers.emailNormalized,
      status: subscribers.status,
      name: subscribers.name,
      languages: subscribers.languages,
      country: subscribers.country,
      organisationName: subscribers.organisationName,
      tags: subscribers.tags,
      attributes: subscribers.attributes,
    })
    .from(subscribers)
    .where(and(eq(subscribers.workspaceId, workspaceId), sql`${subscribers.emailNormalized} = any(${addressArray(emails)})`));
  return new Map(rows.map((row) => [row.emailNormalized, row]));
}

/**
 * Addresses an import must not bring back though their subscriber row is gone: hard bounces and
 * complaints kept in the bounce log, and people erased on request (only a hash of their address is
 * kept, in newsletter_suppression).
 */
export async function findSuppressedAddresses(db: DbOrTransaction, workspaceId: string, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db
    .select({ emailNormalized: newsletterBounces.emailNormalized, type: newsletterBounces.type })
    .from(newsletterBounces)
    .where(
      and(
        eq(newsletterBounces.workspaceId, workspaceId),
        sql`${newsletterBounces.emailNormalized} = any(${addressArray(emails)})`,
        inArray(newsletterBounces.type, ['hard', 'complaint']),
      ),
    );
  const suppressed = new Map(rows.map((row) => [row.emailNormalized, row.type]));
  for (const email of await findSuppressedEmails(db, workspaceId, emails)) suppressed.set(email, 'erased');
  return suppressed;
}

/**
 * Whether the rows a batch points at still exist: its lists (not archived) and the officer who started
 * it. Checked in the batch's transaction, before anything is written.
 */
export async function checkBatchReferences(
  db: DbOrTransaction,
  input: { workspaceId: string; listIds: string[]; actorUserId: string | null },
) {
  const lists =
    input.listIds.length === 0
      ? []
      : await db
          .select({ id: mailingLists.id })
          .from(mailingLists)
          .where(
            and(eq(mailingLists.workspaceId, input.workspaceId), inArray(mailingLists.id, input.listIds), isNull(mailingLists.archivedAt)),
          );
  const actor = input.actorUserId ? await db.select({ id: users.id }).from(users).where(eq(users.id, input.actorUserId)) : [];
  return { hasAllLists: lists.length === input.listIds.length, hasActor: actor.length === 1 };
}

/**
 * For the rest of the transaction, skips the per-row foreign-key triggers. Only on the embedded
 * database, where PGlite runs one transaction at a time: the batch has just checked every row it
 * points at (its import row, locked, hence the workspace; its lists and officer; subscribers it
 * wrote itself), and nothing can remove them before it commits. Each inserted row otherwise runs one
 * lookup per reference — nine per imported person — which is a third of an import's time there.
 * The schema has no other trigger that this would skip. On PostgreSQL the triggers stay: other
 * sessions run beside the import.
 */
export async function skipRowForeignKeyChecks(db: DbOrTransaction): Promise<void> {
  await db.execute(sql`set local session_replication_role = replica`);
}

/** Rows of a raw statement: PGlite's driver answers `{ rows }`, postgres-js an array. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Inserts new subscribers and updates existing ones with values already merged by the caller. The
 * update only touches people still `active`: someone who unsubscribed or bounced between the read and
 * this statement is left alone (and absent from the result). The batch travels as one JSON parameter
 * rather than ten thousand: binding that many parameters costs more than the insert on PGlite.
 */
export async function upsertSubscribers(db: DbOrTransaction, workspaceId: string, rows: SubscriberWrite[]) {
  if (rows.length === 0) return [];
  const result = await db.execute(sql`
    insert into subscriber (id, workspace_id, email, email_normalized, name, search_text, languages, country, organisation_name, tags, attributes)
    select id, ${workspaceId}::uuid, email, email_normalized, name, search_text, languages, country, organisation_name, tags, attributes
    from jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ ...row, search_text: subscriberSearchText(row.name, row.email) })))}::jsonb) as input(
      id uuid, email text, email_normalized text, name text, search_text text, languages text[], country text,
      organisation_name text, tags text[], attributes jsonb
    )
    on conflict (workspace_id, email_normalized) do update set
      name = excluded.name, search_text = excluded.search_text, languages = excluded.languages, country = excluded.country,
      organisation_name = excluded.organisation_name, tags = excluded.tags, attributes = excluded.attributes,
      updated_at = now()
    where subscriber.status = 'active'
    returning id, email_normalized as "emailNormalized", (xmax = 0) as "isInserted"`);
  return rowsOf<{ id: string; emailNormalized: string; isInserted: boolean }>(result);
}

/**
 * Confirms each subscriber on each list. A pending double opt-in becomes confirmed; someone who left
 * a list stays out of it. Returns the subscriptions that changed (which get a consent record).
 */
export async function confirmSubscriptions(db: DbOrTransaction, listIds: string[], subscriberIds: string[]) {
  if (listIds.length === 0 || subscriberIds.length === 0) return [];
  const result = await db.execute(sql`
    insert into list_subscription (list_id, subscriber_id, status, confirmed_at)
    select list.id, person.id, 'confirmed', now()
    from unnest(string_to_array(${listIds.join(',')}, ',')::uuid[]) as list(id)
    cross join unnest(string_to_array(${subscriberIds.join(',')}, ',')::uuid[]) as person(id)
    on conflict (list_id, subscriber_id) do update set status = 'confirmed', confirmed_at = now()
    where list_subscription.status = 'unconfirmed'
    returning list_id as "listId", subscriber_id as "subscriberId"`);
  return rowsOf<{ listId: string; subscriberId: string }>(result);
}

/** One consent record per new subscription, with the text the officer confirmed. */
export async function insertImportConsents(
  db: DbOrTransaction,
  input: {
    workspaceId: string;
    importId: string;
    actorUserId: string | null;
    consentText: string;
    subscriptions: Array<{ listId: string; subscriberId: string }>;
  },
): Promise<void> {
  if (input.subscriptions.length === 0) return;
  // Ids made here: gen_random_uuid() is a noticeable share of a batch's time on PGlite.
  const rows = input.subscriptions.map((subscription) => [randomUUID(), subscription.subscriberId, subscription.listId]);
  await db.execute(sql`
    insert into consent_record (id, workspace_id, subscriber_id, list_id, action, source, consent_text, import_id, actor_user_id)
    select (item->>0)::uuid, ${input.workspaceId}::uuid, (item->>1)::uuid, (item->>2)::uuid, 'subscribe', 'import',
      ${input.consentText}, ${input.importId}::uuid, ${input.actorUserId}
    from jsonb_array_elements(${JSON.stringify(rows)}::jsonb) as item`);
}
