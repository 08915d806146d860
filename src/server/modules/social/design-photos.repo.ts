/** SQL of the photos rendered from studio designs (STYLE G5). Every query is scoped by workspace. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { files } from '../../platform/platform.tables.js';
import { assets } from '../studio/studio.tables.js';
import { type SocialDesignPhotoRow, socialDesignPhotos } from './design-photos.tables.js';

/** Which of `assetIds` were rendered from a design, with the library photos each design showed. */
export function findDesignPhotoSources(db: DbOrTransaction, workspaceId: string, assetIds: readonly string[]) {
  if (assetIds.length === 0) return Promise.resolve([]);
  return db
    .select({ assetId: socialDesignPhotos.assetId, sourceAssetIds: socialDesignPhotos.sourceAssetIds })
    .from(socialDesignPhotos)
    .where(and(eq(socialDesignPhotos.workspaceId, workspaceId), inArray(socialDesignPhotos.assetId, [...assetIds])));
}

/** The photos already rendered from a design, newest first, with the fingerprint of their bytes. */
export function findPhotosOfDesign(db: DbOrTransaction, workspaceId: string, designId: string) {
  return db
    .select({ assetId: socialDesignPhotos.assetId, sha256: files.sha256, archivedAt: assets.archivedAt })
    .from(socialDesignPhotos)
    .innerJoin(assets, eq(assets.id, socialDesignPhotos.assetId))
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(socialDesignPhotos.workspaceId, workspaceId), eq(socialDesignPhotos.designId, designId)))
    .orderBy(desc(socialDesignPhotos.createdAt));
}

export async function insertDesignPhoto(
  db: DbOrTransaction,
  values: typeof socialDesignPhotos.$inferInsert,
): Promise<SocialDesignPhotoRow> {
  const [row] = await db.insert(socialDesignPhotos).values(values).returning();
  return row as SocialDesignPhotoRow;
}
