/**
 * What a backup archive holds (format 1), shared by `backup` and `restore`:
 *
 *   manifest.json        format, created at, app version, driver, tables with row counts, checksums
 *   tables/<table>.jsonl one `row_to_json` object per line, read in one REPEATABLE READ snapshot
 *   jobs.jsonl           pending pg-boss jobs (created/retry), to be sent again on restore
 *   files/<storage key>  the file store
 *
 * Every entry has its SHA-256 in the manifest, so a damaged archive is refused before anything is written.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const BACKUP_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';
export const JOBS_FILE = 'jobs.jsonl';
export const TABLES_FOLDER = 'tables';
export const FILES_FOLDER = 'files';

const EntrySchema = z.object({ file: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ManifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  appVersion: z.string(),
  databaseDriver: z.enum(['pglite', 'postgresql']),
  /** Hash of the last migration applied to the source; the target must know it. */
  migration: z.string().nullable(),
  tables: z.array(EntrySchema.extend({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), rows: z.number().int().min(0) })),
  jobs: EntrySchema.extend({ count: z.number().int().min(0) }),
  files: z.array(z.object({ key: z.string(), bytes: z.number().int().min(0), sha256: z.string() })),
});
export type Manifest = z.infer<typeof ManifestSchema>;

/** A pending job as saved in jobs.jsonl. */
export const SavedJobSchema = z.object({
  name: z.string(),
  data: z.unknown(),
  state: z.string(),
  startAfter: z.string(),
  singletonKey: z.string().nullable(),
  retryLimit: z.number().int(),
  retryDelay: z.number().int(),
  retryBackoff: z.boolean(),
  retryCount: z.number().int(),
  priority: z.number().int(),
  expireInSeconds: z.number(),
});
export type SavedJob = z.infer<typeof SavedJobSchema>;

/** A backup that cannot be made or restored; the CLI prints the message and exits 1. */
export class BackupError extends Error {}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The version in package.json, recorded so an operator knows which release made the archive. */
export async function readAppVersion(): Promise<string> {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../package.json');
  try {
    return String((JSON.parse(await readFile(file, 'utf8')) as { version?: string }).version ?? 'unknown');
  } catch {
    return 'unknown';
  }
}
