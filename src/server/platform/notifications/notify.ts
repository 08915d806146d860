/**
 * Notifications (in-app, and by email when asked): the one way modules tell people that something
 * concerns them. Words are never stored: a row keeps the catalog key `notifications.<kind>` and its
 * ICU params, so each reader sees it in their own language; emails are written in the recipient's.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { pickUiLocale } from '../../../shared/languages.js';
import { users } from '../auth/auth.tables.js';
import { translatorFor } from '../i18n.js';
import type { Platform } from '../platform.js';
import { workspaces } from '../platform.tables.js';
import { notifications } from './notifications.tables.js';

export interface NotificationInput {
  workspaceId: string;
  userIds: string[];
  /** Catalog key under `notifications.` (kebab-case, e.g. `need-status-changed`). */
  kind: string;
  params?: Record<string, string | number>;
  /** Path inside the app, e.g. `/app/w/<workspaceId>/needs/<id>`. */
  link?: string;
  /** Also send an email (written to the outbox, then SMTP when configured). */
  email?: boolean;
}

/** Records one notification per distinct recipient and, when asked, emails each in their language. */
export async function notify(platform: Pick<Platform, 'database' | 'mailer' | 'config'>, input: NotificationInput): Promise<void> {
  const userIds = [...new Set(input.userIds)];
  if (userIds.length === 0) return;
  const db = platform.database.db;
  const params = input.params ?? {};
  await db
    .insert(notifications)
    .values(userIds.map((userId) => ({ workspaceId: input.workspaceId, userId, kind: input.kind, params, link: input.link ?? null })));
  if (!input.email) return;
  const [workspace] = await db
    .select({ arabicDigits: workspaces.arabicDigits })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  const recipients = await db.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.id, userIds));
  for (const recipient of recipients) {
    const t = translatorFor(pickUiLocale(recipient.locale), workspace?.arabicDigits === 'arab' ? 'arab' : 'latn');
    const line = t(`notifications.${input.kind}`, params);
    const url = input.link ? new URL(input.link, platform.config.publicUrl).toString() : platform.config.publicUrl;
    await platform.mailer.send({
      workspaceId: input.workspaceId,
      to: recipient.email,
      subject: line,
      text: `${line}\n\n${url}\n\n— ${t('notifications.emailFooter')}`,
    });
  }
}

/** Marks the user's notifications read (all of them, or the given ones). */
export async function markNotificationsRead(db: Platform['database']['db'], workspaceId: string, userId: string, ids?: string[]) {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(eq(notifications.workspaceId, workspaceId), eq(notifications.userId, userId), ids ? inArray(notifications.id, ids) : undefined),
    );
}
