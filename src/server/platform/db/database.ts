/**
 * One database handle for the whole process, PGlite (embedded) or PostgreSQL (server).
 * PGlite is single-connection: every user — drizzle, better-auth, pg-boss — goes through the one
 * PGlite instance, whose internal mutex is the connection queue. On PostgreSQL a pool is shared.
 * PGlite and its drizzle driver are imported only when the embedded database is opened, so a
 * process on a PostgreSQL server (a `tawasul worker`) never loads them.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

export type Db = ReturnType<typeof drizzlePglite<typeof schema>>;
export type DatabaseDriver = 'pglite' | 'postgresql';

/** Raw SQL runner with pg-style results; pg-boss and backups use it. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

export interface Database {
  readonly driver: DatabaseDriver;
  readonly db: Db;
  readonly executeSql: ExecuteSql;
  /** Connection string for processes of their own (pg-boss pool, workers); undefined on PGlite. */
  readonly url?: string;
  /** The PGlite instance, when embedded (backups dump its data directory). */
  readonly pglite?: PGlite;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../drizzle');

/** Opens an embedded database in `dir` (or in memory, or from a dumped data directory). */
export async function openPglite(options: { dir?: string; loadDataDir?: Blob } = {}): Promise<Database> {
  if (options.dir) mkdirSync(options.dir, { recursive: true });
  const [{ PGlite }, { pg_trgm }, { drizzle: drizzlePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('drizzle-orm/pglite'),
  ]);
  const pglite = await PGlite.create({ dataDir: options.dir, loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  const db = drizzlePglite({ client: pglite, schema, casing: 'snake_case' });
  const executeSql: ExecuteSql = async (text, values) => {
    if (values && values.length > 0) return pglite.query(text, values);
    const results = await pglite.exec(text);
    return results.at(-1) ?? { rows: [] };
  };
  return {
    driver: 'pglite',
    db,
    executeSql,
    pglite,
    close: () => pglite.close(),
  };
}

/** Opens a PostgreSQL server connection pool. */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const client = postgres(url, { max: options.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres({ client, schema, casing: 'snake_case' }) as unknown as Db;
  const executeSql: ExecuteSql = async (text, values) => {
    const rows = await client.unsafe(text, (values ?? []) as never[]);
    return { rows: rows as unknown as Array<Record<string, unknown>> };
  };
  return { driver: 'postgresql', db, executeSql, url, close: () => client.end({ timeout: 5 }) };
}

/** Opens the database the configuration names. */
export async function openDatabase(config: { driver: DatabaseDriver; url?: string; pgliteDir: string }): Promise<Database> {
  if (config.driver === 'postgresql' && config.url) return openPostgres(config.url);
  return openPglite({ dir: config.pgliteDir });
}

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes concurrent starts
 * (several app or worker processes) wait for one another instead of racing.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = postgres(database.url as string, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(727001)`;
    await migratePostgres(drizzlePostgres({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(727001)`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** Checks the database answers (health endpoint). */
export async function pingDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`select 1`);
}
