/**
 * Bounces and complaints, from a provider's webhook or pasted by an officer. A hard bounce or a
 * complaint suppresses the subscriber at once; soft bounces suppress after three issues in a row.
 * Each report is matched to its delivery by Message-ID, else to the subscriber's latest delivery.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { isPlausibleEmail, normalizeEmail } from '../../../shared/newsletter/subscriber-identity.js';
import {
  type BounceEvent,
  type BounceListQuery,
  type BouncePage,
  type BounceWebhookResult,
  type ManualBounces,
  type ManualBouncesResult,
  SOFT_BOUNCE_LIMIT,
} from '../../../shared/newsletter/tracking-api.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { bareAddress, bareMessageId, isSnsConfirmationUrl, parseBounceWebhook } from './bounces.parse.js';
import {
  findBounces,
  findDeliveryByMessageId,
  findLatestSentDelivery,
  findRecentBounceTypes,
  findSubscriberIdsByEmail,
  insertBounce,
  markDeliveryBounced,
  setSoftBounceCount,
  suppressSubscriber,
} from './bounces.repo.js';
import { loadNewsletterSettings } from './newsletter-settings.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Outcome = 'recorded' | 'duplicate' | 'unknown';
type Source = 'webhook' | 'manual';

function isSameSecret(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

/** Whether the delivery already carries this report (providers repeat notifications). */
function isAlreadyReported(existing: string | null, type: BounceEvent['type']): boolean {
  return existing === type || (type === 'soft' && (existing === 'hard' || existing === 'complaint'));
}

/** The streak of soft-bounced issues counting back from the newest (null or another type ends it). */
function leadingSoft(types: Array<string | null>): number {
  const end = types.findIndex((type) => type !== 'soft');
  return end === -1 ? types.length : end;
}

/** Records one report and applies its consequences, in the caller's transaction. */
async function applyBounce(
  db: DbOrTransaction,
  workspaceId: string,
  event: BounceEvent,
  source: Source,
  subscriberId?: string,
): Promise<Outcome> {
  const email = normalizeEmail(event.email);
  let delivery = event.messageId ? await findDeliveryByMessageId(db, workspaceId, bareMessageId(event.messageId)) : undefined;
  const matchedSubscriberId =
    delivery?.subscriberId ?? subscriberId ?? (await findSubscriberIdsByEmail(db, workspaceId, [email])).get(email);
  if (!matchedSubscriberId) return 'unknown';
  delivery ??= await findLatestSentDelivery(db, matchedSubscriberId);
  const isDuplicate = delivery ? isAlreadyReported(delivery.bounceType, event.type) : false;
  if (!isDuplicate) {
    await insertBounce(db, {
      workspaceId,
      emailNormalized: email,
      subscriberId: matchedSubscriberId,
      deliveryId: delivery?.id ?? null,
      type: event.type,
      source,
      diagnostic: event.diagnostic ?? '',
    });
    // A complaint never hides an earlier hard bounce of the same message.
    if (delivery && delivery.bounceType !== 'hard') await markDeliveryBounced(db, delivery.id, event.type);
  }
  if (event.type === 'hard') await suppressSubscriber(db, matchedSubscriberId, 'bounced');
  if (event.type === 'complaint') await suppressSubscriber(db, matchedSubscriberId, 'complained');
  if (event.type === 'soft' && !isDuplicate) {
    const streak = delivery?.sentAt
      ? leadingSoft(await findRecentBounceTypes(db, matchedSubscriberId, delivery.sentAt, SOFT_BOUNCE_LIMIT))
      : ('increment' as const);
    if ((await setSoftBounceCount(db, matchedSubscriberId, streak)) >= SOFT_BOUNCE_LIMIT)
      await suppressSubscriber(db, matchedSubscriberId, 'bounced');
  }
  return isDuplicate ? 'duplicate' : 'recorded';
}

export interface BouncesServiceOptions {
  /** Opens an Amazon SNS subscription link (tests replace it); by default a GET with a 10 s limit. */
  confirmSnsSubscription?: (url: string) => Promise<void>;
}

async function fetchConfirmation(url: string): Promise<void> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'error' });
  if (!response.ok) throw new Error(`SNS confirmation answered ${response.status}`);
}

export function createBouncesService(platform: Pick<Platform, 'database'>, options: BouncesServiceOptions = {}) {
  const db = platform.database.db;
  const confirm = options.confirmSnsSubscription ?? fetchConfirmation;

  return {
    /** The public webhook: an unknown workspace or a wrong secret is a 404, as if nothing were there. */
    async receiveWebhook(workspaceId: string, secret: string, body: unknown): Promise<BounceWebhookResult> {
      if (!UUID.test(workspaceId)) throw new AppError('NOT_FOUND');
      const settings = await loadNewsletterSettings(db, workspaceId);
      if (!settings.bounceWebhookSecret || !isSameSecret(settings.bounceWebhookSecret, secret)) throw new AppError('NOT_FOUND');
      const parsed = parseBounceWebhook(body);
      if (parsed.kind === 'invalid') throw new AppError('VALIDATION_FAILED', { fields: { body: 'INVALID_VALUE' } });
      if (parsed.kind === 'sns-subscription') {
        const isConfirmable = isSnsConfirmationUrl(parsed.subscribeUrl);
        let isConfirmed = false;
        if (isConfirmable)
          isConfirmed = await confirm(parsed.subscribeUrl).then(
            () => true,
            () => false,
          );
        await recordAudit(db, {
          workspaceId,
          actorUserId: null,
          action: 'bounce-webhook-subscription',
          entityType: 'newsletter_settings',
          entityId: workspaceId,
          after: { topicArn: parsed.topicArn, subscribeUrl: parsed.subscribeUrl, isConfirmed },
        });
        return { received: 0, recorded: 0, unknown: 0, ignored: 1 };
      }
      const counts = { recorded: 0, unknown: 0, duplicate: 0 };
      await db.transaction(async (tx) => {
        for (const event of parsed.events) counts[await applyBounce(tx, workspaceId, event, 'webhook')] += 1;
        if (counts.recorded > 0) {
          await recordAudit(tx, {
            workspaceId,
            actorUserId: null,
            action: 'bounce-webhook',
            entityType: 'newsletter_bounce',
            entityId: null,
            after: { received: parsed.events.length, ...counts },
          });
        }
      });
      return {
        received: parsed.events.length,
        recorded: counts.recorded,
        unknown: counts.unknown,
        ignored: parsed.ignored + counts.duplicate,
      };
    },

    /** Addresses pasted from a provider's report: each normalized; unknown and malformed ones are answered back. */
    async markManually(ctx: ServiceContext, input: ManualBounces): Promise<ManualBouncesResult> {
      const workspaceId = ctx.membership.workspaceId;
      const type = input.type ?? 'hard';
      const invalid: string[] = [];
      const emails = new Set<string>();
      for (const given of input.emails) {
        const trimmed = given.trim();
        if (!trimmed) continue;
        const email = normalizeEmail(bareAddress(trimmed));
        if (isPlausibleEmail(email)) emails.add(email);
        else invalid.push(trimmed);
      }
      return db.transaction(async (tx) => {
        const known = await findSubscriberIdsByEmail(tx, workspaceId, [...emails]);
        const unknown: string[] = [];
        const marked: string[] = [];
        for (const email of emails) {
          const subscriberId = known.get(email);
          if (!subscriberId) {
            unknown.push(email);
            continue;
          }
          await applyBounce(
            tx,
            workspaceId,
            { email, type, ...(input.diagnostic ? { diagnostic: input.diagnostic } : {}) },
            'manual',
            subscriberId,
          );
          marked.push(email);
        }
        if (marked.length > 0) {
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'mark-bounced',
            entityType: 'newsletter_bounce',
            entityId: null,
            after: { type, emails: marked, unknown: unknown.length, invalid: invalid.length },
          });
        }
        return { marked: marked.length, unknown, invalid };
      });
    },

    /** Bounces newest first, by keyset. */
    async list(ctx: ServiceContext, query: BounceListQuery): Promise<BouncePage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findBounces(db, ctx.membership.workspaceId, { type: query.type, limit: query.limit, cursor });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ bounce, issueId }) => ({
          id: bounce.id,
          email: bounce.emailNormalized,
          type: bounce.type as BounceEvent['type'],
          source: bounce.source as 'webhook' | 'manual' | 'smtp',
          diagnostic: bounce.diagnostic,
          subscriberId: bounce.subscriberId,
          issueId: issueId ?? null,
          createdAt: bounce.createdAt.toISOString(),
        })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.bounce.id }) : null,
      };
    },
  };
}

export type BouncesService = ReturnType<typeof createBouncesService>;
