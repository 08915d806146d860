/**
 * One message of a send: the variant filled for the subscriber, its per-message links, and the
 * headers mailbox providers look for — List-Unsubscribe (mailto and https) with RFC 8058 one-click,
 * List-Id, the Message-ID stored on the delivery row, From and Reply-To from the newsletter settings.
 */
import { encodeWords } from 'nodemailer/lib/mime-funcs';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { openSecret } from '../../../platform/secret-box.js';
import { clickUrl, type LinkSigner, NEWSLETTER_PUBLIC_PATHS, openPixelUrl, preferencesUrl, unsubscribeUrl } from '../newsletter-links.js';
import type { NewsletterSettingsRow } from '../newsletter-settings.repo.js';
import type { ClaimedDelivery, RecipientRow } from './deliveries.repo.js';
import { type CompiledVariant, compileVariant, fillVariant, mergeValuesOf } from './message-template.js';
import type { RenderedVariants } from './send.repo.js';
import type { DkimKey, OutgoingMessage } from './smtp-sender.js';

export interface SendSettings {
  from: { name: string; address: string };
  replyTo?: string;
  listId: string;
  /** Right side of every Message-ID. */
  messageIdDomain: string;
  mailtoUnsubscribe: string;
  dkim?: DkimKey;
  trackClicks: boolean;
  trackOpens: boolean;
}

/** The address inside `Name <address>` or the bare address. */
function addressOf(value: string): string {
  return (/<([^>]+)>/.exec(value)?.[1] ?? value).trim();
}

function nameOf(value: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*</.exec(value);
  return match?.[1]?.trim() ?? '';
}

function domainOf(address: string): string {
  return address.split('@')[1]?.toLowerCase() ?? '';
}

/** Settings of a workspace turned into what every message of a send uses. */
export function sendSettingsOf(
  settings: NewsletterSettingsRow,
  workspace: { slug: string; name: LocalizedText; contentLanguages: readonly string[] },
  config: { mailFrom: string; publicUrl: string; secretKey: string },
): SendSettings {
  const address = settings.fromAddress.trim() || addressOf(config.mailFrom);
  const name = settings.fromAddress.trim() ? settings.fromName.trim() : nameOf(config.mailFrom);
  const host = new URL(config.publicUrl).hostname || 'localhost';
  const [first = 'fr', ...rest] = workspace.contentLanguages;
  // RFC 2919: a phrase, then the list's unique name in angle brackets. Only the phrase is encoded
  // (RFC 2047) when it is not ASCII: nodemailer would encode the whole value, brackets included.
  const listName = (pickLocalized(workspace.name, first, rest)?.value ?? workspace.slug).replace(/["<>\\\r\n]/g, ' ').trim();
  const phrase = /^[\x20-\x7e]*$/.test(listName) ? `"${listName}"` : encodeWords(listName, 'B', 52, true);
  const hasDkim = Boolean(settings.dkimDomain && settings.dkimSelector && settings.dkimPrivateKeyEncrypted);
  return {
    from: { name, address },
    replyTo: settings.replyTo?.trim() || undefined,
    listId: `${phrase} <newsletter.${workspace.slug}.${host}>`,
    messageIdDomain: settings.dkimDomain?.trim() || domainOf(address) || host,
    mailtoUnsubscribe: settings.replyTo?.trim() || address,
    dkim: hasDkim
      ? {
          domainName: settings.dkimDomain as string,
          keySelector: settings.dkimSelector as string,
          privateKey: openSecret(config.secretKey, 'newsletter.dkim', settings.dkimPrivateKeyEncrypted as string),
        }
      : undefined,
    trackClicks: settings.trackClicks,
    trackOpens: settings.trackOpens,
  };
}

/** Compiled variants, kept per issue and tracking options: compiled once per process, not per batch. */
export class CompiledVariants {
  private readonly cache = new Map<string, Map<string, CompiledVariant>>();

  constructor(private readonly maxIssues = 16) {}

  of(issueId: string, variants: RenderedVariants, tracking: { trackClicks: boolean; trackOpens: boolean }): Map<string, CompiledVariant> {
    const key = `${issueId}|${tracking.trackClicks}|${tracking.trackOpens}`;
    let compiled = this.cache.get(key);
    if (!compiled) {
      compiled = new Map(Object.entries(variants).map(([variant, content]) => [variant, compileVariant(content, tracking)]));
      if (this.cache.size >= this.maxIssues) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, compiled);
    }
    return compiled;
  }
}

/** Builds the message of one claimed delivery. */
export function buildMessage(input: {
  delivery: ClaimedDelivery;
  recipient: RecipientRow | undefined;
  variants: Map<string, CompiledVariant>;
  settings: SendSettings;
  signer: LinkSigner;
}): OutgoingMessage {
  const { delivery, recipient, settings, signer } = input;
  // A variant the issue no longer has (never expected: rows get a rendered one) falls back to the first.
  const variant = input.variants.get(delivery.variant) ?? (input.variants.values().next().value as CompiledVariant);
  const language = delivery.variant === 'bilingual' ? 'fr' : delivery.variant;
  const unsubscribe = unsubscribeUrl(signer, delivery.subscriberId, delivery.id);
  const values = mergeValuesOf(
    {
      email: delivery.email,
      name: recipient?.name ?? '',
      country: recipient?.country ?? null,
      organisation: recipient?.organisationName || pickLocalized(recipient?.directoryName, language)?.value || '',
      attributes: recipient?.attributes ?? {},
    },
    {
      unsubscribeUrl: unsubscribe,
      preferencesUrl: preferencesUrl(signer, delivery.subscriberId),
      archiveUrl: `${signer.publicUrl}${NEWSLETTER_PUBLIC_PATHS.archive}`,
    },
  );
  const filled = fillVariant(variant, values, {
    clickUrl: settings.trackClicks ? (target) => clickUrl(signer, delivery.id, target) : undefined,
    openPixelUrl: settings.trackOpens ? openPixelUrl(signer, delivery.id) : undefined,
  });
  return {
    from: settings.from.name ? { name: settings.from.name, address: settings.from.address } : settings.from.address,
    envelopeFrom: settings.from.address,
    to: delivery.email,
    replyTo: settings.replyTo,
    subject: filled.subject,
    html: filled.html,
    text: filled.text,
    messageId: delivery.messageId,
    headers: {
      'List-Unsubscribe': `<mailto:${settings.mailtoUnsubscribe}?subject=unsubscribe>, <${unsubscribe}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': { prepared: true, value: settings.listId },
    },
  };
}

export type { RecipientRow };
