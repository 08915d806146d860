/**
 * Rules of the needs register (S2): members submit, the requester edits while `submitted`, officers
 * triage and link the answer; each status change is audited and the requester notified.
 */
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import type {
  Need,
  NeedCreate,
  NeedHistory,
  NeedListQuery,
  NeedPage,
  NeedStatus,
  NeedTriage,
  NeedUpdate,
} from '../../../shared/planning/needs.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { assertFileOwned } from '../../platform/storage/files.service.js';
import { findOwnedOrganisationIds } from '../directory/organisations.repo.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { presentNeed } from './needs.presenter.js';
import {
  findNeedById,
  findNeedStatusEntries,
  findNeeds,
  findUserLocale,
  insertNeed,
  isCampaignOwned,
  isTaskOwned,
  type NeedRow,
  updateNeedRow,
} from './needs.repo.js';

function canTriage(ctx: ServiceContext): boolean {
  return hasPermission(ctx.membership.role, 'needs:triage');
}

function canEdit(ctx: ServiceContext, row: NeedRow): boolean {
  return canTriage(ctx) || (row.requesterUserId === ctx.actor.user.id && row.status === 'submitted');
}

async function assertOrganisationOwned(db: DbOrTransaction, workspaceId: string, organisationId: string | null | undefined) {
  if (!organisationId) return;
  const owned = await findOwnedOrganisationIds(db, workspaceId, [organisationId]);
  if (!owned.has(organisationId)) throw new AppError('VALIDATION_FAILED', { fields: { organisationId: 'UNKNOWN_ORGANISATION' } });
}

/** Every id a triage links must be of this workspace. */
async function assertTriageLinksOwned(db: DbOrTransaction, workspaceId: string, input: NeedTriage) {
  const fields: Record<string, string> = {};
  if (input.campaignId && !(await isCampaignOwned(db, workspaceId, input.campaignId))) fields.campaignId = 'UNKNOWN_CAMPAIGN';
  if (input.taskId && !(await isTaskOwned(db, workspaceId, input.taskId))) fields.taskId = 'UNKNOWN_TASK';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  if (input.deliverableFileId) await assertFileOwned(db, workspaceId, input.deliverableFileId, 'deliverableFileId');
}

export function createNeedsService(platform: Pick<Platform, 'database' | 'mailer' | 'config'>) {
  const db = platform.database.db;

  /** Tells the requester (unless they made the change themselves), in-app and by email, in their language. */
  async function notifyRequester(ctx: ServiceContext, row: NeedRow) {
    if (!row.requesterUserId || row.requesterUserId === ctx.actor.user.id) return;
    const workspace = await findWorkspaceById(db, row.workspaceId);
    const locale = (await findUserLocale(db, row.requesterUserId)) ?? 'fr';
    const title = pickLocalized(row.title as LocalizedText, locale, workspace?.contentLanguages ?? [])?.value ?? '';
    await notify(platform, {
      workspaceId: row.workspaceId,
      userIds: [row.requesterUserId],
      kind: 'need-status-changed',
      params: { title, status: row.status },
      link: `/app/w/${row.workspaceId}/needs/${row.id}`,
      email: true,
    });
  }

  return {
    /** Needs newest first, by keyset on (created_at, id). */
    async list(ctx: ServiceContext, query: NeedListQuery): Promise<NeedPage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findNeeds(db, ctx.membership.workspaceId, query, ctx.actor.user.id, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ need, requesterName }) => presentNeed({ ...need, requesterName }, canEdit(ctx, need))),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.need.id }) : null,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<Need> {
      const row = await findNeedById(db, ctx.membership.workspaceId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentNeed(row, canEdit(ctx, row));
    },

    async create(ctx: ServiceContext, input: NeedCreate): Promise<Need> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        await assertOrganisationOwned(tx, workspaceId, input.organisationId);
        const created = await insertNeed(tx, {
          workspaceId,
          title: input.title as LocalizedText,
          description: (input.description ?? {}) as LocalizedText,
          audience: (input.audience ?? {}) as LocalizedText,
          languages: input.languages ?? [],
          neededBy: input.neededBy ?? null,
          organisationId: input.organisationId ?? null,
          requesterUserId: ctx.actor.user.id,
        });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'need',
          entityId: created.id,
          after: presentNeed(created),
        });
        return created;
      });
      return presentNeed({ ...row, requesterName: ctx.actor.user.name }, canEdit(ctx, row));
    },

    /** The requester edits while the need is `submitted`; a triager may correct it at any time. */
    async update(ctx: ServiceContext, id: string, input: NeedUpdate): Promise<Need> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const before = await findNeedById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (!canTriage(ctx) && before.requesterUserId !== ctx.actor.user.id) throw new AppError('FORBIDDEN');
        if (!canEdit(ctx, before)) throw new AppError('CONFLICT', { fields: { status: 'NEED_LOCKED' } });
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        const { expectedUpdatedAt: _ignored, ...changes } = input;
        await assertOrganisationOwned(tx, workspaceId, changes.organisationId);
        const updated = await updateNeedRow(tx, workspaceId, id, changes as Partial<NeedRow>);
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'need',
          entityId: id,
          before: presentNeed(before),
          after: presentNeed(updated),
        });
        return { ...updated, requesterName: before.requesterName };
      });
      return presentNeed(row, canEdit(ctx, row));
    },

    /** The officer's decision and links. A status change is audited as such and notified to the requester. */
    async triage(ctx: ServiceContext, id: string, input: NeedTriage): Promise<Need> {
      const workspaceId = ctx.membership.workspaceId;
      const { row, isStatusChange } = await db.transaction(async (tx) => {
        const before = await findNeedById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        await assertTriageLinksOwned(tx, workspaceId, input);
        const status: NeedStatus = input.status ?? (before.status as NeedStatus);
        const isStatusChange = status !== before.status;
        const changes: Partial<NeedRow> = {
          status,
          // A reason belongs to a decline only; leaving `declined` clears it.
          declineReason: status === 'declined' ? (input.declineReason ?? before.declineReason) : null,
        };
        for (const key of ['campaignId', 'taskId', 'deliverableFileId', 'deliverableUrl'] as const) {
          if (input[key] !== undefined) changes[key] = input[key];
        }
        const updated = await updateNeedRow(tx, workspaceId, id, changes);
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: isStatusChange ? 'status-change' : 'update',
          entityType: 'need',
          entityId: id,
          before: presentNeed(before),
          after: presentNeed(updated),
        });
        return { row: { ...updated, requesterName: before.requesterName }, isStatusChange };
      });
      if (isStatusChange) await notifyRequester(ctx, row);
      return presentNeed(row, canEdit(ctx, row));
    },

    /** Submission and every status change, read back from the audit log. */
    async history(ctx: ServiceContext, id: string): Promise<NeedHistory> {
      const workspaceId = ctx.membership.workspaceId;
      if (!(await findNeedById(db, workspaceId, id))) throw new AppError('NOT_FOUND');
      const entries = await findNeedStatusEntries(db, workspaceId, id);
      return {
        items: entries.map((entry) => {
          const after = (entry.after ?? {}) as { status?: NeedStatus; declineReason?: string | null };
          return {
            status: after.status ?? 'submitted',
            declineReason: after.declineReason ?? null,
            actorName: entry.actorName,
            at: entry.createdAt.toISOString(),
          };
        }),
      };
    },
  };
}

export type NeedsService = ReturnType<typeof createNeedsService>;
