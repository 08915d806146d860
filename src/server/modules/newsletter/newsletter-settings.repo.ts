/** A workspace's newsletter settings, with defaults when none were saved yet. */
import { eq } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { newsletterSettings } from './newsletter.tables.js';

export type NewsletterSettingsRow = typeof newsletterSettings.$inferSelect;

export async function loadNewsletterSettings(db: DbOrTransaction, workspaceId: string): Promise<NewsletterSettingsRow> {
  const [row] = await db.select().from(newsletterSettings).where(eq(newsletterSettings.workspaceId, workspaceId));
  if (row) return row;
  return {
    workspaceId,
    fromName: '',
    fromAddress: '',
    replyTo: null,
    postalAddress: '',
    messagesPerSecond: 10,
    smtpConnections: 3,
    windowMessages: 0,
    windowHours: 24,
    trackOpens: false,
    trackClicks: false,
    dkimDomain: null,
    dkimSelector: null,
    dkimPrivateKeyEncrypted: null,
    bounceWebhookSecret: null,
    updatedAt: new Date(0),
  };
}
