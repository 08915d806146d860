/** All SQL of studio documents (STYLE G5). Every query is scoped by workspace. */
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DocumentListQuery } from '../../../shared/studio/documents-api.schema.js';
import { STUDIO_DOCUMENT_CONTENT_TYPE } from '../../../shared/studio/documents-api.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { containsFolded } from '../../platform/db/search.js';
import { files } from '../../platform/platform.tables.js';
import { contentReviews } from '../../platform/review/review.tables.js';
import { assetConsents, assets, studioDocuments } from './studio.tables.js';

export type DocumentRow = typeof studioDocuments.$inferSelect;
export type DocumentInsert = typeof studioDocuments.$inferInsert;
export type DocumentWithReview = DocumentRow & { reviewState: string | null };

/** Update time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const updatedAtKey = sql<string>`to_char(${studioDocuments.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const reviewJoin = and(
  eq(contentReviews.workspaceId, studioDocuments.workspaceId),
  eq(contentReviews.contentType, STUDIO_DOCUMENT_CONTENT_TYPE),
  eq(contentReviews.contentId, studioDocuments.id),
);

/** One page of documents, last edited first (one row more than asked, to know whether a next page exists). */
export function findDocuments(db: DbOrTransaction, workspaceId: string, query: DocumentListQuery, cursor: Cursor | undefined) {
  const filters: SQL[] = [eq(studioDocuments.workspaceId, workspaceId)];
  if (query.layout) filters.push(eq(studioDocuments.layout, query.layout));
  const search = containsFolded(studioDocuments.searchText, query.q);
  if (search) filters.push(search);
  if (cursor)
    filters.push(sql`(${studioDocuments.updatedAt}, ${studioDocuments.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  return db
    .select({ document: studioDocuments, reviewState: contentReviews.state, sortKey: updatedAtKey })
    .from(studioDocuments)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(...filters))
    .orderBy(desc(studioDocuments.updatedAt), desc(studioDocuments.id))
    .limit(query.limit + 1);
}

export async function findDocumentById(db: DbOrTransaction, workspaceId: string, id: string): Promise<DocumentWithReview | undefined> {
  const [row] = await db
    .select({ document: studioDocuments, reviewState: contentReviews.state })
    .from(studioDocuments)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)));
  return row ? { ...row.document, reviewState: row.reviewState } : undefined;
}

/** The row locked for an update in the caller's transaction (two saves never interleave). */
export async function lockDocument(db: DbOrTransaction, workspaceId: string, id: string): Promise<DocumentRow | undefined> {
  const [row] = await db
    .select()
    .from(studioDocuments)
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)))
    .for('update');
  return row;
}

export async function insertDocument(db: DbOrTransaction, values: DocumentInsert): Promise<DocumentRow> {
  const [row] = await db.insert(studioDocuments).values(values).returning();
  return row as DocumentRow;
}

/** A save: the changes, the version raised by one and the update time. */
export async function updateDocumentRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<DocumentInsert>) {
  const [row] = await db
    .update(studioDocuments)
    .set({ ...values, version: sql`${studioDocuments.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)))
    .returning();
  return row as DocumentRow | undefined;
}

/** The document and its review (its events, approvals and comments go with it). */
export async function deleteDocumentRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(studioDocuments)
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)))
    .returning({ id: studioDocuments.id });
  if (deleted.length === 0) return false;
  await db
    .delete(contentReviews)
    .where(
      and(
        eq(contentReviews.workspaceId, workspaceId),
        eq(contentReviews.contentType, STUDIO_DOCUMENT_CONTENT_TYPE),
        eq(contentReviews.contentId, id),
      ),
    );
  return true;
}

/** An export stored: the file, its pages and the version it shows (not a save: the version stays). */
export async function setLastRender(
  db: DbOrTransaction,
  workspaceId: string,
  id: string,
  render: { fileId: string; pages: number; version: number },
) {
  const [row] = await db
    .update(studioDocuments)
    .set({
      lastRenderFileId: render.fileId,
      lastRenderPages: render.pages,
      lastRenderVersion: render.version,
      lastRenderedAt: sql`now()`,
      exportRequestedAt: null,
      exportError: null,
    })
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)))
    .returning();
  return row as DocumentRow | undefined;
}

/** A background export queued (or its failure, with the reason). */
export async function setExportState(
  db: DbOrTransaction,
  workspaceId: string,
  id: string,
  state: { requestedAt: Date | null; error: string | null },
): Promise<void> {
  await db
    .update(studioDocuments)
    .set({ exportRequestedAt: state.requestedAt, exportError: state.error })
    .where(and(eq(studioDocuments.workspaceId, workspaceId), eq(studioDocuments.id, id)));
}

/** What a document needs of its images: where the bytes are, whether they may be used, and a title to name them. */
export interface DocumentAssetRow {
  id: string;
  kind: string;
  showsPeople: boolean;
  archivedAt: Date | null;
  storageKey: string;
  title: Record<string, { value: string } | undefined>;
}

export async function findDocumentAssets(db: DbOrTransaction, workspaceId: string, ids: readonly string[]): Promise<DocumentAssetRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: assets.id,
      kind: assets.kind,
      showsPeople: assets.showsPeople,
      archivedAt: assets.archivedAt,
      storageKey: files.storageKey,
      title: assets.title,
    })
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, [...ids])));
  return rows as DocumentAssetRow[];
}

/** The consent records of some assets (scope and last day). */
export function findAssetConsentTerms(db: DbOrTransaction, assetIds: readonly string[]) {
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
    .select({ id: files.id, storageKey: files.storageKey, contentType: files.contentType })
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), inArray(files.id, [...ids])));
}
