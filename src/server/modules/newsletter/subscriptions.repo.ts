/**
 * SQL of list subscriptions, consent records and erasure traces (STYLE G5). Callers check that the
 * subscriber and the lists belong to their workspace before calling.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import type { ConsentSource } from '../../../shared/newsletter/audience-api.schema.js';
import { normalizeEmail } from '../../../shared/newsletter/subscriber-identity.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { consentRecords, listSubscriptions, newsletterSuppressions } from './newsletter.tables.js';

export type ListSubscriptionRow = typeof listSubscriptions.$inferSelect;

/** Puts a subscriber on lists as confirmed (any previous state is replaced, dates restarted). */
export async function confirmOnLists(db: DbOrTransaction, subscriberId: string, listIds: string[]): Promise<void> {
  if (listIds.length === 0) return;
  await db
    .insert(listSubscriptions)
    .values(listIds.map((listId) => ({ listId, subscriberId, status: 'confirmed', confirmedAt: sql`now()` })))
    .onConflictDoUpdate({
      target: [listSubscriptions.listId, listSubscriptions.subscriberId],
      set: {
        status: 'confirmed',
        confirmedAt: sql`now()`,
        unsubscribedAt: null,
        subscribedAt: sql`case when ${listSubscriptions.status} = 'confirmed' then ${listSubscriptions.subscribedAt} else now() end`,
      },
    });
}

/** Marks lists as awaiting confirmation; a confirmed subscription stays confirmed. Returns the lists now pending. */
export async function markPendingOnLists(db: DbOrTransaction, subscriberId: string, listIds: string[]): Promise<string[]> {
  if (listIds.length === 0) return [];
  const rows = await db
    .insert(listSubscriptions)
    .values(listIds.map((listId) => ({ listId, subscriberId, status: 'unconfirmed' })))
    .onConflictDoUpdate({
      target: [listSubscriptions.listId, listSubscriptions.subscriberId],
      set: { status: 'unconfirmed', subscribedAt: sql`now()`, confirmedAt: null, unsubscribedAt: null },
      setWhere: ne(listSubscriptions.status, 'confirmed'),
    })
    .returning({ listId: listSubscriptions.listId });
  return rows.map((row) => row.listId);
}

/** Confirms every pending subscription of a subscriber; returns the lists confirmed. */
export async function confirmPending(db: DbOrTransaction, subscriberId: string): Promise<string[]> {
  const rows = await db
    .update(listSubscriptions)
    .set({ status: 'confirmed', confirmedAt: sql`now()` })
    .where(and(eq(listSubscriptions.subscriberId, subscriberId), eq(listSubscriptions.status, 'unconfirmed')))
    .returning({ listId: listSubscriptions.listId });
  return rows.map((row) => row.listId);
}

/** Takes a subscriber off the given lists (every list when `listIds` is undefined); returns the lists left. */
export async function unsubscribeFromLists(db: DbOrTransaction, subscriberId: string, listIds?: string[]): Promise<string[]> {
  if (listIds && listIds.length === 0) return [];
  const rows = await db
    .update(listSubscriptions)
    .set({ status: 'unsubscribed', unsubscribedAt: sql`now()` })
    .where(
      and(
        eq(listSubscriptions.subscriberId, subscriberId),
        ne(listSubscriptions.status, 'unsubscribed'),
        listIds ? inArray(listSubscriptions.listId, listIds) : undefined,
      ),
    )
    .returning({ listId: listSubscriptions.listId });
  return rows.map((row) => row.listId);
}

export function findSubscriptions(db: DbOrTransaction, subscriberId: string): Promise<ListSubscriptionRow[]> {
  return db.select().from(listSubscriptions).where(eq(listSubscriptions.subscriberId, subscriberId));
}

export interface ConsentInput {
  workspaceId: string;
  subscriberId: string;
  /** One record per list; none (or an empty array) records one entry for no list in particular. */
  listIds?: string[];
  action: 'subscribe' | 'confirm' | 'unsubscribe' | 'preferences';
  source: ConsentSource;
  consentText?: string;
  language?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  actorUserId?: string | null;
}

/** Appends consent records (proof of consent and of its withdrawal; never updated). */
export async function recordConsent(db: DbOrTransaction, input: ConsentInput): Promise<void> {
  const listIds: Array<string | null> = input.listIds && input.listIds.length > 0 ? input.listIds : [null];
  await db.insert(consentRecords).values(
    listIds.map((listId) => ({
      workspaceId: input.workspaceId,
      subscriberId: input.subscriberId,
      listId,
      action: input.action,
      source: input.source,
      consentText: input.consentText ?? '',
      language: input.language ?? null,
      ip: input.ip ?? null,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      actorUserId: input.actorUserId ?? null,
    })),
  );
}

/** The trace an erased address leaves: hex SHA-256 of the normalized address. */
export function suppressionHashOf(email: string): string {
  return createHash('sha256').update(normalizeEmail(email)).digest('hex');
}

/** Of `emails`, those erased from this workspace on request (imports skip them; only a confirmed sign-up lifts it). */
export async function findSuppressedEmails(db: DbOrTransaction, workspaceId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const byHash = new Map(emails.map((email) => [suppressionHashOf(email), email]));
  const rows = await db
    .select({ emailHash: newsletterSuppressions.emailHash })
    .from(newsletterSuppressions)
    .where(and(eq(newsletterSuppressions.workspaceId, workspaceId), inArray(newsletterSuppressions.emailHash, [...byHash.keys()])));
  return new Set(rows.map((row) => byHash.get(row.emailHash) as string));
}

export async function insertSuppression(db: DbOrTransaction, workspaceId: string, email: string): Promise<void> {
  await db
    .insert(newsletterSuppressions)
    .values({ workspaceId, emailHash: suppressionHashOf(email) })
    .onConflictDoNothing();
}

export async function liftSuppression(db: DbOrTransaction, workspaceId: string, email: string): Promise<void> {
  await db
    .delete(newsletterSuppressions)
    .where(and(eq(newsletterSuppressions.workspaceId, workspaceId), eq(newsletterSuppressions.emailHash, suppressionHashOf(email))));
}
