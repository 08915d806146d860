/**
 * Mailing lists: localized name and description, public (offered on the sign-up form) or private,
 * single or double opt-in, archived rather than deleted once anyone was on them (consent records name
 * the list). Counts come from one grouped query.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { MailingList, MailingListCreate, MailingLists, MailingListUpdate } from '../../../shared/newsletter/audience-api.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import {
  deleteListRow,
  findListById,
  findListCounts,
  findLists,
  hasSubscriptions,
  insertList,
  type MailingListRow,
  updateListRow,
} from './lists.repo.js';

const NO_COUNTS = { confirmed: 0, unconfirmed: 0, unsubscribed: 0, bounced: 0 };

export function presentList(row: MailingListRow, counts = NO_COUNTS): MailingList {
  return {
    id: row.id,
    name: row.name as MailingList['name'],
    description: row.description as MailingList['description'],
    visibility: row.visibility as MailingList['visibility'],
    optIn: row.optIn as MailingList['optIn'],
    isArchived: row.archivedAt !== null,
    counts,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function createListsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  async function withCounts(workspaceId: string, row: MailingListRow): Promise<MailingList> {
    const counts = await findListCounts(db, workspaceId);
    return presentList(row, counts.get(row.id));
  }

  async function change(ctx: ServiceContext, id: string, action: string, values: Partial<MailingListRow>): Promise<MailingList> {
    const workspaceId = ctx.membership.workspaceId;
    const row = await db.transaction(async (tx) => {
      const before = await findListById(tx, workspaceId, id);
      if (!before) throw new AppError('NOT_FOUND');
      const updated = (await updateListRow(tx, workspaceId, id, values)) as MailingListRow;
      await recordAudit(tx, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action,
        entityType: 'mailing_list',
        entityId: id,
        before: presentList(before),
        after: presentList(updated),
      });
      return updated;
    });
    return withCounts(workspaceId, row);
  }

  return {
    async list(ctx: ServiceContext, archived: 'true' | 'false' | 'all'): Promise<MailingLists> {
      const workspaceId = ctx.membership.workspaceId;
      const [rows, counts] = await Promise.all([findLists(db, workspaceId, archived), findListCounts(db, workspaceId)]);
      return { items: rows.map((row) => presentList(row, counts.get(row.id))) };
    },

    async get(ctx: ServiceContext, id: string): Promise<MailingList> {
      const row = await findListById(db, ctx.membership.workspaceId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return withCounts(ctx.membership.workspaceId, row);
    },

    async create(ctx: ServiceContext, input: MailingListCreate): Promise<MailingList> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const row = await insertList(tx, {
          workspaceId,
          name: input.name as LocalizedText,
          description: (input.description ?? {}) as LocalizedText,
          visibility: input.visibility ?? 'private',
          optIn: input.optIn ?? 'double',
        });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'mailing_list',
          entityId: row.id,
          after: presentList(row),
        });
        return presentList(row);
      });
    },

    update(ctx: ServiceContext, id: string, input: MailingListUpdate): Promise<MailingList> {
      return change(ctx, id, 'update', input as Partial<MailingListRow>);
    },

    /** Archived lists leave the public form and the composer; their subscriptions stay. */
    archive(ctx: ServiceContext, id: string): Promise<MailingList> {
      return change(ctx, id, 'archive', { archivedAt: new Date() });
    },

    restore(ctx: ServiceContext, id: string): Promise<MailingList> {
      return change(ctx, id, 'restore', { archivedAt: null });
    },

    /** Only a list nobody was ever on can be deleted; others are archived. */
    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await findListById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (await hasSubscriptions(tx, id)) {
          throw new AppError('REFUSED_BY_RULE', {
            params: { reasonKey: 'fieldErrors.LIST_HAS_SUBSCRIBERS' },
            fields: { list: 'LIST_HAS_SUBSCRIBERS' },
          });
        }
        await deleteListRow(tx, workspaceId, id);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'mailing_list',
          entityId: id,
          before: presentList(before),
        });
      });
    },
  };
}
