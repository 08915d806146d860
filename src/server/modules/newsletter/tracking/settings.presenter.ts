/** The API shape of the newsletter settings: the DKIM key never leaves, only what to publish in DNS. */
import type { NewsletterSettings } from '../../../../shared/newsletter/tracking-api.schema.js';
import { openSecret } from '../../../platform/secret-box.js';
import type { NewsletterSettingsRow } from '../newsletter-settings.repo.js';
import { dkimDnsName, dkimDnsValue, parseDkimPrivateKey } from './dkim-key.js';

/** Purpose of the secret box for the DKIM key; the sending engine opens it with the same. */
export const DKIM_SECRET_PURPOSE = 'newsletter.dkim';

/** The public path of the bounce webhook; the secret is the last segment. */
export const BOUNCE_WEBHOOK_PATH = '/n/bounces/:workspaceId/:secret';

export function bounceWebhookUrl(publicUrl: string, workspaceId: string, secret: string): string {
  return `${publicUrl}${BOUNCE_WEBHOOK_PATH.replace(':workspaceId', workspaceId).replace(':secret', secret)}`;
}

/** The DNS TXT value of the stored key, or `unreadable` when it cannot be opened with this SECRET_KEY. */
function publishedKey(secretKey: string, sealed: string | null): { value: string | null; isUnreadable: boolean } {
  if (!sealed) return { value: null, isUnreadable: false };
  try {
    const key = parseDkimPrivateKey(openSecret(secretKey, DKIM_SECRET_PURPOSE, sealed));
    return key ? { value: dkimDnsValue(key), isUnreadable: false } : { value: null, isUnreadable: true };
  } catch {
    return { value: null, isUnreadable: true };
  }
}

export function presentNewsletterSettings(
  row: NewsletterSettingsRow,
  options: { secretKey: string; publicUrl: string; canManage: boolean },
): NewsletterSettings {
  const published = publishedKey(options.secretKey, row.dkimPrivateKeyEncrypted);
  return {
    fromName: row.fromName,
    fromAddress: row.fromAddress,
    replyTo: row.replyTo,
    postalAddress: row.postalAddress,
    messagesPerSecond: row.messagesPerSecond,
    smtpConnections: row.smtpConnections,
    windowMessages: row.windowMessages,
    windowHours: row.windowHours,
    trackOpens: row.trackOpens,
    trackClicks: row.trackClicks,
    dkimDomain: row.dkimDomain,
    dkimSelector: row.dkimSelector,
    dkimConfigured: Boolean(row.dkimPrivateKeyEncrypted),
    dkimKeyUnreadable: published.isUnreadable,
    dkimDnsName: dkimDnsName(row.dkimSelector, row.dkimDomain),
    dkimDnsValue: published.value,
    bounceWebhookUrl:
      options.canManage && row.bounceWebhookSecret ? bounceWebhookUrl(options.publicUrl, row.workspaceId, row.bounceWebhookSecret) : null,
    updatedAt: row.updatedAt.getTime() === 0 ? null : row.updatedAt.toISOString(),
  };
}

/** The settings as the audit log keeps them: no webhook URL (it holds the secret), never the key. */
export function auditedSettings(
  settings: NewsletterSettings,
): Omit<NewsletterSettings, 'bounceWebhookUrl'> & { bounceWebhookSet: boolean } {
  const { bounceWebhookUrl: url, ...rest } = settings;
  return { ...rest, bounceWebhookSet: url !== null };
}
