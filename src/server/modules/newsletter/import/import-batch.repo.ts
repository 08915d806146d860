/**
 * The import's bulk SQL (STYLE G5): one batch of rows is two statements in one transaction — read who
 * the addresses are, then write subscribers, subscriptions and consent records together.
 * Separate from the one-subscriber form path on purpose: a batch never loops over rows in SQL.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { users } from '../../../platform/auth/auth.tables.js';
import {
  consentRecords,
  listSubscriptions,
  mailingLists,
  newsletterBounces,
  newsletterSuppressions,
  subscribers,
} from '../newsletter.tables.js';
import { suppressionHashOf } from '../subscriptions.repo.js';
import { textArrayLiteral } from './pg-array.js';

/**
 * One subscriber as the batch writes it (snake_case, as its columns).
 * `id` is a new id made by the caller (gen_random_uuid() costs noticeably on PGlite; an existing
 * subscriber keeps theirs); `consent_ids` holds one new id per chosen list, in the lists' order, for
 * the consent record of that subscription. Rows are matched back by address, not id: someone another
 * process added since the batch read its people is updated under their own id.
 */
export interface SubscriberWrite {
  id: string;
  email: string;
  email_normalized: string;
  name: string;
  search_text: string;
  languages: string[];
  country: string | null;
  organisation_name: string;
  tags: string[];
  attributes: Record<string, string>;
  consent_ids: string[];
}

/**
 * A text[] of addresses from one parameter (a thousand bound parameters cost more than the query on
 * PGlite); addresses hold no line break (`isPlausibleEmail`), so one separates them.
 */
function addressArray(values: string[]) {
  return sql`string_to_array(${values.join('\n')}, ${'\n'})`;
}

/** Rows of a raw statement: PGlite's driver answers `{ rows }`, postgres-js an array. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
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

export interface BatchPeople {
  /** The workspace's subscribers with these addresses. */
  existing: Map<string, ExistingSubscriber>;
  /** Addresses without a subscriber row that must not come back: `hard`, `complaint` (bounce log) or `erased`. */
  suppressed: Map<string, string>;
}

/**
 * Who the batch's addresses are, in one statement: the workspace's subscribers with these normalized
 * addresses, the hard bounces and complaints kept in the bounce log for them, and whether the
 * workspace erased anyone. Erased people leave only a SHA-256 of their address, so hashes are made
 * (in a second query) only when the workspace has erasures at all.
 */
export async function findBatchPeople(db: DbOrTransaction, workspaceId: string, emails: string[]): Promise<BatchPeople> {
  const people: BatchPeople = { existing: new Map(), suppressed: new Map() };
  if (emails.length === 0) return people;
  const wanted = addressArray(emails);
  const result = await db.execute(sql`
    select 'subscriber' as kind, id, email_normalized, status, name, languages, country, organisation_name, tags, attributes
      from ${subscribers}
     where workspace_id = ${workspaceId} and email_normalized = any(${wanted})
    union all
    select distinct on (email_normalized) 'bounce', null, email_normalized, type, null, null, null, null, null, null
      from ${newsletterBounces}
     where workspace_id = ${workspaceId} and email_normalized = any(${wanted}) and type in ('hard', 'complaint')
    union all
    select 'erasures', null, null, null, null, null, null, null, null, null
     where exists (select 1 from ${newsletterSuppressions} where workspace_id = ${workspaceId})`);
  type Row = {
    kind: string;
    id: string;
    email_normalized: string;
    status: string;
    name: string;
    languages: string[];
    country: string | null;
    organisation_name: string;
    tags: string[];
    attributes: Record<string, string>;
  };
  let hasErasures = false;
  for (const row of rowsOf<Row>(result)) {
    if (row.kind === 'erasures') hasErasures = true;
    else if (row.kind === 'bounce') people.suppressed.set(row.email_normalized, row.status);
    else
      people.existing.set(row.email_normalized, {
        id: row.id,
        emailNormalized: row.email_normalized,
        status: row.status,
        name: row.name,
        languages: row.languages,
        country: row.country,
        organisationName: row.organisation_name,
        tags: row.tags,
        attributes: row.attributes,
      });
  }
  // A subscriber row wins over the logs (its status says why, or it is active and simply updated).
  for (const email of people.existing.keys()) people.suppressed.delete(email);
  if (hasErasures) {
    const absent = emails.filter((email) => !people.existing.has(email));
    for (const email of await findErasedAddresses(db, workspaceId, absent)) people.suppressed.set(email, 'erased');
  }
  return people;
}

/** Of `emails` (normalized), those erased from this workspace on request; the hashes travel as one parameter. */
async function findErasedAddresses(db: DbOrTransaction, workspaceId: string, emails: string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  const byHash = new Map(emails.map((email) => [suppressionHashOf(email), email]));
  const result = await db.execute(sql`
    select email_hash from ${newsletterSuppressions}
     where workspace_id = ${workspaceId} and email_hash = any(string_to_array(${[...byHash.keys()].join(',')}, ','))`);
  return rowsOf<{ email_hash: string }>(result).map((row) => byHash.get(row.email_hash) as string);
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

export interface BatchWriteResult {
  created: number;
  updated: number;
  /** Addresses the statement did not write: the person left (unsubscribed, bounced) since the batch read them. */
  unwritten: string[];
}

/**
 * Writes a batch in one statement (data-modifying CTEs): upserts the subscribers, confirms their
 * subscriptions to the chosen lists, and records one consent per subscription that changed. Each
 * column travels as one array parameter (see pg-array.ts) rather than thousands of bound parameters
 * (binding that many costs more than the insert on PGlite) or one JSON document (three times slower to
 * read there), and one statement instead of three saves two parse-and-plan rounds and the transfer of
 * every written id back and forth.
 *
 * - Subscribers: new ones are inserted; existing ones get the values the caller merged, but only while
 *   they are still `active` — someone who unsubscribed or bounced since the read is left alone (and
 *   comes back in `unwritten`).
 * - Subscriptions: confirmed; a pending double opt-in becomes confirmed; someone who left a list stays out.
 * - Consent: one record per new or newly confirmed subscription, with the text the officer confirmed.
 */
export async function writeBatchRows(
  db: DbOrTransaction,
  input: {
    workspaceId: string;
    listIds: string[];
    importId: string;
    actorUserId: string | null;
    consentText: string;
    rows: SubscriberWrite[];
  },
): Promise<BatchWriteResult> {
  if (input.rows.length === 0) return { created: 0, updated: 0, unwritten: [] };
  const column = (value: (row: SubscriberWrite) => string | null) => textArrayLiteral(input.rows.map(value));
  const result = await db.execute(sql`
    with input as (
      select id::uuid, email, email_normalized, name, search_text, languages::text[], country, organisation_name, tags::text[],
             attributes::jsonb, consent_ids::uuid[]
        from unnest(
          ${column((row) => row.id)}::text[], ${column((row) => row.email)}::text[], ${column((row) => row.email_normalized)}::text[],
          ${column((row) => row.name)}::text[], ${column((row) => row.search_text)}::text[],
          ${column((row) => textArrayLiteral(row.languages))}::text[], ${column((row) => row.country)}::text[],
          ${column((row) => row.organisation_name)}::text[], ${column((row) => textArrayLiteral(row.tags))}::text[],
          ${column((row) => JSON.stringify(row.attributes))}::text[], ${column((row) => textArrayLiteral(row.consent_ids))}::text[]
        ) as input(id, email, email_normalized, name, search_text, languages, country, organisation_name, tags, attributes, consent_ids)
    ), written as (
      insert into ${subscribers} (id, workspace_id, email, email_normalized, name, search_text, languages, country, organisation_name, tags, attributes)
      select id, ${input.workspaceId}::uuid, email, email_normalized, name, search_text, languages, country, organisation_name, tags, attributes
        from input
      on conflict (workspace_id, email_normalized) do update set
        name = excluded.name, search_text = excluded.search_text, languages = excluded.languages, country = excluded.country,
        organisation_name = excluded.organisation_name, tags = excluded.tags, attributes = excluded.attributes,
        updated_at = now()
      where ${subscribers}.status = 'active'
      returning id, email_normalized, (xmax = 0) as is_inserted
    ), lists as (
      select list_id, position::int from unnest(string_to_array(${input.listIds.join(',')}, ',')::uuid[]) with ordinality as list(list_id, position)
    ), subscribed_new as (
      -- Someone this statement created has no subscription yet: a plain insert (no conflict to look for).
      insert into ${listSubscriptions} (list_id, subscriber_id, status, confirmed_at)
      select lists.list_id, written.id, 'confirmed', now() from written cross join lists where written.is_inserted
      returning list_id, subscriber_id
    ), subscribed_existing as (
      insert into ${listSubscriptions} (list_id, subscriber_id, status, confirmed_at)
      select lists.list_id, written.id, 'confirmed', now() from written cross join lists where not written.is_inserted
      on conflict (list_id, subscriber_id) do update set status = 'confirmed', confirmed_at = now()
      where ${listSubscriptions}.status = 'unconfirmed'
      returning list_id, subscriber_id
    ), subscribed as (
      select list_id, subscriber_id from subscribed_new union all select list_id, subscriber_id from subscribed_existing
    ), consented as (
      insert into ${consentRecords} (id, workspace_id, subscriber_id, list_id, action, source, consent_text, import_id, actor_user_id)
      select input.consent_ids[lists.position], ${input.workspaceId}::uuid, subscribed.subscriber_id, subscribed.list_id, 'subscribe', 'import',
             ${input.consentText}, ${input.importId}::uuid, ${input.actorUserId}
        from subscribed
        join written on written.id = subscribed.subscriber_id
        join input on input.email_normalized = written.email_normalized
        join lists on lists.list_id = subscribed.list_id
      returning 1
    )
    select (select count(*) from written where is_inserted)::int as created,
           (select count(*) from written where not is_inserted)::int as updated,
           (select count(*) from consented)::int as consents,
           (select coalesce(array_agg(email_normalized), '{}') from input
             where email_normalized not in (select email_normalized from written)) as unwritten`);
  const [row] = rowsOf<{ created: number; updated: number; unwritten: string[] }>(result);
  return { created: Number(row?.created ?? 0), updated: Number(row?.updated ?? 0), unwritten: row?.unwritten ?? [] };
}
