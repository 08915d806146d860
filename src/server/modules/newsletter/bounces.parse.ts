/**
 * Reads what a provider posts to the bounce webhook into one list of bounces. Accepted:
 * - the generic shape `{ email, type: 'hard'|'soft'|'complaint', messageId?, diagnostic? }` or an array of it;
 * - Amazon SES notifications, inside their Amazon SNS envelope (`Type: 'Notification'`, `Message` a JSON
 *   string) or bare: `notificationType` (or `eventType`) `Bounce` with `bounceType` Permanent (hard),
 *   Transient or Undetermined (soft), and `Complaint`; the original Message-ID is read from
 *   `mail.commonHeaders.messageId` or `mail.headers`;
 * - Mailgun webhooks (`event-data`): `failed` with `severity` permanent (hard) or temporary (soft), and
 *   `complained`; the Message-ID from `message.headers['message-id']`.
 * Other events (deliveries, opens…) are counted as ignored. An SNS subscription request is reported so
 * the route can confirm it.
 */
import { type BounceEvent, BounceEventSchema, NEWSLETTER_SETTINGS_LIMITS } from '../../../shared/newsletter/tracking-api.schema.js';

export type ParsedWebhook =
  | { kind: 'events'; events: BounceEvent[]; ignored: number }
  | { kind: 'sns-subscription'; subscribeUrl: string; topicArn: string }
  | { kind: 'invalid' };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const clip = (value: string | undefined, length: number) => (value ? value.slice(0, length) : undefined);

/** `Jane <jane@example.org>` → `jane@example.org`. */
export function bareAddress(value: string): string {
  const match = value.match(/<([^<>]+)>\s*$/);
  return (match?.[1] ?? value).trim();
}

/** A Message-ID without its angle brackets, as `newsletter_delivery.message_id` may hold either form. */
export function bareMessageId(value: string): string {
  return value.trim().replace(/^<|>$/g, '');
}

function event(email: unknown, type: BounceEvent['type'], messageId: unknown, diagnostic: unknown): BounceEvent | undefined {
  const address = text(email);
  if (!address) return undefined;
  return {
    email: bareAddress(address).slice(0, 320),
    type,
    ...(text(messageId) ? { messageId: clip(text(messageId), 998) } : {}),
    ...(text(diagnostic) ? { diagnostic: clip(text(diagnostic), 2000) } : {}),
  };
}

function sesMessageId(mail: unknown): unknown {
  if (!isObject(mail)) return undefined;
  const common = isObject(mail.commonHeaders) ? mail.commonHeaders.messageId : undefined;
  if (text(common)) return common;
  const headers = Array.isArray(mail.headers) ? mail.headers : [];
  return headers.find((header): header is Json => isObject(header) && String(header.name).toLowerCase() === 'message-id')?.value;
}

function fromSes(notification: Json): { events: BounceEvent[]; ignored: number } {
  const kind = notification.notificationType ?? notification.eventType;
  const messageId = sesMessageId(notification.mail);
  const events: BounceEvent[] = [];
  if (kind === 'Bounce' && isObject(notification.bounce)) {
    const bounce = notification.bounce;
    const type = bounce.bounceType === 'Permanent' ? 'hard' : 'soft';
    const fallback = [bounce.bounceType, bounce.bounceSubType].filter(Boolean).join(' / ');
    for (const recipient of Array.isArray(bounce.bouncedRecipients) ? bounce.bouncedRecipients : []) {
      if (!isObject(recipient)) continue;
      const found = event(recipient.emailAddress, type, messageId, recipient.diagnosticCode ?? fallback);
      if (found) events.push(found);
    }
    return { events, ignored: 0 };
  }
  if (kind === 'Complaint' && isObject(notification.complaint)) {
    const complaint = notification.complaint;
    for (const recipient of Array.isArray(complaint.complainedRecipients) ? complaint.complainedRecipients : []) {
      if (!isObject(recipient)) continue;
      const found = event(recipient.emailAddress, 'complaint', messageId, complaint.complaintFeedbackType ?? 'complaint');
      if (found) events.push(found);
    }
    return { events, ignored: 0 };
  }
  return { events, ignored: 1 };
}

function fromMailgun(data: Json): { events: BounceEvent[]; ignored: number } {
  const headers = isObject(data.message) && isObject(data.message.headers) ? data.message.headers : {};
  const status = isObject(data['delivery-status']) ? data['delivery-status'] : {};
  const diagnostic = text(status.description) ?? text(status.message) ?? text(data.reason);
  let type: BounceEvent['type'] | undefined;
  if (data.event === 'failed') type = data.severity === 'permanent' ? 'hard' : 'soft';
  if (data.event === 'complained') type = 'complaint';
  const found = type ? event(data.recipient, type, headers['message-id'], diagnostic) : undefined;
  return found ? { events: [found], ignored: 0 } : { events: [], ignored: 1 };
}

/** One item of the payload: generic, SES (bare or in SNS) or Mailgun; undefined when unrecognised. */
function parseItem(item: unknown): { events: BounceEvent[]; ignored: number } | undefined {
  if (!isObject(item)) return undefined;
  if (item.Type === 'Notification' && typeof item.Message === 'string') {
    const inner = parseJson(item.Message);
    return isObject(inner) ? parseItem(inner) : undefined;
  }
  if (typeof item.notificationType === 'string' || typeof item.eventType === 'string') return fromSes(item);
  if (isObject(item['event-data'])) return fromMailgun(item['event-data']);
  const generic = BounceEventSchema.safeParse(item);
  if (!generic.success) return undefined;
  const found = event(generic.data.email, generic.data.type, generic.data.messageId, generic.data.diagnostic);
  return found ? { events: [found], ignored: 0 } : undefined;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** The bounces of a webhook body (already parsed JSON, or text: SNS posts JSON as `text/plain`). */
export function parseBounceWebhook(body: unknown): ParsedWebhook {
  const payload = typeof body === 'string' ? parseJson(body) : body;
  if (isObject(payload) && payload.Type === 'SubscriptionConfirmation') {
    const subscribeUrl = text(payload.SubscribeURL);
    return subscribeUrl ? { kind: 'sns-subscription', subscribeUrl, topicArn: text(payload.TopicArn) ?? '' } : { kind: 'invalid' };
  }
  const items = Array.isArray(payload) ? payload : [payload];
  if (items.length === 0 || items.length > NEWSLETTER_SETTINGS_LIMITS.webhookEventsMax) return { kind: 'invalid' };
  const events: BounceEvent[] = [];
  let ignored = 0;
  for (const item of items) {
    const parsed = parseItem(item);
    if (!parsed) return { kind: 'invalid' };
    events.push(...parsed.events);
    ignored += parsed.ignored;
  }
  return { kind: 'events', events: events.slice(0, NEWSLETTER_SETTINGS_LIMITS.webhookEventsMax), ignored };
}

/** Amazon SNS confirmation links: an AWS host, the ConfirmSubscription action, nothing else is fetched. */
export function isSnsConfirmationUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.protocol === 'https:' &&
      /^sns\.[a-z0-9-]+\.amazonaws\.com(?:\.cn)?$/.test(parsed.hostname) &&
      parsed.port === '' &&
      parsed.searchParams.get('Action') === 'ConfirmSubscription'
    );
  } catch {
    return false;
  }
}
