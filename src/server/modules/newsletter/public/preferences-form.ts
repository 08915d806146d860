/**
 * The preferences page's data and its save: the lists offered are the workspace's public lists plus
 * any list the person is on (a private one can be left, never joined from here).
 */
import type { Db } from '../../../platform/db/database.js';
import type { Platform } from '../../../platform/platform.js';
import type { PublicContext } from '../../../public-site/public-context.js';
import { findOwnedLists, findPublicLists, type MailingListRow } from '../lists.repo.js';
import { findSubscriberAnywhere, type SubscriberRow } from '../subscribers.repo.js';
import { savePreferences } from '../subscription-preferences.service.js';
import { findSubscriptions } from '../subscriptions.repo.js';
import { type PreferencesView, renderPreferencesPage } from './link-pages.js';
import { languagesOfChoice } from './sign-up.page.js';

async function offeredLists(db: Db, subscriber: SubscriberRow) {
  const subscriptions = await findSubscriptions(db, subscriber.id);
  const on = new Set(subscriptions.filter((row) => row.status !== 'unsubscribed').map((row) => row.listId));
  const publicLists = await findPublicLists(db, subscriber.workspaceId);
  const theirs = (await findOwnedLists(db, subscriber.workspaceId, [...on])).filter(
    (list) => !publicLists.some((row) => row.id === list.id),
  );
  const lists: MailingListRow[] = [...publicLists, ...theirs];
  return lists.map((list) => ({ id: list.id, name: list.name, isOn: on.has(list.id) }));
}

async function viewOf(db: Db, token: string, subscriber: SubscriberRow, notice?: PreferencesView['notice']): Promise<PreferencesView> {
  return {
    token,
    email: subscriber.email,
    languages: subscriber.languages,
    isActive: subscriber.status === 'active',
    lists: await offeredLists(db, subscriber),
    ...(notice ? { notice } : {}),
  };
}

/** The preferences page of a subscriber, or undefined when they no longer exist. */
export async function loadPreferencesView(db: Db, ctx: PublicContext, token: string, subscriberId: string): Promise<string | undefined> {
  const subscriber = await findSubscriberAnywhere(db, subscriberId);
  return subscriber ? renderPreferencesPage(ctx, await viewOf(db, token, subscriber)) : undefined;
}

/**
 * Saves the form and renders the page again with a notice. `both` keeps the order the person already
 * had when they had both languages; an unknown choice keeps their languages.
 */
export async function savePreferencesForm(
  platform: Pick<Platform, 'database' | 'mailer' | 'config'>,
  ctx: PublicContext,
  input: { token: string; subscriber: SubscriberRow; form: URLSearchParams; ip: string | null; userAgent: string | null },
): Promise<string> {
  const db = platform.database.db;
  const choice = input.form.get('language') ?? '';
  const current = input.subscriber.languages;
  let languages = current;
  if (choice === 'both') {
    const all = languagesOfChoice(ctx, 'both');
    languages = all.every((language) => current.includes(language)) && current.length === all.length ? current : all;
  } else if (ctx.languages.includes(choice)) {
    languages = [choice];
  }
  const offered = await offeredLists(db, input.subscriber);
  const outcome = await savePreferences(platform, input.subscriber.id, {
    languages,
    listIds: input.form.getAll('lists'),
    offeredListIds: offered.map((list) => list.id),
    language: ctx.lang,
    ip: input.ip,
    userAgent: input.userAgent,
  });
  const subscriber = (await findSubscriberAnywhere(db, input.subscriber.id)) ?? input.subscriber;
  return renderPreferencesPage(ctx, await viewOf(db, input.token, subscriber, outcome === 'pending' ? 'pending' : 'saved'));
}
