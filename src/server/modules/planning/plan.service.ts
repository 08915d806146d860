/** Rules of the communication plan (S1): ownership of every linked id, one transaction and audit entry per write. */
import type {
  AudienceCreate,
  ChannelCreate,
  Indicator,
  IndicatorCreate,
  IndicatorValue,
  IndicatorValueCreate,
  KeyMessageCreate,
  ObjectiveCreate,
  Plan,
  PlanQuery,
} from '../../../shared/planning/plan.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import {
  presentAudience,
  presentChannel,
  presentIndicator,
  presentIndicatorValue,
  presentKeyMessage,
  presentObjective,
} from './plan.presenter.js';
import {
  findIndicatorValues,
  findLatestValues,
  findPlanRow,
  findPlanRows,
  insertIndicatorValue,
  insertPlanRow,
  nextPosition,
  type PlanTable,
  updatePlanRow,
} from './plan.repo.js';
import { planAudiences, planChannels, planIndicators, planKeyMessages, planObjectives } from './plan.tables.js';

/** Each part of the plan: its table, its audit entity type and its response shape. */
const PARTS = {
  objective: { table: planObjectives, entityType: 'plan_objective', present: presentObjective },
  audience: { table: planAudiences, entityType: 'plan_audience', present: presentAudience },
  keyMessage: { table: planKeyMessages, entityType: 'plan_key_message', present: presentKeyMessage },
  channel: { table: planChannels, entityType: 'plan_channel', present: presentChannel },
  indicator: {
    table: planIndicators,
    entityType: 'plan_indicator',
    present: (row: typeof planIndicators.$inferSelect) => presentIndicator(row),
  },
} as const;

export type PlanPart = keyof typeof PARTS;
type Presented<P extends PlanPart> = ReturnType<(typeof PARTS)[P]['present']>;
type CreateInput = {
  objective: ObjectiveCreate;
  audience: AudienceCreate;
  keyMessage: KeyMessageCreate;
  channel: ChannelCreate;
  indicator: IndicatorCreate;
};

function presentAny<P extends PlanPart>(part: P, row: unknown): Presented<P> {
  return (PARTS[part].present as (row: unknown) => Presented<P>)(row);
}

/** Refuses an audience or objective id that is not of this workspace (a field error, nothing written). */
async function assertLinksOwned(
  db: DbOrTransaction,
  workspaceId: string,
  links: { audienceId?: string | null; objectiveId?: string | null },
) {
  if (links.audienceId && !(await findPlanRow(db, planAudiences, workspaceId, links.audienceId))) {
    throw new AppError('VALIDATION_FAILED', { fields: { audienceId: 'UNKNOWN_AUDIENCE' } });
  }
  if (links.objectiveId && !(await findPlanRow(db, planObjectives, workspaceId, links.objectiveId))) {
    throw new AppError('VALIDATION_FAILED', { fields: { objectiveId: 'UNKNOWN_OBJECTIVE' } });
  }
}

export function createPlanService(db: Db) {
  /** Indicators carry their latest value and progress, read after the write. */
  async function withLatest<P extends PlanPart>(part: P, workspaceId: string, presented: Presented<P>): Promise<Presented<P>> {
    if (part !== 'indicator') return presented;
    const indicator = presented as Indicator;
    const row = await findPlanRow(db, planIndicators, workspaceId, indicator.id);
    const latest = await findLatestValues(db, workspaceId, [indicator.id]);
    return (row ? presentIndicator(row, latest.get(row.id)) : indicator) as Presented<P>;
  }

  return {
    /** The whole plan of the workspace, each part in `position` order. */
    async get(ctx: ServiceContext, query: PlanQuery): Promise<Plan> {
      const workspaceId = ctx.membership.workspaceId;
      const [objectives, audiences, keyMessages, channels, indicators] = await Promise.all([
        findPlanRows(db, planObjectives, workspaceId, query.archived),
        findPlanRows(db, planAudiences, workspaceId, query.archived),
        findPlanRows(db, planKeyMessages, workspaceId, query.archived),
        findPlanRows(db, planChannels, workspaceId, query.archived),
        findPlanRows(db, planIndicators, workspaceId, query.archived),
      ]);
      const latest = await findLatestValues(
        db,
        workspaceId,
        indicators.map((row) => row.id),
      );
      return {
        objectives: objectives.map(presentObjective),
        audiences: audiences.map(presentAudience),
        keyMessages: keyMessages.map(presentKeyMessage),
        channels: channels.map(presentChannel),
        indicators: indicators.map((row) => presentIndicator(row, latest.get(row.id))),
      };
    },

    async create<P extends PlanPart>(ctx: ServiceContext, part: P, input: CreateInput[P]): Promise<Presented<P>> {
      const workspaceId = ctx.membership.workspaceId;
      const { table, entityType } = PARTS[part];
      const presented = await db.transaction(async (tx) => {
        await assertLinksOwned(tx, workspaceId, input as { audienceId?: string; objectiveId?: string | null });
        const position = input.position ?? (await nextPosition(tx, table, workspaceId));
        const created = await insertPlanRow(tx, table as PlanTable, { ...input, workspaceId, position } as never);
        const after = presentAny(part, created);
        await recordAudit(tx, { workspaceId, actorUserId: ctx.actor.user.id, action: 'create', entityType, entityId: after.id, after });
        return after;
      });
      return withLatest(part, workspaceId, presented);
    },

    async update<P extends PlanPart>(
      ctx: ServiceContext,
      part: P,
      id: string,
      input: Partial<CreateInput[P]> & { expectedUpdatedAt?: string },
    ): Promise<Presented<P>> {
      const workspaceId = ctx.membership.workspaceId;
      const { table, entityType } = PARTS[part];
      const presented = await db.transaction(async (tx) => {
        const before = await findPlanRow(tx, table as PlanTable, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        const { expectedUpdatedAt: _ignored, ...changes } = input;
        await assertLinksOwned(tx, workspaceId, changes as { audienceId?: string; objectiveId?: string | null });
        const updated = await updatePlanRow(tx, table as PlanTable, workspaceId, id, changes as never);
        if (!updated) throw new AppError('NOT_FOUND');
        const after = presentAny(part, updated);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType,
          entityId: id,
          before: presentAny(part, before),
          after,
        });
        return after;
      });
      return withLatest(part, workspaceId, presented);
    },

    /** Archives (or restores) a part of the plan: nothing is deleted, links stay. */
    async setArchived<P extends PlanPart>(ctx: ServiceContext, part: P, id: string, isArchived: boolean): Promise<Presented<P>> {
      const workspaceId = ctx.membership.workspaceId;
      const { table, entityType } = PARTS[part];
      const presented = await db.transaction(async (tx) => {
        const before = await findPlanRow(tx, table as PlanTable, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        const updated = await updatePlanRow(tx, table as PlanTable, workspaceId, id, { archivedAt: isArchived ? new Date() : null });
        if (!updated) throw new AppError('NOT_FOUND');
        const after = presentAny(part, updated);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: isArchived ? 'archive' : 'restore',
          entityType,
          entityId: id,
          before: presentAny(part, before),
          after,
        });
        return after;
      });
      return withLatest(part, workspaceId, presented);
    },

    async listValues(ctx: ServiceContext, indicatorId: string): Promise<{ items: IndicatorValue[] }> {
      const workspaceId = ctx.membership.workspaceId;
      if (!(await findPlanRow(db, planIndicators, workspaceId, indicatorId))) throw new AppError('NOT_FOUND');
      const rows = await findIndicatorValues(db, workspaceId, indicatorId);
      return { items: rows.map(presentIndicatorValue) };
    },

    /** Records an actual value of an indicator at a date; the indicator's latest value and progress follow. */
    async recordValue(ctx: ServiceContext, indicatorId: string, input: IndicatorValueCreate): Promise<IndicatorValue> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const indicator = await findPlanRow(tx, planIndicators, workspaceId, indicatorId);
        if (!indicator) throw new AppError('NOT_FOUND');
        const created = await insertIndicatorValue(tx, {
          workspaceId,
          indicatorId,
          recordedOn: input.recordedOn,
          value: input.value,
          note: input.note || null,
          recordedBy: ctx.actor.user.id,
        });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'record-value',
          entityType: 'plan_indicator',
          entityId: indicatorId,
          after: presentIndicatorValue(created),
        });
        return created;
      });
      return presentIndicatorValue(row);
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;
