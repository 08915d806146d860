/**
 * `tawasul backup`: one tar.gz with a logical dump of every application table (schema `public`; drizzle's
 * bookkeeping lives in schema `drizzle` and is left out), the pending jobs and the file store. All
 * database reads happen in ONE REPEATABLE READ READ ONLY transaction, so rows and queued jobs agree
 * with one another even while the app keeps writing. Rows are `row_to_json` text and are never parsed
 * here, so jsonb, arrays, timestamps and bigints travel exactly as PostgreSQL printed them.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import type { Database, ExecuteSql } from '../db/database.js';
import type { FileStorage } from '../storage/storage.js';
import {
  BACKUP_FORMAT,
  BackupError,
  FILES_FOLDER,
  JOBS_FILE,
  MANIFEST_FILE,
  type Manifest,
  readAppVersion,
  sha256OfFile,
  TABLES_FOLDER,
} from './archive-format.js';
import { inTransaction } from './sql-session.js';

const PAGE_ROWS = 2000;

export interface BackupSummary {
  file: string;
  manifest: Manifest;
}

/** Application tables: everything in schema `public`, in name order. */
export async function listAppTables(run: ExecuteSql): Promise<string[]> {
  const { rows } = await run(`select tablename from pg_tables where schemaname = 'public' order by tablename`);
  return rows.map((row) => String(row.tablename));
}

export async function lastMigrationHash(run: ExecuteSql): Promise<string | null> {
  const { rows } = await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!rows[0]?.present) return null;
  const last = await run('select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1');
  return last.rows[0] ? String(last.rows[0].hash) : null;
}

/** Writes lines to a file, waiting for the stream when it asks to (large tables stay out of memory). */
async function writeLines(file: string, produce: (write: (line: string) => Promise<void>) => Promise<void>): Promise<void> {
  const stream = createWriteStream(file, { encoding: 'utf8' });
  try {
    await produce(async (line) => {
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    });
  } finally {
    stream.end();
    await once(stream, 'close');
  }
}

/** Dumps one table page by page in physical order (stable inside the snapshot). */
async function dumpTable(run: ExecuteSql, name: string, staging: string): Promise<Manifest['tables'][number]> {
  const file = `${TABLES_FOLDER}/${name}.jsonl`;
  let rows = 0;
  await writeLines(path.join(staging, file), async (write) => {
    let position = '(0,0)';
    for (;;) {
      const page = await run(
        `select ctid::text as position, row_to_json(t)::text as line from "${name}" t where ctid > $1::tid order by ctid limit ${PAGE_ROWS}`,
        [position],
      );
      for (const row of page.rows) await write(String(row.line));
      rows += page.rows.length;
      if (page.rows.length < PAGE_ROWS) break;
      position = String(page.rows.at(-1)?.position);
    }
  });
  return { name, rows, file, sha256: await sha256OfFile(path.join(staging, file)) };
}

/** Jobs not yet run (created, or waiting for a retry); active ones are the worker's, finished ones history. */
async function dumpJobs(run: ExecuteSql, staging: string): Promise<Manifest['jobs']> {
  let count = 0;
  await writeLines(path.join(staging, JOBS_FILE), async (write) => {
    const { rows } = await run(`select to_regclass('pgboss.job') is not null as present`);
    if (!rows[0]?.present) return;
    const jobs = await run(
      `select json_build_object('name', name, 'data', data, 'state', state, 'startAfter', start_after,
         'singletonKey', singleton_key, 'retryLimit', retry_limit, 'retryDelay', retry_delay, 'retryBackoff', retry_backoff,
         'retryCount', retry_count, 'priority', priority, 'expireInSeconds', extract(epoch from expire_in))::text as line
       from pgboss.job where state in ('created', 'retry') order by created_on, id`,
    );
    for (const job of jobs.rows) await write(String(job.line));
    count = jobs.rows.length;
  });
  return { file: JOBS_FILE, count, sha256: await sha256OfFile(path.join(staging, JOBS_FILE)) };
}

async function* walk(folder: string, prefix = ''): AsyncGenerator<string> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) yield* walk(path.join(folder, entry.name), relative);
    else if (entry.isFile() && !entry.name.endsWith('.part')) yield relative;
  }
}

/** Copies the file store (after the snapshot: uploads write the file before the row, so no row lacks its file). */
async function copyFiles(storage: FileStorage, staging: string): Promise<Manifest['files']> {
  if (!storage.localRoot) throw new BackupError('Backups of a remote file store are not supported yet: back it up with its own tools.');
  const copied: Manifest['files'] = [];
  for await (const key of walk(storage.localRoot)) {
    const source = path.join(storage.localRoot, key);
    const target = path.join(staging, FILES_FOLDER, key);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(source, target);
    copied.push({ key, bytes: (await stat(target)).size, sha256: await sha256OfFile(target) });
  }
  return copied;
}

/** Writes one archive to `outFile` (through a temporary name, so a failed backup leaves no half file). */
export async function createBackup(sources: { database: Database; storage: FileStorage }, outFile: string): Promise<BackupSummary> {
  const staging = await mkdtemp(path.join(tmpdir(), 'tawasul-backup-'));
  const partial = `${outFile}.${process.pid}.part`;
  try {
    await mkdir(path.join(staging, TABLES_FOLDER));
    await mkdir(path.join(staging, FILES_FOLDER));
    const dumped = await inTransaction(sources.database, 'snapshot', async (run) => {
      const tables: Manifest['tables'] = [];
      for (const name of await listAppTables(run)) tables.push(await dumpTable(run, name, staging));
      return { tables, jobs: await dumpJobs(run, staging), migration: await lastMigrationHash(run) };
    });
    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      createdAt: new Date().toISOString(),
      appVersion: await readAppVersion(),
      databaseDriver: sources.database.driver,
      migration: dumped.migration,
      tables: dumped.tables,
      jobs: dumped.jobs,
      files: await copyFiles(sources.storage, staging),
    };
    await writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await mkdir(path.dirname(path.resolve(outFile)), { recursive: true });
    await tar.create({ gzip: true, file: partial, cwd: staging, portable: true }, [MANIFEST_FILE, TABLES_FOLDER, JOBS_FILE, FILES_FOLDER]);
    await rename(partial, outFile);
    return { file: outFile, manifest };
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
