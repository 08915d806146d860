/** All SQL of saved designs (STYLE G5). Every query is scoped by workspace. */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DesignListQuery } from '../../../shared/studio/designs.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { files } from '../../platform/platform.tables.js';
import { assetConsents, assets, designs } from './studio.tables.js';

export type DesignRow = typeof designs.$inferSelect;
export type DesignInsert = typeof designs.$inferInsert;

/** Update time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const updatedAtKey = sql<string>`to_char(${designs.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** One page of designs, last edited first (one row more than asked, to know whether a next page exists). */
export async function findDesigns(db: DbOrTransaction, workspaceId: string, query: DesignListQuery, cursor: Cursor | undefined) {
  const filters: SQL[] = [eq(designs.workspaceId, workspaceId)];
  if (query.template) filters.push(eq(designs.template, query.template));
  if (cursor) filters.push(sql`(${designs.updatedAt}, ${designs.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ design: designs, sortKey: updatedAtKey })
    .from(designs)
    .where(and(...filters))
    .orderBy(desc(designs.updatedAt), desc(designs.id))
    .limit(query.limit + 1);
}

export async function findDesignById(db: DbOrTransaction, workspaceId: string, id: string): Promise<DesignRow | undefined> {
  const [row] = await db
    .select()
    .from(designs)
    .where(and(eq(designs.workspaceId, workspaceId), eq(designs.id, id)));
  return row;
}

export async function insertDesign(db: DbOrTransaction, values: DesignInsert): Promise<DesignRow> {
  const [row] = await db.insert(designs).values(values).returning();
  return row as DesignRow;
}

export async function updateDesignRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<DesignInsert>) {
  const [row] = await db
    .update(designs)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(designs.workspaceId, workspaceId), eq(designs.id, id)))
    .returning();
  return row as DesignRow | undefined;
}

export async function deleteDesignRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(designs)
    .where(and(eq(designs.workspaceId, workspaceId), eq(designs.id, id)))
    .returning({ id: designs.id });
  return rows.length > 0;
}

/** What a design needs of its images: where the bytes are and whether they may be used. */
export interface DesignAssetRow {
  id: string;
  kind: string;
  showsPeople: boolean;
  archivedAt: Date | null;
  storageKey: string;
  contentType: string;
}

/** The workspace's assets among `ids`, with the storage key of their file. */
export async function findDesignAssets(db: DbOrTransaction, workspaceId: string, ids: readonly string[]): Promise<DesignAssetRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: assets.id,
      kind: assets.kind,
      showsPeople: assets.showsPeople,
      archivedAt: assets.archivedAt,
      storageKey: files.storageKey,
      contentType: files.contentType,
    })
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, [...ids])));
}

/** The consent records of some assets (scope and last day). */
export function findConsentTerms(db: DbOrTransaction, assetIds: readonly string[]) {
  if (assetIds.length === 0) return Promise.resolve([]);
  return db
    .select({ assetId: assetConsents.assetId, scope: assetConsents.scope, expiresOn: assetConsents.expiresOn })
    .from(assetConsents)
    .where(inArray(assetConsents.assetId, [...assetIds]));
}

/** Storage keys of workspace files (logos of the brand kit and of the partner strip). */
export function findFileKeys(db: DbOrTransaction, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: files.id, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), inArray(files.id, [...ids])));
}
