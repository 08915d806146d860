/** All SQL of the asset library and its consent records (STYLE G5). Every query is scoped by workspace. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { AssetListQuery, ConsentUse } from '../../../shared/studio/assets.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { containsFolded } from '../../platform/db/search.js';
import { files } from '../../platform/platform.tables.js';
import { assetConsents, assets, designs, studioDocuments } from './studio.tables.js';

export type AssetRow = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;
export type ConsentRow = typeof assetConsents.$inferSelect;
export type ConsentInsert = typeof assetConsents.$inferInsert;
/** An asset with what the API shows of its file. */
export type AssetWithFile = AssetRow & { contentType: string; byteSize: number; originalName: string };

/** Creation time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const createdAtKey = sql<string>`to_char(${assets.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const withFile = {
  asset: assets,
  contentType: files.contentType,
  byteSize: files.byteSize,
  originalName: files.originalName,
};

function flatten(row: { asset: AssetRow; contentType: string; byteSize: number; originalName: string }): AssetWithFile {
  return { ...row.asset, contentType: row.contentType, byteSize: row.byteSize, originalName: row.originalName };
}

/**
 * The picker's rule in SQL (same as `consentSummaryOf`): an asset showing no one, or one with at least
 * one consent and none expired before `today` or (for `use`) lacking that use.
 */
export function usableCondition(use: ConsentUse | undefined, today: string): SQL {
  const blocking = use
    ? sql`${assetConsents.expiresOn} < ${today}::date or not (${use}::text = any(${assetConsents.scope}))`
    : sql`${assetConsents.expiresOn} < ${today}::date`;
  return sql`(${assets.showsPeople} = false or (exists (select 1 from ${assetConsents} where ${assetConsents.assetId} = ${assets.id}) and not exists (select 1 from ${assetConsents} where ${assetConsents.assetId} = ${assets.id} and (${blocking}))))`;
}

function filtersOf(workspaceId: string, query: AssetListQuery, today: string): SQL[] {
  const filters: SQL[] = [eq(assets.workspaceId, workspaceId)];
  filters.push(query.archived === 'true' ? isNotNull(assets.archivedAt) : isNull(assets.archivedAt));
  if (query.kind) filters.push(eq(assets.kind, query.kind));
  if (query.organisationId) filters.push(eq(assets.organisationId, query.organisationId));
  if (query.campaignId) filters.push(eq(assets.campaignId, query.campaignId));
  if (query.tag) filters.push(sql`${assets.tags} @> array[${query.tag.normalize('NFC').toLocaleLowerCase()}]::text[]`);
  if (query.language) filters.push(sql`(${assets.languages} @> array[${query.language}]::text[] or cardinality(${assets.languages}) = 0)`);
  if (query.usable === 'true' || query.use) filters.push(usableCondition(query.use, today));
  const search = containsFolded(assets.searchText, query.q);
  if (search) filters.push(search);
  return filters;
}

/** The query of one page of assets, newest first, one row more than asked (kept apart so its SQL is snapshot-tested). */
export function assetPageQuery(db: DbOrTransaction, workspaceId: string, query: AssetListQuery, cursor: Cursor | undefined, today: string) {
  const filters = filtersOf(workspaceId, query, today);
  if (cursor) filters.push(sql`(${assets.createdAt}, ${assets.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ ...withFile, sortKey: createdAtKey })
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(...filters))
    .orderBy(desc(assets.createdAt), desc(assets.id))
    .limit(query.limit + 1);
}

/** One page of assets, newest first (one row more than asked, to know whether a next page exists). */
export async function findAssets(
  db: DbOrTransaction,
  workspaceId: string,
  query: AssetListQuery,
  cursor: Cursor | undefined,
  today: string,
) {
  const rows = await assetPageQuery(db, workspaceId, query, cursor, today);
  return rows.map((row) => ({ asset: flatten(row), sortKey: row.sortKey }));
}

export async function findAssetById(db: DbOrTransaction, workspaceId: string, id: string): Promise<AssetWithFile | undefined> {
  const [row] = await db
    .select(withFile)
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)));
  return row ? flatten(row) : undefined;
}

export async function insertAsset(db: DbOrTransaction, values: AssetInsert): Promise<AssetRow> {
  const [row] = await db.insert(assets).values(values).returning();
  return row as AssetRow;
}

export async function updateAssetRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<AssetInsert>) {
  const [row] = await db
    .update(assets)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(assets.workspaceId, workspaceId), eq(assets.id, id)))
    .returning();
  return row as AssetRow | undefined;
}

/** Tags in use among the workspace's current assets, in order. */
export async function findAssetTags(db: Db, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ tag: sql<string>`unnest(${assets.tags})` })
    .from(assets)
    .where(and(eq(assets.workspaceId, workspaceId), isNull(assets.archivedAt)))
    .orderBy(sql`1`);
  return rows.map((row) => row.tag);
}

/** Consent records of some assets (asset ids already checked to be of the workspace). */
export function findConsentsOfAssets(db: DbOrTransaction, assetIds: readonly string[]): Promise<ConsentRow[]> {
  if (assetIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(assetConsents)
    .where(inArray(assetConsents.assetId, [...assetIds]))
    .orderBy(asc(assetConsents.createdAt), asc(assetConsents.id));
}

export async function findConsentById(db: DbOrTransaction, assetId: string, id: string): Promise<ConsentRow | undefined> {
  const [row] = await db
    .select()
    .from(assetConsents)
    .where(and(eq(assetConsents.assetId, assetId), eq(assetConsents.id, id)));
  return row;
}

export async function insertConsent(db: DbOrTransaction, values: ConsentInsert): Promise<ConsentRow> {
  const [row] = await db.insert(assetConsents).values(values).returning();
  return row as ConsentRow;
}

export async function updateConsentRow(db: DbOrTransaction, assetId: string, id: string, values: Partial<ConsentInsert>) {
  const [row] = await db
    .update(assetConsents)
    .set(values)
    .where(and(eq(assetConsents.assetId, assetId), eq(assetConsents.id, id)))
    .returning();
  return row as ConsentRow | undefined;
}

export async function deleteConsentRow(db: DbOrTransaction, assetId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(assetConsents)
    .where(and(eq(assetConsents.assetId, assetId), eq(assetConsents.id, id)))
    .returning({ id: assetConsents.id });
  return rows.length > 0;
}

/**
 * Where an asset is used: designs that list it in `asset_ids`, and documents whose body names it
 * (the editor stores an image node with the asset's id; until its shape is fixed, any mention counts).
 */
export async function findAssetUsage(db: DbOrTransaction, workspaceId: string, assetId: string) {
  const [designRows, documentRows] = await Promise.all([
    db
      .select({ id: designs.id, title: designs.title, template: designs.template, updatedAt: designs.updatedAt })
      .from(designs)
      .where(and(eq(designs.workspaceId, workspaceId), sql`${designs.assetIds} @> array[${assetId}]::uuid[]`))
      .orderBy(desc(designs.updatedAt)),
    db
      .select({ id: studioDocuments.id, title: studioDocuments.title, updatedAt: studioDocuments.updatedAt })
      .from(studioDocuments)
      .where(and(eq(studioDocuments.workspaceId, workspaceId), sql`${studioDocuments.body}::text like ${`%${assetId}%`}`))
      .orderBy(desc(studioDocuments.updatedAt)),
  ]);
  return { designs: designRows, documents: documentRows };
}
