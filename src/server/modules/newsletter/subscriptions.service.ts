/**
 * Rules of subscribing and unsubscribing, whoever asks (public form, email links, officers, imports):
 *
 * - A sign-up from the public form puts the person on the chosen public lists; a double opt-in list
 *   waits for the confirmation link (sent in their language, valid 7 days).
 * - **Nobody who unsubscribed, bounced, complained or was erased is resubscribed silently.** Only a new
 *   sign-up through the public form, confirmed from the mailbox, makes them active again: for such an
 *   address every list waits for confirmation, even a single opt-in one. Imports and officers cannot.
 * - Every change leaves a consent record (when, how, the text agreed to, IP and user agent for forms).
 * - Unsubscribing is idempotent: a second click changes and records nothing.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { ConsentSource } from '../../../shared/newsletter/audience-api.schema.js';
import { normalizeEmail } from '../../../shared/newsletter/subscriber-identity.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { Platform } from '../../platform/platform.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findOwnedLists, type MailingListRow } from './lists.repo.js';
import { newsletterDeliveries } from './newsletter.tables.js';
import { confirmUrl, preferencesUrl } from './newsletter-links.js';
import { alreadySubscribedMail, CONFIRMATION_VALID_DAYS, confirmationMail, mailLanguageFor } from './public/subscription-mails.js';
import {
  findSubscriberAnywhere,
  findSubscriberByEmail,
  insertSubscriberIfAbsent,
  lockSubscriber,
  type SubscriberRow,
  subscriberSearchText,
  updateSubscriberRow,
} from './subscribers.repo.js';
import {
  confirmOnLists,
  confirmPending,
  findSubscriptions,
  findSuppressedEmails,
  liftSuppression,
  markPendingOnLists,
  recordConsent,
  unsubscribeFromLists,
} from './subscriptions.repo.js';

type MailPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

export interface UnsubscribeInput {
  workspaceId: string;
  subscriberId: string;
  /** The delivery whose link was used: its `unsubscribed_at` counts the unsubscribe for that issue. */
  deliveryId?: number;
  source: ConsentSource;
  ip?: string | null;
  userAgent?: string | null;
  /** The officer, for a manual unsubscribe. */
  actorUserId?: string | null;
}

/**
 * Unsubscribes a person from everything: status `unsubscribed` (a bounced or complained address keeps
 * that stronger status), every list subscription `unsubscribed`, one consent record per list left,
 * and the delivery's `unsubscribed_at`. Idempotent: `isChanged` is false when there was nothing to do.
 */
export async function unsubscribeSubscriber(db: Db, input: UnsubscribeInput): Promise<{ isChanged: boolean }> {
  return db.transaction((tx) => unsubscribeInTransaction(tx, input));
}

/** `unsubscribeSubscriber` inside the caller's transaction (a manual unsubscribe audits in the same one). */
export async function unsubscribeInTransaction(tx: DbOrTransaction, input: UnsubscribeInput): Promise<{ isChanged: boolean }> {
  const subscriber = await lockSubscriber(tx, input.workspaceId, input.subscriberId);
  if (!subscriber) return { isChanged: false };
  const left = await unsubscribeFromLists(tx, subscriber.id);
  const wasActive = subscriber.status === 'active';
  if (!wasActive && left.length === 0) return { isChanged: false };
  await updateSubscriberRow(tx, input.workspaceId, subscriber.id, {
    ...(wasActive ? { status: 'unsubscribed' } : {}),
    unsubscribedAt: new Date(),
  });
  await recordConsent(tx, {
    workspaceId: input.workspaceId,
    subscriberId: subscriber.id,
    listIds: left,
    action: 'unsubscribe',
    source: input.source,
    ip: input.ip,
    userAgent: input.userAgent,
    actorUserId: input.actorUserId,
  });
  if (input.deliveryId !== undefined) {
    await tx
      .update(newsletterDeliveries)
      .set({ unsubscribedAt: new Date() })
      .where(
        and(
          eq(newsletterDeliveries.id, input.deliveryId),
          eq(newsletterDeliveries.subscriberId, subscriber.id),
          eq(newsletterDeliveries.workspaceId, input.workspaceId),
          isNull(newsletterDeliveries.unsubscribedAt),
        ),
      );
  }
  return { isChanged: true };
}

export interface FormSignUp {
  workspaceId: string;
  email: string;
  name: string;
  languages: string[];
  country: string | null;
  /** Public lists chosen on the form (others are ignored). */
  listIds: string[];
  /** The consent text exactly as the page showed it. */
  consentText: string;
  /** The page's language. */
  language: string;
  ip: string | null;
  userAgent: string | null;
}

/** What happened, for tests and logs only: the visitor's page never depends on it (no address probing). */
export type SignUpOutcome = 'subscribed' | 'pending' | 'already' | 'no_lists';

/** Sends the double opt-in email for `lists`, in `language`. */
export async function sendConfirmation(platform: MailPlatform, subscriber: SubscriberRow, lists: MailingListRow[], language: string) {
  const workspace = await findWorkspaceById(platform.database.db, subscriber.workspaceId);
  await platform.mailer.send(
    confirmationMail({
      to: subscriber.email,
      workspaceId: subscriber.workspaceId,
      language,
      siteName: workspace?.name ?? {},
      lists,
      confirmUrl: confirmUrl(platform.config, subscriber.id),
    }),
  );
}

/** A sign-up from the public form or embed (see the rules at the top of this file). */
export async function signUpFromForm(platform: MailPlatform, input: FormSignUp): Promise<SignUpOutcome> {
  const db = platform.database.db;
  const language = mailLanguageFor(input.languages, input.language);
  const result = await db.transaction(async (tx) => {
    const lists = (await findOwnedLists(tx, input.workspaceId, input.listIds)).filter(
      (list) => list.visibility === 'public' && !list.archivedAt,
    );
    if (lists.length === 0) return { outcome: 'no_lists' as const };
    const isErased = (await findSuppressedEmails(tx, input.workspaceId, [input.email])).size > 0;
    // Two sign-ups of one new address at once: the second waits for the first insert, then finds its row.
    await insertSubscriberIfAbsent(tx, {
      workspaceId: input.workspaceId,
      email: input.email.trim(),
      emailNormalized: normalizeEmail(input.email),
      name: input.name,
      languages: input.languages,
      country: input.country,
      searchText: subscriberSearchText(input.name, input.email),
    });
    const found = await findSubscriberByEmail(tx, input.workspaceId, input.email);
    const subscriber = found ? await lockSubscriber(tx, input.workspaceId, found.id) : undefined;
    if (!subscriber) throw new Error('subscriber vanished during sign-up');
    const isSuppressed = isErased || subscriber.status !== 'active';
    const current = new Map((await findSubscriptions(tx, subscriber.id)).map((row) => [row.listId, row.status]));
    const toConfirm = lists.filter((list) => list.optIn === 'single' && !isSuppressed && current.get(list.id) !== 'confirmed');
    const toHold = lists.filter((list) => (list.optIn === 'double' || isSuppressed) && current.get(list.id) !== 'confirmed');
    await confirmOnLists(
      tx,
      subscriber.id,
      toConfirm.map((list) => list.id),
    );
    const pending = await markPendingOnLists(
      tx,
      subscriber.id,
      toHold.map((list) => list.id),
    );
    const changed = [...toConfirm.map((list) => list.id), ...pending];
    if (changed.length > 0) {
      await recordConsent(tx, {
        workspaceId: input.workspaceId,
        subscriberId: subscriber.id,
        listIds: changed,
        action: 'subscribe',
        source: 'form',
        consentText: input.consentText,
        language: input.language,
        ip: input.ip,
        userAgent: input.userAgent,
      });
    }
    const pendingLists = lists.filter((list) => pending.includes(list.id));
    const outcome: SignUpOutcome = pendingLists.length > 0 ? 'pending' : changed.length > 0 ? 'subscribed' : 'already';
    return { outcome, subscriber, pendingLists, lists };
  });
  if (result.outcome === 'no_lists') return result.outcome;
  if (result.outcome === 'pending') await sendConfirmation(platform, result.subscriber, result.pendingLists, language);
  if (result.outcome === 'already') {
    const workspace = await findWorkspaceById(db, input.workspaceId);
    await platform.mailer.send(
      alreadySubscribedMail({
        to: result.subscriber.email,
        workspaceId: input.workspaceId,
        language,
        siteName: workspace?.name ?? {},
        lists: result.lists,
        preferencesUrl: preferencesUrl(platform.config, result.subscriber.id),
      }),
    );
  }
  return result.outcome;
}

export type ConfirmOutcome = 'confirmed' | 'already' | 'expired' | 'invalid';

/**
 * Confirms a double opt-in from the link's subscriber id and issue time. A link older than 7 days, or
 * older than the person's last unsubscribe or bounce, is refused: only a new sign-up brings them back.
 */
export async function confirmSubscription(
  db: Db,
  link: { subscriberId: string; issuedAt: number },
  context: { ip: string | null; userAgent: string | null; language: string },
  now = Date.now(),
): Promise<ConfirmOutcome> {
  if (link.issuedAt > now + 5 * 60_000) return 'invalid';
  if (now - link.issuedAt > CONFIRMATION_VALID_DAYS * 24 * 3600_000) return 'expired';
  const found = await findSubscriberAnywhere(db, link.subscriberId);
  if (!found) return 'invalid';
  return db.transaction(async (tx) => {
    const subscriber = await lockSubscriber(tx, found.workspaceId, found.id);
    if (!subscriber) return 'invalid';
    const suppressedAt = Math.max(subscriber.unsubscribedAt?.getTime() ?? 0, subscriber.bouncedAt?.getTime() ?? 0);
    if (link.issuedAt < suppressedAt) return 'expired';
    const confirmed = await confirmPending(tx, subscriber.id);
    if (confirmed.length === 0) {
      const subscriptions = await findSubscriptions(tx, subscriber.id);
      const isOnAList = subscriptions.some((row) => row.status === 'confirmed');
      return subscriber.status === 'active' && isOnAList ? 'already' : 'expired';
    }
    if (subscriber.status !== 'active') {
      await updateSubscriberRow(tx, subscriber.workspaceId, subscriber.id, {
        status: 'active',
        unsubscribedAt: null,
        bouncedAt: null,
        softBounceCount: 0,
      });
    }
    await liftSuppression(tx, subscriber.workspaceId, subscriber.email);
    await recordConsent(tx, {
      workspaceId: subscriber.workspaceId,
      subscriberId: subscriber.id,
      listIds: confirmed,
      action: 'confirm',
      source: 'email_link',
      language: context.language,
      ip: context.ip,
      userAgent: context.userAgent,
    });
    return 'confirmed';
  });
}
