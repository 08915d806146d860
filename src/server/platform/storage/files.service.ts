/** Uploads: size limit, type by magic bytes matching the extension, stored then recorded (never half-written). */
import { and, eq } from 'drizzle-orm';
import { hasPermission, type Role } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../audit/audit.js';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { files } from '../platform.tables.js';
import { permissionsToRead } from './file-access.js';
import { extensionMatches, sniffContentType } from './sniff.js';
import { type FileStorage, newStorageKey } from './storage.js';

export type FileRow = typeof files.$inferSelect;

export async function assertFileOwned(db: DbOrTransaction, workspaceId: string, fileId: string, field: string): Promise<void> {
  const [row] = await db
    .select({ id: files.id })
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), eq(files.id, fileId)));
  if (!row) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'UNKNOWN_FILE' } });
}

export async function findFile(db: DbOrTransaction, workspaceId: string, fileId: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.workspaceId, workspaceId), eq(files.id, fileId)));
  return row;
}

export function createFilesService(db: Db, storage: FileStorage, maxBytes: number) {
  return {
    async upload(input: { workspaceId: string; userId: string; fileName: string; bytes: Uint8Array }): Promise<FileRow> {
      if (input.bytes.byteLength > maxBytes) throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round(maxBytes / 1048576) } });
      if (input.bytes.byteLength === 0) throw new AppError('VALIDATION_FAILED', { fields: { file: 'REQUIRED' } });
      const type = sniffContentType(input.bytes);
      if (!type || !extensionMatches(type, input.fileName)) {
        throw new AppError('FILE_TYPE_MISMATCH', { params: { fileName: input.fileName } });
      }
      const { key, sha256 } = newStorageKey(input.workspaceId, input.bytes);
      await storage.put(key, input.bytes);
      try {
        return await db.transaction(async (tx) => {
          const [row] = await tx
            .insert(files)
            .values({
              workspaceId: input.workspaceId,
              storageKey: key,
              originalName: input.fileName.slice(0, 255),
              contentType: type,
              byteSize: input.bytes.byteLength,
              sha256,
              createdBy: input.userId,
            })
            .returning();
          const file = row as FileRow;
          await recordAudit(tx, {
            workspaceId: input.workspaceId,
            actorUserId: input.userId,
            action: 'create',
            entityType: 'file',
            entityId: file.id,
            after: { originalName: file.originalName, contentType: type, byteSize: file.byteSize },
          });
          return file;
        });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
    },

    /** A file of the workspace, for a member with `role`; one a module keeps for fewer people is absent to the others. */
    async read(workspaceId: string, fileId: string, role: Role): Promise<{ file: FileRow; bytes: Buffer }> {
      const file = await findFile(db, workspaceId, fileId);
      if (!file) throw new AppError('NOT_FOUND');
      const required = await permissionsToRead(db, file);
      if (required.some((permission) => !hasPermission(role, permission))) throw new AppError('NOT_FOUND');
      return { file, bytes: await storage.get(file.storageKey) };
    },
  };
}
