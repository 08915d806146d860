/** All SQL of the communication plan (STYLE G5). Every query is scoped by workspace. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import {
  type planAudiences,
  type planChannels,
  type planIndicators,
  planIndicatorValues,
  type planKeyMessages,
  type planObjectives,
} from './plan.tables.js';

/** The five plan tables share id, workspace, position and archive columns, so one set of queries serves them. */
export type PlanTable = typeof planObjectives | typeof planAudiences | typeof planKeyMessages | typeof planChannels | typeof planIndicators;
export type ObjectiveRow = typeof planObjectives.$inferSelect;
export type AudienceRow = typeof planAudiences.$inferSelect;
export type KeyMessageRow = typeof planKeyMessages.$inferSelect;
export type ChannelRow = typeof planChannels.$inferSelect;
export type IndicatorRow = typeof planIndicators.$inferSelect;
export type IndicatorValueRow = typeof planIndicatorValues.$inferSelect;

function archivedFilter(table: PlanTable, archived: 'true' | 'false' | 'all'): SQL | undefined {
  if (archived === 'false') return isNull(table.archivedAt);
  if (archived === 'true') return isNotNull(table.archivedAt);
  return undefined;
}

/** Rows of one plan table in `position` order (then creation, so equal positions stay stable). */
export async function findPlanRows<T extends PlanTable>(db: Db, table: T, workspaceId: string, archived: 'true' | 'false' | 'all') {
  const rows = await db
    .select()
    .from(table as PlanTable)
    .where(and(eq(table.workspaceId, workspaceId), archivedFilter(table, archived)))
    .orderBy(asc(table.position), asc(table.createdAt), asc(table.id));
  return rows as Array<T['$inferSelect']>;
}

export async function findPlanRow<T extends PlanTable>(db: DbOrTransaction, table: T, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(table as PlanTable)
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)));
  return row as T['$inferSelect'] | undefined;
}

/** The next free position at the end of the list. */
export async function nextPosition(db: DbOrTransaction, table: PlanTable, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(max(${table.position}), -1) + 1` })
    .from(table)
    .where(eq(table.workspaceId, workspaceId));
  return Number(row?.value ?? 0);
}

export async function insertPlanRow<T extends PlanTable>(db: DbOrTransaction, table: T, values: T['$inferInsert']) {
  const [row] = await db
    .insert(table as PlanTable)
    .values(values as never)
    .returning();
  return row as T['$inferSelect'];
}

export async function updatePlanRow<T extends PlanTable>(
  db: DbOrTransaction,
  table: T,
  workspaceId: string,
  id: string,
  values: Partial<T['$inferInsert']>,
) {
  const [row] = await db
    .update(table as PlanTable)
    .set({ ...(values as object), updatedAt: sql`now()` })
    .where(and(eq(table.workspaceId, workspaceId), eq(table.id, id)))
    .returning();
  return row as T['$inferSelect'] | undefined;
}

/** The latest value of each indicator (by recording date, then entry time). */
export async function findLatestValues(db: Db, workspaceId: string, indicatorIds: string[]): Promise<Map<string, IndicatorValueRow>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([planIndicatorValues.indicatorId])
    .from(planIndicatorValues)
    .where(and(eq(planIndicatorValues.workspaceId, workspaceId), inArray(planIndicatorValues.indicatorId, indicatorIds)))
    .orderBy(planIndicatorValues.indicatorId, desc(planIndicatorValues.recordedOn), desc(planIndicatorValues.createdAt));
  return new Map(rows.map((row) => [row.indicatorId, row]));
}

/** Every recorded value of one indicator, newest first. */
export function findIndicatorValues(db: Db, workspaceId: string, indicatorId: string) {
  return db
    .select()
    .from(planIndicatorValues)
    .where(and(eq(planIndicatorValues.workspaceId, workspaceId), eq(planIndicatorValues.indicatorId, indicatorId)))
    .orderBy(desc(planIndicatorValues.recordedOn), desc(planIndicatorValues.createdAt));
}

export async function insertIndicatorValue(
  db: DbOrTransaction,
  values: typeof planIndicatorValues.$inferInsert,
): Promise<IndicatorValueRow> {
  const [row] = await db.insert(planIndicatorValues).values(values).returning();
  return row as IndicatorValueRow;
}
