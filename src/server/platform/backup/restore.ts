/**
 * `tawasul restore`: checks the whole archive first (it unpacks into a temporary folder and verifies
 * every checksum), so a damaged or truncated archive is refused before anything is written. Then the
 * files go to the store and every table is loaded in ONE transaction, parents before children, with
 * sequences moved past the restored ids. Pending jobs are sent again and every job type that sends
 * something outside (mail…) is paused in that same transaction: a restored copy must not mail people
 * until an admin has looked at it and resumed the type.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Database } from '../db/database.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { FileStorage } from '../storage/storage.js';
import { BackupError, FILES_FOLDER, MANIFEST_FILE, type Manifest, ManifestSchema, SavedJobSchema, sha256OfFile } from './archive-format.js';
import { listAppTables } from './backup.js';
import { inTransaction } from './sql-session.js';
import { emptyTables, insertTableRows, orderByForeignKeys, readLines, resetSequences } from './table-loader.js';

export const RESTORE_PAUSE_REASON = 'Restored from a backup: resume when the data has been checked.';

export interface RestoreTarget {
  database: Database;
  storage: FileStorage;
  jobs: JobQueue;
}

export interface RestoreSummary {
  manifest: Manifest;
  rows: number;
  files: number;
  jobs: number;
  /** Pending jobs of types this version does not define, or whose data it refuses (not sent again). */
  skippedJobs: string[];
  pausedJobTypes: string[];
}

/** Unpacks and verifies the archive; throws BackupError with what is wrong. */
async function unpack(archive: string, staging: string): Promise<Manifest> {
  if (!existsSync(archive)) throw new BackupError(`No such backup file: ${archive}`);
  try {
    await tar.extract({ file: archive, cwd: staging, strict: true });
  } catch (error) {
    throw new BackupError(`${archive} is damaged or truncated (${error instanceof Error ? error.message : error}); nothing was restored.`);
  }
  let manifest: Manifest;
  try {
    manifest = ManifestSchema.parse(JSON.parse(await readFile(path.join(staging, MANIFEST_FILE), 'utf8')));
  } catch {
    throw new BackupError(`${archive} is not a Tawasul backup of a supported format (no valid ${MANIFEST_FILE}); nothing was restored.`);
  }
  const entries = [
    ...manifest.tables.map((table) => ({ file: table.file, sha256: table.sha256 })),
    manifest.jobs,
    ...manifest.files.map((file) => ({ file: `${FILES_FOLDER}/${file.key}`, sha256: file.sha256 })),
  ];
  for (const entry of entries) {
    const file = path.join(staging, entry.file);
    const actual = existsSync(file) ? await sha256OfFile(file) : 'missing';
    if (actual !== entry.sha256)
      throw new BackupError(
        `${archive} is damaged: ${entry.file} is ${actual === 'missing' ? 'missing' : 'altered'}; nothing was restored.`,
      );
  }
  return manifest;
}

/** Refuses a target that is in use (unless `yes`) or that cannot hold these tables. */
async function checkTarget(target: RestoreTarget, manifest: Manifest, yes: boolean): Promise<void> {
  const run = target.database.executeSql;
  // The target has just been migrated by this version, so the workspace table exists.
  const { rows } = await run('select exists (select 1 from workspace) as is_used');
  if (rows[0]?.is_used && !yes) {
    throw new BackupError(
      'The target database already has workspaces. Restore replaces everything in it: run again with --yes to confirm.',
    );
  }
  const tables = new Set(await listAppTables(run));
  const missing = manifest.tables.filter((table) => !tables.has(table.name)).map((table) => table.name);
  if (missing.length > 0)
    throw new BackupError(
      `The target database has no table ${missing.join(', ')}: restore with the version that made the backup (${manifest.appVersion}).`,
    );
  if (manifest.migration) {
    const known = await run(`select exists (select 1 from drizzle.__drizzle_migrations where hash = $1) as is_known`, [manifest.migration]);
    if (!known.rows[0]?.is_known) {
      throw new BackupError(
        `The backup was made by a newer database schema (app ${manifest.appVersion}): upgrade Tawasul before restoring it.`,
      );
    }
  }
}

/** Restores an archive into the target; see the file comment for the order of things. */
export async function restoreBackup(target: RestoreTarget, archive: string, options: { yes?: boolean } = {}): Promise<RestoreSummary> {
  const staging = await mkdtemp(path.join(tmpdir(), 'tawasul-restore-'));
  try {
    const manifest = await unpack(archive, staging);
    await checkTarget(target, manifest, options.yes ?? false);

    for (const file of manifest.files) {
      await target.storage.put(file.key, await readFile(path.join(staging, FILES_FOLDER, file.key)));
    }

    let rows = 0;
    let pausedJobTypes: string[] = [];
    await inTransaction(target.database, 'write', async (run) => {
      const tables = await listAppTables(run);
      await emptyTables(run, tables);
      const byName = new Map(manifest.tables.map((table) => [table.name, table]));
      for (const name of await orderByForeignKeys(run, tables)) {
        const saved = byName.get(name);
        if (saved) rows += await insertTableRows(run, name, path.join(staging, saved.file));
      }
      await resetSequences(run);
      // Jobs still pending in the target belong to the data being replaced.
      const { rows: boss } = await run(`select to_regclass('pgboss.job') is not null as present`);
      if (boss[0]?.present) await run(`delete from pgboss.job where state in ('created', 'retry')`);
      pausedJobTypes = await target.jobs.pauseSendingJobs(RESTORE_PAUSE_REASON, run);
    });

    let jobs = 0;
    const skippedJobs: string[] = [];
    for await (const line of readLines(path.join(staging, manifest.jobs.file))) {
      const job = SavedJobSchema.parse(JSON.parse(line));
      if (!target.jobs.definition(job.name)) {
        skippedJobs.push(job.name);
        continue;
      }
      // The data is committed by now: one job this version refuses must not stop the others.
      const sent = await target.jobs
        .send(job.name, job.data, {
          startAfter: new Date(job.startAfter),
          singletonKey: job.singletonKey ?? undefined,
          retryLimit: job.retryLimit,
          retryDelay: job.retryDelay,
          retryBackoff: job.retryBackoff,
          priority: job.priority,
          expireInSeconds: Math.max(1, Math.round(job.expireInSeconds)),
        })
        .then(
          () => true,
          () => false,
        );
      if (sent) jobs += 1;
      else skippedJobs.push(job.name);
    }
    return { manifest, rows, files: manifest.files.length, jobs, skippedJobs, pausedJobTypes };
  } finally {
    // After a failed extraction tar may still be writing the last entry: retry on ENOTEMPTY.
    await rm(staging, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}
