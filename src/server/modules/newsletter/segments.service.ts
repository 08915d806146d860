/**
 * Segments: saved filters over subscribers, evaluated when counted or sent (never materialised), and
 * the audience count the composer and the segment builder show.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type {
  AudienceCount,
  AudienceCountQuery,
  Segment,
  SegmentCreate,
  Segments,
  SegmentUpdate,
} from '../../../shared/newsletter/audience-api.schema.js';
import { type SegmentFilter, SegmentFilterSchema } from '../../../shared/newsletter/newsletter.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { findOwnedOrganisationIds } from '../directory/organisations.repo.js';
import { countAudience, countSegment } from './audience.js';
import { findOwnedLists } from './lists.repo.js';
import {
  deleteSegmentRow,
  findSegmentById,
  findSegments,
  insertSegment,
  isSegmentInUse,
  type SegmentRow,
  updateSegmentRow,
} from './segments.repo.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function presentSegment(row: SegmentRow): Segment {
  return {
    id: row.id,
    name: row.name as Segment['name'],
    filter: row.filter,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Lists and organisations named by conditions must be of this workspace. */
async function assertFilterOwned(db: DbOrTransaction, workspaceId: string, filter: SegmentFilter, prefix = 'filter') {
  const fields: Record<string, string> = {};
  const listIds = filter.conditions.flatMap((condition) => (condition.field === 'list' ? [condition.listId] : []));
  const organisationIds = filter.conditions.flatMap((condition) => (condition.field === 'organisation' ? [condition.organisationId] : []));
  const lists = new Set((await findOwnedLists(db, workspaceId, listIds)).map((list) => list.id));
  const organisations = await findOwnedOrganisationIds(db, workspaceId, organisationIds);
  filter.conditions.forEach((condition, index) => {
    if (condition.field === 'list' && !lists.has(condition.listId)) fields[`${prefix}.conditions.${index}.listId`] = 'UNKNOWN_LIST';
    if (condition.field === 'organisation' && !organisations.has(condition.organisationId)) {
      fields[`${prefix}.conditions.${index}.organisationId`] = 'UNKNOWN_ORGANISATION';
    }
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

function parseFilter(json: string): SegmentFilter {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION_FAILED', { fields: { filter: 'INVALID_FORMAT' } });
  }
  const parsed = SegmentFilterSchema.safeParse(value);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', { fields: { filter: 'INVALID_VALUE' } });
  return parsed.data;
}

export function createSegmentsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  async function load(ctx: ServiceContext, id: string): Promise<SegmentRow> {
    const row = await findSegmentById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  return {
    async list(ctx: ServiceContext): Promise<Segments> {
      return { items: (await findSegments(db, ctx.membership.workspaceId)).map(presentSegment) };
    },

    async get(ctx: ServiceContext, id: string): Promise<Segment> {
      return presentSegment(await load(ctx, id));
    },

    async create(ctx: ServiceContext, input: SegmentCreate): Promise<Segment> {
      const workspaceId = ctx.membership.workspaceId;
      const filter = input.filter as SegmentFilter;
      return db.transaction(async (tx) => {
        await assertFilterOwned(tx, workspaceId, filter);
        const row = await insertSegment(tx, { workspaceId, name: input.name as LocalizedText, filter });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'segment',
          entityId: row.id,
          after: presentSegment(row),
        });
        return presentSegment(row);
      });
    },

    async update(ctx: ServiceContext, id: string, input: SegmentUpdate): Promise<Segment> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        const before = await findSegmentById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.filter) await assertFilterOwned(tx, workspaceId, input.filter as SegmentFilter);
        const row = (await updateSegmentRow(tx, workspaceId, id, {
          ...(input.name ? { name: input.name as LocalizedText } : {}),
          ...(input.filter ? { filter: input.filter as SegmentFilter } : {}),
        })) as SegmentRow;
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'segment',
          entityId: id,
          before: presentSegment(before),
          after: presentSegment(row),
        });
        return presentSegment(row);
      });
    },

    /** Refused while an issue not yet sent uses it: that issue would silently go to its whole lists. */
    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await findSegmentById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (await isSegmentInUse(tx, workspaceId, id)) {
          throw new AppError('REFUSED_BY_RULE', {
            params: { reasonKey: 'fieldErrors.SEGMENT_IN_USE' },
            fields: { segment: 'SEGMENT_IN_USE' },
          });
        }
        await deleteSegmentRow(tx, workspaceId, id);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'segment',
          entityId: id,
          before: presentSegment(before),
        });
      });
    },

    /**
     * With lists: the audience (active, confirmed on one of them, matching the segment). Without:
     * the active subscribers matching the segment. The segment is saved (`segmentId`) or unsaved (`filter`).
     */
    async count(ctx: ServiceContext, query: AudienceCountQuery): Promise<AudienceCount> {
      const workspaceId = ctx.membership.workspaceId;
      const listIds = [...new Set((query.listIds ?? '').split(',').map((id) => id.trim()))].filter(Boolean);
      if (listIds.some((id) => !UUID.test(id))) throw new AppError('VALIDATION_FAILED', { fields: { listIds: 'INVALID_VALUE' } });
      if ((await findOwnedLists(db, workspaceId, listIds)).length !== listIds.length) {
        throw new AppError('VALIDATION_FAILED', { fields: { listIds: 'UNKNOWN_LIST' } });
      }
      let filter: SegmentFilter | undefined;
      if (query.filter !== undefined) {
        // An unsaved filter can test one person's attributes: only those who may read subscribers try them.
        if (!hasPermission(ctx.membership.role, 'subscribers:read')) throw new AppError('FORBIDDEN');
        filter = parseFilter(query.filter);
        await assertFilterOwned(db, workspaceId, filter);
      } else if (query.segmentId) {
        filter = (await load(ctx, query.segmentId)).filter;
      }
      const count =
        listIds.length > 0
          ? await countAudience(db, { workspaceId, listIds, segmentFilter: filter })
          : await countSegment(db, workspaceId, filter);
      return { count };
    },
  };
}
