/**
 * File storage behind one interface. Local disk by default; an S3-compatible store implements the
 * same four methods (the seam: `createStorage` picks by configuration).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Marks a file as just used (caches keep what is used and drop the rest by this date). */
  touch(key: string): Promise<void>;
  /** Every file under a folder of keys, at any depth, with when it was last written or touched. */
  list(prefix: string): AsyncIterable<StoredFileEntry>;
  /** Root folder on disk when local (backups copy it); undefined for remote stores. */
  readonly localRoot?: string;
}

export interface StoredFileEntry {
  readonly key: string;
  readonly bytes: number;
  readonly usedAt: Date;
}

/** Stores files under a root folder; writes go to a temporary name first so a crash never leaves half a file. */
export class LocalDiskStorage implements FileStorage {
  constructor(readonly localRoot: string) {}

  private resolve(key: string): string {
    if (!/^[a-z0-9][a-z0-9/_.-]*$/i.test(key) || key.includes('..')) throw new Error(`Invalid storage key: ${key}`);
    return path.join(this.localRoot, key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.resolve(key);
    await mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomUUID()}.part`;
    await writeFile(temporary, bytes);
    await rename(temporary, target);
  }

  get(key: string): Promise<Buffer> {
    return readFile(this.resolve(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.resolve(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.resolve(key)).then(
      () => true,
      () => false,
    );
  }

  async touch(key: string): Promise<void> {
    const now = new Date();
    // A file deleted meanwhile (a prune) is not an error for its reader, who already has the bytes.
    await utimes(this.resolve(key), now, now).catch(() => undefined);
  }

  async *list(prefix: string): AsyncIterable<StoredFileEntry> {
    const folder = this.resolve(prefix.replace(/\/+$/, ''));
    const names = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of names) {
      if (!entry.isFile()) continue;
      const file = path.join(entry.parentPath, entry.name);
      const info = await stat(file).catch(() => undefined);
      if (info) yield { key: path.relative(this.localRoot, file).split(path.sep).join('/'), bytes: info.size, usedAt: info.mtime };
    }
  }
}

/** Content-addressed key: `<workspace>/<sha256 prefix>/<uuid>`. */
export function newStorageKey(workspaceId: string, bytes: Uint8Array): { key: string; sha256: string } {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { key: `${workspaceId}/${sha256.slice(0, 2)}/${randomUUID()}`, sha256 };
}
