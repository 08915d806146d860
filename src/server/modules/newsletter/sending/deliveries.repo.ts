/**
 * SQL of delivery rows in flight: the claim — rows become `sending` in one statement with
 * `FOR UPDATE SKIP LOCKED`, before SMTP sees anything — and the outcomes written back.
 */
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
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

/**
 * Marks up to `limit` due pending rows `sending` for this worker and returns them. Each attempt gets
 * its own Message-ID (stored, so a bounce can be matched to its row).
 */
export async function claimDeliveries(
  db: DbOrTransaction,
  input: { issueId: string; workerId: string; limit: number; messageIdDomain: string },
): Promise<ClaimedDelivery[]> {
  const due = db
    .select({ id: newsletterDeliveries.id })
    .from(newsletterDeliveries)
    .where(
      and(
        eq(newsletterDeliveries.issueId, input.issueId),
        eq(newsletterDeliveries.state, 'pending'),
        or(isNull(newsletterDeliveries.retryAt), lte(newsletterDeliveries.retryAt, sql`now()`)),
      ),
    )
    .orderBy(asc(newsletterDeliveries.id))
    .limit(input.limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(newsletterDeliveries)
    .set({
      state: 'sending',
      claimedBy: input.workerId,
      claimedAt: sql`now()`,
      attempts: sql`${newsletterDeliveries.attempts} + 1`,
      lastError: null,
      messageId: sql`'<tw.' || ${newsletterDeliveries.id} || '.' || (${newsletterDeliveries.attempts} + 1) || '.' || ${newsletterDeliveries.issueId} || '@' || ${input.messageIdDomain}::text || '>'`,
    })
    .where(inArray(newsletterDeliveries.id, due))
    .returning({
      id: newsletterDeliveries.id,
      subscriberId: newsletterDeliveries.subscriberId,
      email: newsletterDeliveries.email,
      variant: newsletterDeliveries.variant,
      attempts: newsletterDeliveries.attempts,
      messageId: newsletterDeliveries.messageId,
    });
  return (rows as ClaimedDelivery[]).sort((a, b) => a.id - b.id);
}

/** What the messages of a claimed batch need from each subscriber. */
export function findRecipientFields(db: DbOrTransaction, subscriberIds: string[]) {
  return db
    .select({
      id: subscribers.id,
      name: subscribers.name,
      country: subscribers.country,
      organisationName: subscribers.organisationName,
      attributes: subscribers.attributes,
      directoryName: organisations.name,
    })
    .from(subscribers)
    .leftJoin(organisations, eq(organisations.id, subscribers.organisationId))
    .where(inArray(subscribers.id, subscriberIds));
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
