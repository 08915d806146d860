/** Prepares the migrated template database once for the whole server test run. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { migrateDatabase, openPglite, openPostgres } from '../../src/server/platform/db/database.js';
import { JobQueue } from '../../src/server/platform/jobs/job-queue.js';
import { TEMPLATE_DB_ENV, TEMPLATE_DUMP_ENV, testDatabaseUrl, testDriver, withDatabaseName } from './test-database.js';

export default async function setup() {
  if (testDriver() === 'postgresql') {
    const name = `tawasul_template_${process.pid}`;
    const admin = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
    const database = await openPostgres(withDatabaseName(testDatabaseUrl(), name), { max: 2 });
    await migrateDatabase(database);
    // pg-boss's own schema too, so no test file pays for it.
    const jobs = new JobQueue(database, { supervise: false });
    await jobs.start();
    await jobs.stop();
    await database.close();
    process.env[TEMPLATE_DB_ENV] = name;
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'tawasul-test-'));
  const database = await openPglite();
  await migrateDatabase(database);
  const jobs = new JobQueue(database, { supervise: false });
  await jobs.start();
  await jobs.stop();
  const dump = await database.pglite?.dumpDataDir('none');
  const file = path.join(folder, 'template.tar');
  await writeFile(file, Buffer.from(await (dump as Blob).arrayBuffer()));
  await database.close();
  process.env[TEMPLATE_DUMP_ENV] = file;
  return async () => {
    await rm(folder, { recursive: true, force: true });
  };
}
