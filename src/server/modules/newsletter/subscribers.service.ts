/**
 * Subscribers as officers manage them: list and search, detail with lists and consent history, add by
 * hand (with the officer's consent text), edit, list memberships, unsubscribe, and erasure on request.
 * Every write is audited without personal data (see `auditViewOf`).
 */
import type {
  Subscriber,
  SubscriberCreate,
  SubscriberListQuery,
  SubscriberPage,
  SubscriberUpdate,
} from '../../../shared/newsletter/audience-api.schema.js';
import { normalizeEmail } from '../../../shared/newsletter/subscriber-identity.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor } from '../../platform/db/pagination.js';
import { AppError, fromDatabaseError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findOwnedOrganisationIds } from '../directory/organisations.repo.js';
import { findOwnedLists } from './lists.repo.js';
import { auditViewOf, presentSubscriber, presentSubscriberSummary } from './subscribers.presenter.js';
import {
  deleteSubscriberRow,
  findConsentHistory,
  findMemberships,
  findSubscriberByEmail,
  findSubscriberById,
  findSubscribers,
  insertSubscriber,
  lockSubscriber,
  type SubscriberRow,
  subscriberSearchText,
  updateSubscriberRow,
} from './subscribers.repo.js';
import { confirmOnLists, findSuppressedEmails, insertSuppression, recordConsent } from './subscriptions.repo.js';
import { unsubscribeInTransaction } from './subscriptions.service.js';

async function assertOrganisationOwned(db: DbOrTransaction, workspaceId: string, organisationId: string | null | undefined) {
  if (!organisationId) return;
  const owned = await findOwnedOrganisationIds(db, workspaceId, [organisationId]);
  if (!owned.has(organisationId)) throw new AppError('VALIDATION_FAILED', { fields: { organisationId: 'UNKNOWN_ORGANISATION' } });
}

/** Lists a subscriber may be put on by hand: of this workspace and not archived. */
async function assertListsUsable(db: DbOrTransaction, workspaceId: string, listIds: string[], field: string) {
  const lists = await findOwnedLists(db, workspaceId, listIds);
  if (lists.length !== listIds.length) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'UNKNOWN_LIST' } });
  if (lists.some((list) => list.archivedAt)) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'LIST_ARCHIVED' } });
}

/** An address already used in the workspace, or erased on request, cannot be given to someone by hand. */
async function assertEmailAvailable(db: DbOrTransaction, workspaceId: string, email: string, selfId?: string) {
  const existing = await findSubscriberByEmail(db, workspaceId, email);
  if (existing && existing.id !== selfId) throw new AppError('ALREADY_EXISTS', { fields: { email: 'ALREADY_USED' } });
  if ((await findSuppressedEmails(db, workspaceId, [email])).size > 0) {
    throw new AppError('REFUSED_BY_RULE', { params: { reasonKey: 'fieldErrors.EMAIL_SUPPRESSED' }, fields: { email: 'EMAIL_SUPPRESSED' } });
  }
}

/** A unique violation on the address (two officers saving at once) is the same field error. */
function asEmailConflict(error: unknown): never {
  const mapped = fromDatabaseError(error);
  if (mapped?.code === 'ALREADY_EXISTS') throw new AppError('ALREADY_EXISTS', { fields: { email: 'ALREADY_USED' }, cause: error });
  throw error;
}

/** A subscriber with their lists and consent history, as the API answers it. */
export async function subscriberDetail(database: DbOrTransaction, row: SubscriberRow): Promise<Subscriber> {
  const [memberships, consents] = await Promise.all([
    findMemberships(database, row.id),
    findConsentHistory(database, row.workspaceId, row.id),
  ]);
  return presentSubscriber(row, memberships, consents);
}

export function createSubscribersService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  const detail = subscriberDetail;

  async function load(ctx: ServiceContext, id: string): Promise<SubscriberRow> {
    const row = await findSubscriberById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return {
    /** Subscribers in address order, by keyset on (email_normalized, id). */
    async list(ctx: ServiceContext, query: SubscriberListQuery): Promise<SubscriberPage> {
      const cursor = decodeKeysetCursor(query.cursor);
      const { rows, total, isTotalCapped } = await findSubscribers(db, ctx.membership.workspaceId, query, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentSubscriberSummary),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.emailNormalized, id: last.id }) : null,
        total,
        isTotalCapped,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<Subscriber> {
      return detail(db, await load(ctx, id));
    },

    /** Adds a person by hand, confirmed at once on `listIds`, with the officer's consent text on record. */
    async create(ctx: ServiceContext, input: SubscriberCreate): Promise<Subscriber> {
      const workspaceId = ctx.membership.workspaceId;
      const listIds = input.listIds ?? [];
      return db
        .transaction(async (tx) => {
          await assertEmailAvailable(tx, workspaceId, input.email);
          await assertOrganisationOwned(tx, workspaceId, input.organisationId);
          await assertListsUsable(tx, workspaceId, listIds, 'listIds');
          const name = input.name ?? '';
          const row = await insertSubscriber(tx, {
            workspaceId,
            email: input.email,
            emailNormalized: normalizeEmail(input.email),
            name,
            languages: input.languages,
            country: input.country ?? null,
            organisationId: input.organisationId ?? null,
            organisationName: input.organisationName ?? '',
            tags: input.tags ?? [],
            attributes: input.attributes ?? {},
            searchText: subscriberSearchText(name, input.email),
          });
          await confirmOnLists(tx, row.id, listIds);
          await recordConsent(tx, {
            workspaceId,
            subscriberId: row.id,
            listIds,
            action: 'subscribe',
            source: 'manual',
            consentText: input.consentText,
            actorUserId: ctx.actor.user.id,
          });
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'create',
            entityType: 'subscriber',
            entityId: row.id,
            after: auditViewOf(row, { listIds }),
          });
          return detail(tx, row);
        })
        .catch(asEmailConflict);
    },

    /** Edits the profile; a new address keeps the person (same id, lists and history). */
    async update(ctx: ServiceContext, id: string, input: SubscriberUpdate): Promise<Subscriber> {
      const workspaceId = ctx.membership.workspaceId;
      return db
        .transaction(async (tx) => {
          const before = await lockSubscriber(tx, workspaceId, id);
          if (!before) throw new AppError('NOT_FOUND');
          const isNewAddress = input.email !== undefined && normalizeEmail(input.email) !== before.emailNormalized;
          if (input.email !== undefined && isNewAddress) await assertEmailAvailable(tx, workspaceId, input.email, id);
          await assertOrganisationOwned(tx, workspaceId, input.organisationId);
          const email = input.email ?? before.email;
          const name = input.name ?? before.name;
          const changes = {
            ...input,
            email,
            emailNormalized: normalizeEmail(email),
            name,
            searchText: subscriberSearchText(name, email),
          };
          const changedFields = Object.keys(input).filter(
            (key) => JSON.stringify(input[key as keyof SubscriberUpdate]) !== JSON.stringify(before[key as keyof SubscriberRow]),
          );
          const row = await updateSubscriberRow(tx, workspaceId, id, changes);
          if (!row) throw new AppError('NOT_FOUND');
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'update',
            entityType: 'subscriber',
            entityId: id,
            before: auditViewOf(before),
            after: auditViewOf(row, { changedFields }),
          });
          return detail(tx, row);
        })
        .catch(asEmailConflict);
    },

    /**
     * Erasure on request (GDPR): the row, its subscriptions, consent records and deliveries are deleted;
     * a hash of the address stays in `newsletter_suppression` so no import or manual add brings it back.
     */
    async erase(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const row = await lockSubscriber(tx, workspaceId, id);
        if (!row) throw new AppError('NOT_FOUND');
        await insertSuppression(tx, workspaceId, row.email);
        await deleteSubscriberRow(tx, workspaceId, id);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'subscriber',
          entityId: id,
          before: auditViewOf(row),
          after: { erased: true },
        });
      });
    },

    /** Unsubscribes from everything on the person's behalf (they asked by phone, by letter…). */
    async unsubscribe(ctx: ServiceContext, id: string): Promise<Subscriber> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const before = await findSubscriberById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        const { isChanged } = await unsubscribeInTransaction(tx, {
          workspaceId,
          subscriberId: id,
          source: 'manual',
          actorUserId: ctx.actor.user.id,
        });
        const row = (await findSubscriberById(tx, workspaceId, id)) as SubscriberRow;
        if (isChanged) {
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'unsubscribe',
            entityType: 'subscriber',
            entityId: id,
            before: auditViewOf(before),
            after: auditViewOf(row),
          });
        }
        return detail(tx, row);
      });
    },
  };
}

export type SubscribersService = ReturnType<typeof createSubscribersService>;
