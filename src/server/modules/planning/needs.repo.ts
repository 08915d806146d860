/** All SQL of the needs register (STYLE G5). Every query is scoped by workspace. */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { NeedListQuery } from '../../../shared/planning/needs.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { auditLog } from '../../platform/platform.tables.js';
import { campaigns, tasks } from './campaigns.tables.js';
import { needs } from './needs.tables.js';

export type NeedRow = typeof needs.$inferSelect;
export type NeedInsert = typeof needs.$inferInsert;
export type NeedWithRequester = NeedRow & { requesterName: string | null };

/** Creation time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const createdAtKey = sql<string>`to_char(${needs.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of needs, newest first (one row more than asked, to know whether a next page exists). */
export async function findNeeds(db: Db, workspaceId: string, query: NeedListQuery, userId: string, cursor: Cursor | undefined) {
  const filters: SQL[] = [eq(needs.workspaceId, workspaceId)];
  if (query.status) filters.push(eq(needs.status, query.status));
  if (query.organisationId) filters.push(eq(needs.organisationId, query.organisationId));
  if (query.mine === 'true') filters.push(eq(needs.requesterUserId, userId));
  if (cursor) filters.push(sql`(${needs.createdAt}, ${needs.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ need: needs, requesterName: users.name, sortKey: createdAtKey })
    .from(needs)
    .leftJoin(users, eq(users.id, needs.requesterUserId))
    .where(and(...filters))
    .orderBy(desc(needs.createdAt), desc(needs.id))
    .limit(query.limit + 1);
}

export async function findNeedById(db: DbOrTransaction, workspaceId: string, id: string): Promise<NeedWithRequester | undefined> {
  const [row] = await db
    .select({ need: needs, requesterName: users.name })
    .from(needs)
    .leftJoin(users, eq(users.id, needs.requesterUserId))
    .where(and(eq(needs.workspaceId, workspaceId), eq(needs.id, id)));
  return row ? { ...row.need, requesterName: row.requesterName } : undefined;
}

export async function insertNeed(db: DbOrTransaction, values: NeedInsert): Promise<NeedRow> {
  const [row] = await db.insert(needs).values(values).returning();
  return row as NeedRow;
}

export async function updateNeedRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<NeedInsert>) {
  const [row] = await db
    .update(needs)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(needs.workspaceId, workspaceId), eq(needs.id, id)))
    .returning();
  return row as NeedRow | undefined;
}

export async function isCampaignOwned(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
  return Boolean(row);
}

export async function isTaskOwned(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.id, id)));
  return Boolean(row);
}

/** The audit entries that make a need's status history (creation and each status change), oldest first. */
export function findNeedStatusEntries(db: Db, workspaceId: string, needId: string) {
  return db
    .select({ action: auditLog.action, after: auditLog.after, createdAt: auditLog.createdAt, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(
      and(
        eq(auditLog.workspaceId, workspaceId),
        eq(auditLog.entityType, 'need'),
        eq(auditLog.entityId, needId),
        inArray(auditLog.action, ['create', 'status-change']),
      ),
    )
    .orderBy(asc(auditLog.id));
}

/** The interface language of a user (to pick the title a notification quotes). */
export async function findUserLocale(db: Db, userId: string): Promise<string | undefined> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId));
  return row?.locale;
}
