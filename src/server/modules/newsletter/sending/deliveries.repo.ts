/**
 * SQL of delivery rows in flight: the claim — rows become `sending` in one statement with
 * `FOR UPDATE SKIP LOCKED`, before SMTP sees anything — and the outcomes written back.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { mailOutbox } from '../../../platform/platform.tables.js';
import { organisations } from '../../directory/directory.tables.js';
import { newsletterBounces, newsletterDeliveries, subscribers } from '../newsletter.tables.js';

/** Serialises the window check and the claim of one workspace across processes (transaction-scoped). */
export async function lockWorkspaceWindow(db: DbOrTransaction, workspaceId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`newsletter-window:${workspaceId}`}, 0))`);
}

export interface ClaimedDelivery {
  id: number;
  subscriberId: string;
  email: string;
  variant: string;
  attempts: number;
  messageId: string;
}

/** What the message of a claimed delivery needs from its subscriber. */
export interface RecipientRow {
  id: string;
  name: string;
  country: string | null;
  organisationName: string;
  attributes: Record<string, string>;
  directoryName: LocalizedText | null;
}

export interface ClaimedMessage {
  delivery: ClaimedDelivery;
  /** Undefined when the subscriber row is gone (its deliveries go with it: never expected). */
  recipient: RecipientRow | undefined;
}

/** Rows of a raw statement: PGlite's driver answers `{ rows }`, postgres-js an array. */
function rowsOf(result: unknown): Array<Record<string, unknown>> {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as Array<Record<string, unknown>>;
}

/**
 * Marks up to `limit` due pending rows `sending` for this worker and returns them with the subscriber
 * fields their messages need, in one statement (a claim and a read were two, and a statement's fixed
 * cost — parse, plan — is most of a claim's on PGlite). Each attempt gets its own Message-ID (stored,
 * so a bounce can be matched to its row).
 *
 * `afterId` starts the scan after a row: the engine claims by keyset and looks from the start only
 * when the keyset runs dry. Without it, a claim late in a send of 100,000 passed over every row already
 * sent (the planner walks the primary key, in id order, and filters out rows no longer pending:
 * measured 10,000 rows filtered per claim halfway through 20,000).
 */
export async function claimDeliveries(
  db: DbOrTransaction,
  input: { issueId: string; workerId: string; limit: number; messageIdDomain: string; afterId?: number },
): Promise<ClaimedMessage[]> {
  const result = await db.execute(sql`
    with claimed as (
      update ${newsletterDeliveries}
         set state = 'sending', claimed_by = ${input.workerId}, claimed_at = now(), attempts = attempts + 1, last_error = null,
             message_id = '<tw.' || id || '.' || (attempts + 1) || '.' || issue_id || '@' || ${input.messageIdDomain}::text || '>'
       where id in (
         select id from ${newsletterDeliveries}
          where issue_id = ${input.issueId} and state = 'pending' and (retry_at is null or retry_at <= now())
            ${input.afterId === undefined ? sql`` : sql`and id > ${input.afterId}`}
          order by id
          limit ${input.limit}
            for update skip locked)
      returning id, subscriber_id, email, variant, attempts, message_id
    )
    select claimed.id, claimed.subscriber_id, claimed.email, claimed.variant, claimed.attempts, claimed.message_id,
           person.id as person_id, person.name, person.country, person.organisation_name, person.attributes,
           directory.name as directory_name
      from claimed
      left join ${subscribers} as person on person.id = claimed.subscriber_id
      left join ${organisations} as directory on directory.id = person.organisation_id
     order by claimed.id`);
  return rowsOf(result).map((row) => ({
    delivery: {
      // bigint: a number on PGlite, a string on postgres-js.
      id: Number(row.id),
      subscriberId: row.subscriber_id as string,
      email: row.email as string,
      variant: row.variant as string,
      attempts: Number(row.attempts),
      messageId: row.message_id as string,
    },
    recipient:
      row.person_id === null || row.person_id === undefined
        ? undefined
        : {
            id: row.person_id as string,
            name: row.name as string,
            country: (row.country as string | null) ?? null,
            organisationName: row.organisation_name as string,
            attributes: (row.attributes as Record<string, string> | null) ?? {},
            directoryName: (row.directory_name as LocalizedText | null) ?? null,
          },
  }));
}

/** The accepted messages of a batch, in one statement (only rows still `sending`). */
export async function markSent(db: DbOrTransaction, ids: number[]): Promise<number> {
  if (ids.length === 0) return 0;
  const rows = await db
    .update(newsletterDeliveries)
    .set({ state: 'sent', sentAt: sql`now()` })
    .where(and(inArray(newsletterDeliveries.id, ids), eq(newsletterDeliveries.state, 'sending')))
    .returning({ id: newsletterDeliveries.id });
  return rows.length;
}

/** Back to `pending`, due again `delayMs` from now (the database's clock, which the claim reads). */
export async function markRetry(db: DbOrTransaction, id: number, delayMs: number, error: string): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({ state: 'pending', retryAt: sql`now() + ${`${Math.round(delayMs)} milliseconds`}::interval`, lastError: error, claimedBy: null })
    .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.state, 'sending')));
}

export async function markFailed(db: DbOrTransaction, id: number, error: string): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({ state: 'failed', lastError: error })
    .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.state, 'sending')));
}

/** The fate is unknown: the row stays `sending`; the error marks it for the admin at once. */
export async function markUnknown(db: DbOrTransaction, id: number, error: string): Promise<void> {
  await db
    .update(newsletterDeliveries)
    .set({ lastError: `unconfirmed: ${error}`.slice(0, 500) })
    .where(and(eq(newsletterDeliveries.id, id), eq(newsletterDeliveries.state, 'sending')));
}

/** A hard bounce from SMTP: the row, the subscriber's suppression, and the bounce record. */
export async function markHardBounce(
  db: DbOrTransaction,
  input: { id: number; workspaceId: string; subscriberId: string; emailNormalized: string; error: string },
): Promise<void> {
  const [row] = await db
    .update(newsletterDeliveries)
    .set({ state: 'bounced', bounceType: 'hard', bouncedAt: sql`now()`, lastError: input.error })
    .where(and(eq(newsletterDeliveries.id, input.id), eq(newsletterDeliveries.state, 'sending')))
    .returning({ id: newsletterDeliveries.id });
  if (!row) return;
  await db
    .update(subscribers)
    .set({ status: 'bounced', bouncedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(subscribers.id, input.subscriberId), eq(subscribers.status, 'active')));
  await db.insert(newsletterBounces).values({
    workspaceId: input.workspaceId,
    emailNormalized: input.emailNormalized,
    subscriberId: input.subscriberId,
    deliveryId: input.id,
    type: 'hard',
    source: 'smtp',
    diagnostic: input.error,
  });
}

/** Without SMTP: the messages go to the in-app outbox (`outbox` status) in the caller's transaction. */
export async function insertOutboxMessages(
  db: DbOrTransaction,
  workspaceId: string,
  messages: Array<{ to: string; subject: string; text: string; html: string }>,
): Promise<void> {
  if (messages.length === 0) return;
  await db.insert(mailOutbox).values(
    messages.map((message) => ({
      workspaceId,
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html,
      status: 'outbox',
    })),
  );
}
