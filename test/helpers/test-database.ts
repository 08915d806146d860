/**
 * Test databases. PGlite: migrate once (global setup) and load a copy of that data directory per test
 * file, since a fresh PGlite costs ~2 s. PostgreSQL (TAWASUL_TEST_DB=postgresql + TEST_DATABASE_URL):
 * migrate a template database once and create one database per test file from it.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { type Database, migrateDatabase, openPglite, openPostgres } from '../../src/server/platform/db/database.js';

export const TEMPLATE_DUMP_ENV = 'TAWASUL_TEST_PGLITE_DUMP';
export const TEMPLATE_DB_ENV = 'TAWASUL_TEST_PG_TEMPLATE';

export function testDriver(): 'pglite' | 'postgresql' {
  return process.env.TAWASUL_TEST_DB === 'postgresql' ? 'postgresql' : 'pglite';
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TAWASUL_TEST_DB=postgresql needs TEST_DATABASE_URL');
  return url;
}

/** The URL of another database on the same server. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A fresh, migrated database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  if (testDriver() === 'postgresql') {
    const template = process.env[TEMPLATE_DB_ENV] as string;
    const name = `tawasul_test_${randomBytes(6).toString('hex')}`;
    const admin = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name} template ${template}`);
    await admin.end();
    const database = await openPostgres(withDatabaseName(testDatabaseUrl(), name), { max: 5 });
    const close = database.close;
    return {
      ...database,
      async close() {
        await close();
        const cleanup = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
        await cleanup.unsafe(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dumpPath = process.env[TEMPLATE_DUMP_ENV];
  if (!dumpPath) {
    const database = await openPglite();
    await migrateDatabase(database);
    return database;
  }
  const bytes = await readFile(dumpPath);
  return openPglite({ loadDataDir: new Blob([bytes]) });
}
