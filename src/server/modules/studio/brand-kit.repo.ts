/** All SQL of the brand kit and its partner logo strip (STYLE G5). Every query is scoped by workspace. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { files } from '../../platform/platform.tables.js';
import { brandKits, brandPartnerLogos } from './studio.tables.js';

export type BrandKitRow = typeof brandKits.$inferSelect;
export type BrandKitInsert = typeof brandKits.$inferInsert;
export type BrandPartnerRow = typeof brandPartnerLogos.$inferSelect;
export type BrandPartnerInsert = typeof brandPartnerLogos.$inferInsert;

export async function findBrandKitRow(db: DbOrTransaction, workspaceId: string): Promise<BrandKitRow | undefined> {
  const [row] = await db.select().from(brandKits).where(eq(brandKits.workspaceId, workspaceId));
  return row;
}

/** Creates or replaces the workspace's kit. */
export async function upsertBrandKit(db: DbOrTransaction, values: BrandKitInsert): Promise<BrandKitRow> {
  const { workspaceId: _key, ...changes } = values;
  const [row] = await db
    .insert(brandKits)
    .values({ ...values, updatedAt: sql`now()` })
    .onConflictDoUpdate({ target: brandKits.workspaceId, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return row as BrandKitRow;
}

/** The strip's entries by position (the order the editor saved). */
export function findPartners(db: DbOrTransaction, workspaceId: string): Promise<BrandPartnerRow[]> {
  return db
    .select()
    .from(brandPartnerLogos)
    .where(eq(brandPartnerLogos.workspaceId, workspaceId))
    .orderBy(asc(brandPartnerLogos.position), asc(brandPartnerLogos.createdAt), asc(brandPartnerLogos.id));
}

/** The strip's entries with their logo's content type, for renders. */
export function findPartnersWithLogos(db: DbOrTransaction, workspaceId: string) {
  return db
    .select({ partner: brandPartnerLogos, logoContentType: files.contentType })
    .from(brandPartnerLogos)
    .innerJoin(files, eq(files.id, brandPartnerLogos.logoFileId))
    .where(eq(brandPartnerLogos.workspaceId, workspaceId))
    .orderBy(asc(brandPartnerLogos.position), asc(brandPartnerLogos.createdAt), asc(brandPartnerLogos.id));
}

export async function findPartnerById(db: DbOrTransaction, workspaceId: string, id: string): Promise<BrandPartnerRow | undefined> {
  const [row] = await db
    .select()
    .from(brandPartnerLogos)
    .where(and(eq(brandPartnerLogos.workspaceId, workspaceId), eq(brandPartnerLogos.id, id)));
  return row;
}

/** One past the last position, so a new logo goes to the end of the strip. */
export async function nextPartnerPosition(db: DbOrTransaction, workspaceId: string): Promise<number> {
  const [row] = await db
    .select({ next: sql<number>`coalesce(max(${brandPartnerLogos.position}), -1)::int + 1` })
    .from(brandPartnerLogos)
    .where(eq(brandPartnerLogos.workspaceId, workspaceId));
  return Number(row?.next ?? 0);
}

export async function insertPartner(db: DbOrTransaction, values: BrandPartnerInsert): Promise<BrandPartnerRow> {
  const [row] = await db.insert(brandPartnerLogos).values(values).returning();
  return row as BrandPartnerRow;
}

export async function updatePartnerRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<BrandPartnerInsert>) {
  const [row] = await db
    .update(brandPartnerLogos)
    .set(values)
    .where(and(eq(brandPartnerLogos.workspaceId, workspaceId), eq(brandPartnerLogos.id, id)))
    .returning();
  return row as BrandPartnerRow | undefined;
}

export async function deletePartnerRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(brandPartnerLogos)
    .where(and(eq(brandPartnerLogos.workspaceId, workspaceId), eq(brandPartnerLogos.id, id)))
    .returning({ id: brandPartnerLogos.id });
  return rows.length > 0;
}

/** Gives each id its index as position (the strip has a few dozen entries at most). */
export async function setPartnerPositions(db: DbOrTransaction, workspaceId: string, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db
      .update(brandPartnerLogos)
      .set({ position })
      .where(and(eq(brandPartnerLogos.workspaceId, workspaceId), eq(brandPartnerLogos.id, id)));
  }
}

/** Files of the workspace among `ids`, with what a logo check needs. */
export function findWorkspaceFiles(db: DbOrTransaction, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: files.id, contentType: files.contentType, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), inArray(files.id, [...ids])));
}
