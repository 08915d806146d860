/** The workspace's public holidays (built-in rules for its countries) and its own changes to them. */
import { and, asc, eq } from 'drizzle-orm';
import { type CalendarDate, daysBetween } from '../../../shared/planning/calendar-date.js';
import type { HolidayChangeCreate } from '../../../shared/planning/holiday-api.schema.js';
import { holidaysBetween } from '../../../shared/planning/holidays.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { holidayChanges } from './campaigns.tables.js';
import { scheduleContextOf } from './planning-context.js';

/** Two years is more than any plan needs, and bounds the work of one request. */
const MAX_RANGE_DAYS = 800;

export function createHolidaysService(db: Db) {
  return {
    async list(ctx: ServiceContext, from: CalendarDate, to: CalendarDate) {
      const span = daysBetween(from, to);
      if (span < 0) throw new AppError('VALIDATION_FAILED', { fields: { to: 'BEFORE_START' } });
      if (span > MAX_RANGE_DAYS) throw new AppError('VALIDATION_FAILED', { fields: { to: 'RANGE_TOO_LONG' } });
      const context = await scheduleContextOf(db, ctx.membership.workspaceId);
      return { items: holidaysBetween(context.countries, from, to, context.holidayExtras) };
    },

    async changes(ctx: ServiceContext) {
      const rows = await db
        .select()
        .from(holidayChanges)
        .where(eq(holidayChanges.workspaceId, ctx.membership.workspaceId))
        .orderBy(asc(holidayChanges.date));
      return { items: rows.map((row) => ({ ...row, kind: row.kind as 'added' | 'removed' })) };
    },

    async addChange(ctx: ServiceContext, input: HolidayChangeCreate) {
      const workspaceId = ctx.membership.workspaceId;
      if (input.kind === 'added' && !Object.values(input.name ?? {}).some((entry) => entry?.value)) {
        throw new AppError('VALIDATION_FAILED', { fields: { name: 'LOCALIZED_REQUIRED' } });
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(holidayChanges)
          .values({
            workspaceId,
            kind: input.kind,
            date: input.date,
            name: input.name ?? {},
            countries: input.countries ?? [],
            holidayKey: input.holidayKey ?? null,
          })
          .returning();
        if (!row) throw new AppError('INTERNAL');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'holiday-change',
          entityId: row.id,
          after: row,
        });
        return { ...row, kind: row.kind as 'added' | 'removed' };
      });
    },

    async removeChange(ctx: ServiceContext, id: string) {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const [row] = await tx
          .delete(holidayChanges)
          .where(and(eq(holidayChanges.workspaceId, workspaceId), eq(holidayChanges.id, id)))
          .returning();
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'holiday-change',
          entityId: id,
          before: row,
        });
      });
    },
  };
}
