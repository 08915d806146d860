/** What every scheduling decision of a workspace needs: today in its time zone, its countries and its holiday changes. */
import { eq } from 'drizzle-orm';
import { calendarDateAt } from '../../../shared/planning/calendar-date.js';
import type { HolidayExtras } from '../../../shared/planning/holidays.js';
import type { ScheduleContext } from '../../../shared/planning/schedule-warnings.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import { workspaces } from '../../platform/platform.tables.js';
import { holidayChanges } from './campaigns.tables.js';

/** The workspace's holiday changes in the shape the holiday rules take. */
export async function holidayExtrasOf(db: DbOrTransaction, workspaceId: string): Promise<HolidayExtras> {
  const rows = await db.select().from(holidayChanges).where(eq(holidayChanges.workspaceId, workspaceId));
  return {
    added: rows
      .filter((row) => row.kind === 'added')
      .map((row) => ({ date: row.date, name: row.name, countries: row.countries as Array<'FR' | 'MA' | 'TN' | 'DZ'> })),
    removed: rows
      .filter((row) => row.kind === 'removed')
      .map((row) => ({
        date: row.date,
        ...(row.holidayKey ? { key: row.holidayKey } : {}),
        ...(row.countries[0] ? { country: row.countries[0] as 'FR' | 'MA' | 'TN' | 'DZ' } : {}),
      })),
  };
}

export async function scheduleContextOf(
  db: DbOrTransaction,
  workspaceId: string,
  now: Date = new Date(),
): Promise<ScheduleContext & { timeZone: string }> {
  const [workspace] = await db
    .select({ timeZone: workspaces.timeZone, countries: workspaces.holidayCountries })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (!workspace) throw new AppError('NOT_FOUND');
  return {
    today: calendarDateAt(now, workspace.timeZone),
    countries: workspace.countries,
    holidayExtras: await holidayExtrasOf(db, workspaceId),
    timeZone: workspace.timeZone,
  };
}
