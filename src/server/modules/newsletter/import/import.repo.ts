/** SQL of the import rows themselves (STYLE G5): create, read, page, and the state changes of a run. */
import { and, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { users } from '../../../platform/auth/auth.tables.js';
import type { Db } from '../../../platform/db/database.js';
import type { Cursor } from '../../../platform/db/pagination.js';
import { files } from '../../../platform/platform.tables.js';
import { mailingLists, subscriberImports } from '../newsletter.tables.js';

export type ImportRow = typeof subscriberImports.$inferSelect;
export type ImportWithCreator = ImportRow & { createdByName: string | null };

/** Creation time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const createdAtKey = sql<string>`to_char(${subscriberImports.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Records an uploaded file (the platform's upload service only takes images and PDF; a CSV is sniffed here). */
export async function insertFileRow(db: DbOrTransaction, values: typeof files.$inferInsert) {
  const [row] = await db.insert(files).values(values).returning();
  return row as typeof files.$inferSelect;
}

export async function insertImport(db: DbOrTransaction, values: typeof subscriberImports.$inferInsert): Promise<ImportRow> {
  const [row] = await db.insert(subscriberImports).values(values).returning();
  return row as ImportRow;
}

export async function findImport(db: DbOrTransaction, workspaceId: string, id: string): Promise<ImportWithCreator | undefined> {
  const [row] = await db
    .select({ item: subscriberImports, createdByName: users.name })
    .from(subscriberImports)
    .leftJoin(users, eq(users.id, subscriberImports.createdBy))
    .where(and(eq(subscriberImports.workspaceId, workspaceId), eq(subscriberImports.id, id)));
  return row ? { ...row.item, createdByName: row.createdByName } : undefined;
}

/** One page of imports, newest first (one row more than asked, to know whether a next page exists). */
export function findImports(db: Db, workspaceId: string, limit: number, cursor: Cursor | undefined) {
  const filters: SQL[] = [eq(subscriberImports.workspaceId, workspaceId)];
  if (cursor)
    filters.push(sql`(${subscriberImports.createdAt}, ${subscriberImports.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ item: subscriberImports, createdByName: users.name, sortKey: createdAtKey })
    .from(subscriberImports)
    .leftJoin(users, eq(users.id, subscriberImports.createdBy))
    .where(and(...filters))
    .orderBy(desc(subscriberImports.createdAt), desc(subscriberImports.id))
    .limit(limit + 1);
}

/** Saves the officer's choices and queues the import, if it is still `uploaded` (a second click loses). */
export async function queueImport(
  db: DbOrTransaction,
  workspaceId: string,
  id: string,
  values: Pick<ImportRow, 'encoding' | 'delimiter' | 'mapping' | 'listIds' | 'tags' | 'consentText' | 'totalRows'>,
): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(subscriberImports)
    .set({ ...values, status: 'queued' })
    .where(and(eq(subscriberImports.workspaceId, workspaceId), eq(subscriberImports.id, id), eq(subscriberImports.status, 'uploaded')))
    .returning();
  return row;
}

/** Gives a queued import back to the officer (its job could not be queued). */
export async function unqueueImport(db: DbOrTransaction, id: string): Promise<void> {
  await db
    .update(subscriberImports)
    .set({ status: 'uploaded' })
    .where(and(eq(subscriberImports.id, id), eq(subscriberImports.status, 'queued')));
}

/** Marks a queued (or interrupted) import running; undefined when it is already finished. */
export async function claimImportRun(db: DbOrTransaction, id: string): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(subscriberImports)
    .set({ status: 'running' })
    .where(and(eq(subscriberImports.id, id), inArray(subscriberImports.status, ['queued', 'running'])))
    .returning();
  return row;
}

export interface BatchCounts {
  created: number;
  updated: number;
  skipped: number;
  errors: number;
}

/**
 * Locks the import row for one batch, if its progress is still at `from` and it is running: the first
 * statement of a batch's transaction. A second run of the same import (a retry while the first is
 * still alive) waits here until the first commits, then finds the progress moved and stops.
 */
export async function lockImportAt(db: DbOrTransaction, id: string, from: number): Promise<boolean> {
  const rows = await db
    .select({ id: subscriberImports.id })
    .from(subscriberImports)
    .where(and(eq(subscriberImports.id, id), eq(subscriberImports.processedRows, from), eq(subscriberImports.status, 'running')))
    .for('update');
  return rows.length === 1;
}

/** Moves progress to `to` rows and adds a batch's counts (in the batch's transaction). */
export async function advanceImport(db: DbOrTransaction, id: string, to: number, counts: BatchCounts): Promise<void> {
  await db
    .update(subscriberImports)
    .set({
      processedRows: to,
      createdCount: sql`${subscriberImports.createdCount} + ${counts.created}`,
      updatedCount: sql`${subscriberImports.updatedCount} + ${counts.updated}`,
      skippedCount: sql`${subscriberImports.skippedCount} + ${counts.skipped}`,
      errorCount: sql`${subscriberImports.errorCount} + ${counts.errors}`,
    })
    .where(eq(subscriberImports.id, id));
}

/** Ends a run: done (with its error report, if any) or failed (with the reason's code). */
export async function finishImport(
  db: DbOrTransaction,
  id: string,
  values: { status: 'done' | 'failed'; totalRows?: number; errorReportFileId?: string | null; error?: string | null },
): Promise<ImportRow | undefined> {
  const [row] = await db
    .update(subscriberImports)
    .set({ ...values, finishedAt: sql`now()` })
    .where(and(eq(subscriberImports.id, id), inArray(subscriberImports.status, ['queued', 'running'])))
    .returning();
  return row;
}

/** The workspace's lists that are not archived, among `ids`. */
export async function findOpenListIds(db: DbOrTransaction, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: mailingLists.id })
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), inArray(mailingLists.id, ids), isNull(mailingLists.archivedAt)));
  return new Set(rows.map((row) => row.id));
}

/** Lists an import may fill, oldest first. */
export function findListOptions(db: Db, workspaceId: string) {
  return db
    .select({ id: mailingLists.id, name: mailingLists.name })
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), isNull(mailingLists.archivedAt)))
    .orderBy(mailingLists.createdAt, mailingLists.id)
    .limit(200);
}
