/**
 * Files the studio writes itself (a cleaned image and its thumbnail, a logo) go through the platform's
 * file store in two steps, so that they are recorded in the same transaction as the row that uses them:
 * bytes first (`putStudioFile`), then the `file` row (`insertStudioFile`), and the bytes removed again
 * when the transaction fails (`discardStudioFiles`).
 */

import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { files } from '../../platform/platform.tables.js';
import { type FileStorage, newStorageKey } from '../../platform/storage/storage.js';

export type FileRow = typeof files.$inferSelect;

export interface StoredBytes {
  workspaceId: string;
  storageKey: string;
  sha256: string;
  originalName: string;
  contentType: string;
  byteSize: number;
}

/** Writes the bytes to the store (not yet recorded). */
export async function putStudioFile(
  storage: FileStorage,
  input: { workspaceId: string; bytes: Uint8Array; originalName: string; contentType: string },
): Promise<StoredBytes> {
  const { key, sha256 } = newStorageKey(input.workspaceId, input.bytes);
  await storage.put(key, input.bytes);
  return {
    workspaceId: input.workspaceId,
    storageKey: key,
    sha256,
    originalName: input.originalName.slice(0, 255),
    contentType: input.contentType,
    byteSize: input.bytes.byteLength,
  };
}

/** Records stored bytes as a file of the workspace. */
export async function insertStudioFile(db: DbOrTransaction, stored: StoredBytes, userId: string | null): Promise<FileRow> {
  const [row] = await db
    .insert(files)
    .values({ ...stored, createdBy: userId })
    .returning();
  return row as FileRow;
}

/** Removes bytes whose recording failed. */
export async function discardStudioFiles(storage: FileStorage, stored: ReadonlyArray<StoredBytes | null | undefined>): Promise<void> {
  await Promise.all(stored.map((item) => (item ? storage.delete(item.storageKey) : undefined)));
}

/** A file name with another extension (`photo.jpeg` → `photo.webp`), for thumbnails. */
export function withExtension(fileName: string, extension: string): string {
  return `${fileName.replace(/\.[a-z0-9]+$/i, '')}.${extension}`;
}
