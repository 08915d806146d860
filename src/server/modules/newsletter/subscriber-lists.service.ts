/**
 * A subscriber's lists as officers change them: put an active person on a list (with the officer's
 * consent text) or take them off one. Someone unsubscribed or bounced only comes back by a confirmed
 * sign-up (subscriptions.service.ts).
 */
import type { Subscriber, SubscriptionAdd } from '../../../shared/newsletter/audience-api.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findOwnedLists } from './lists.repo.js';
import { auditViewOf } from './subscribers.presenter.js';
import { lockSubscriber } from './subscribers.repo.js';
import { subscriberDetail } from './subscribers.service.js';
import { confirmOnLists, recordConsent, unsubscribeFromLists } from './subscriptions.repo.js';

export function createSubscriberListsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;
  const detail = subscriberDetail;

  return {
    /** Puts an active person on a list by hand. Someone unsubscribed or bounced can only come back by a confirmed sign-up. */
    async addToList(ctx: ServiceContext, id: string, listId: string, input: SubscriptionAdd): Promise<Subscriber> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const row = await lockSubscriber(tx, workspaceId, id);
        if (!row) throw new AppError('NOT_FOUND');
        const [list] = await findOwnedLists(tx, workspaceId, [listId]);
        if (!list) throw new AppError('NOT_FOUND');
        if (list.archivedAt) throw new AppError('VALIDATION_FAILED', { fields: { listId: 'LIST_ARCHIVED' } });
        if (row.status !== 'active') {
          throw new AppError('REFUSED_BY_RULE', {
            params: { reasonKey: 'fieldErrors.SUBSCRIBER_NOT_ACTIVE' },
            fields: { status: 'SUBSCRIBER_NOT_ACTIVE' },
          });
        }
        await confirmOnLists(tx, id, [listId]);
        await recordConsent(tx, {
          workspaceId,
          subscriberId: id,
          listIds: [listId],
          action: 'subscribe',
          source: 'manual',
          consentText: input.consentText,
          actorUserId: ctx.actor.user.id,
        });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'subscribe',
          entityType: 'subscriber',
          entityId: id,
          after: auditViewOf(row, { listId }),
        });
        return detail(tx, row);
      });
    },

    /** Takes a person off one list (their other lists and status stay). */
    async removeFromList(ctx: ServiceContext, id: string, listId: string): Promise<Subscriber> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const row = await lockSubscriber(tx, workspaceId, id);
        if (!row) throw new AppError('NOT_FOUND');
        const [list] = await findOwnedLists(tx, workspaceId, [listId]);
        if (!list) throw new AppError('NOT_FOUND');
        const left = await unsubscribeFromLists(tx, id, [listId]);
        if (left.length > 0) {
          await recordConsent(tx, {
            workspaceId,
            subscriberId: id,
            listIds: left,
            action: 'unsubscribe',
            source: 'manual',
            actorUserId: ctx.actor.user.id,
          });
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'unsubscribe',
            entityType: 'subscriber',
            entityId: id,
            after: auditViewOf(row, { listId }),
          });
        }
        return detail(tx, row);
      });
    },
  };
}
