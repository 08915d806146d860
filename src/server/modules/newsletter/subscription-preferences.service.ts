/**
 * The preferences page's save (see the rules in subscriptions.service.ts): languages, and the lists
 * ticked among those offered.
 */
import type { Platform } from '../../platform/platform.js';
import { findOwnedLists } from './lists.repo.js';
import { mailLanguageFor } from './public/subscription-mails.js';
import { findSubscriberAnywhere, lockSubscriber, updateSubscriberRow } from './subscribers.repo.js';
import { confirmOnLists, findSubscriptions, markPendingOnLists, recordConsent, unsubscribeFromLists } from './subscriptions.repo.js';
import { sendConfirmation } from './subscriptions.service.js';

type MailPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

export interface PreferencesChange {
  languages: string[];
  /** The offered lists the person wants to be on. */
  listIds: string[];
  /** Lists the page offered (public ones and those the person is on). */
  offeredListIds: string[];
  language: string;
  ip: string | null;
  userAgent: string | null;
}

/**
 * Saves the preferences page: languages, and the lists ticked among those offered. The link came by
 * email, so an active person joins a ticked list at once; someone unsubscribed or bounced gets a
 * confirmation email instead (outcome `pending`).
 */
export async function savePreferences(
  platform: MailPlatform,
  subscriberId: string,
  change: PreferencesChange,
): Promise<'saved' | 'pending' | 'invalid'> {
  const db = platform.database.db;
  const found = await findSubscriberAnywhere(db, subscriberId);
  if (!found) return 'invalid';
  const result = await db.transaction(async (tx) => {
    const subscriber = await lockSubscriber(tx, found.workspaceId, found.id);
    if (!subscriber) return undefined;
    const context = { workspaceId: subscriber.workspaceId, subscriberId: subscriber.id, ip: change.ip, userAgent: change.userAgent };
    const offered = await findOwnedLists(tx, subscriber.workspaceId, change.offeredListIds);
    const current = new Map((await findSubscriptions(tx, subscriber.id)).map((row) => [row.listId, row.status]));
    const isOn = (listId: string) => current.get(listId) === 'confirmed' || current.get(listId) === 'unconfirmed';
    const wanted = new Set(change.listIds);
    const leaving = offered.filter((list) => isOn(list.id) && !wanted.has(list.id)).map((list) => list.id);
    // Only public lists can be joined from the page; private ones can only be left.
    const joining = offered.filter((list) => !isOn(list.id) && wanted.has(list.id) && list.visibility === 'public' && !list.archivedAt);
    const left = await unsubscribeFromLists(tx, subscriber.id, leaving);
    if (left.length > 0) await recordConsent(tx, { ...context, listIds: left, action: 'unsubscribe', source: 'email_link' });
    let pending: string[] = [];
    if (subscriber.status === 'active') {
      const ids = joining.map((list) => list.id);
      await confirmOnLists(tx, subscriber.id, ids);
      if (ids.length > 0)
        await recordConsent(tx, { ...context, listIds: ids, action: 'subscribe', source: 'email_link', language: change.language });
    } else {
      pending = await markPendingOnLists(
        tx,
        subscriber.id,
        joining.map((list) => list.id),
      );
      if (pending.length > 0) await recordConsent(tx, { ...context, listIds: pending, action: 'subscribe', source: 'email_link' });
    }
    const languagesChanged = change.languages.join(',') !== subscriber.languages.join(',');
    if (languagesChanged) {
      await updateSubscriberRow(tx, subscriber.workspaceId, subscriber.id, { languages: change.languages });
      await recordConsent(tx, { ...context, action: 'preferences', source: 'email_link', language: change.language });
    }
    return { subscriber, pendingLists: joining.filter((list) => pending.includes(list.id)) };
  });
  if (!result) return 'invalid';
  if (result.pendingLists.length === 0) return 'saved';
  await sendConfirmation(platform, result.subscriber, result.pendingLists, mailLanguageFor(change.languages, change.language));
  return 'pending';
}
