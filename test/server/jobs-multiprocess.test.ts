/**
 * Two worker processes on one PostgreSQL database never take the same job (pg-boss fetches with
 * FOR UPDATE SKIP LOCKED). Real processes, real connections: PostgreSQL only, since PGlite is one
 * embedded connection in one process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/platform/db/database.js';
import { JobQueue } from '../../src/server/platform/jobs/job-queue.js';
import { openTestDatabase, testDriver } from '../helpers/test-database.js';
import { PROBE_JOB, probeJob } from '../helpers/worker-process.js';

const JOB_COUNT = 300;
const WORKER_SCRIPT = fileURLToPath(new URL('../helpers/worker-process.ts', import.meta.url));
const isPostgres = testDriver() === 'postgresql';

/** Starts one worker process and resolves once it polls. */
function startWorker(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER_SCRIPT, url], { stdio: ['ignore', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before it was ready:\n${errors}`)));
  });
}

async function stopWorker(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

describe.runIf(isPostgres)('jobs across processes (PostgreSQL)', () => {
  let database: Database;
  let queue: JobQueue;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.executeSql('create table job_probe (job_id uuid not null, pid int not null)');
    queue = new JobQueue(database, { supervise: false });
    queue.register(probeJob(async () => {}));
    await queue.start();
    const url = database.url as string;
    workers.push(...(await Promise.all([startWorker(url), startWorker(url)])));
  }, 120_000);

  afterAll(async () => {
    await Promise.all(workers.map(stopWorker));
    await queue?.stop();
    await database?.close();
  }, 60_000);

  it('runs each of 300 jobs exactly once, shared between two worker processes', async () => {
    const ids = new Set<string>();
    for (let n = 0; n < JOB_COUNT; n += 1) ids.add((await queue.send(PROBE_JOB, { n })) as string);
    expect(ids.size).toBe(JOB_COUNT);

    const deadline = Date.now() + 90_000;
    let done = 0;
    while (Date.now() < deadline) {
      const { rows } = await database.executeSql(`select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`, [
        PROBE_JOB,
      ]);
      done = Number(rows[0]?.n);
      if (done >= JOB_COUNT) break;
      await sleep(100);
    }
    expect(done).toBe(JOB_COUNT);

    const { rows: runs } = await database.executeSql('select job_id::text as job_id, pid from job_probe');
    const timesRun = new Map<string, number>();
    for (const run of runs) timesRun.set(String(run.job_id), (timesRun.get(String(run.job_id)) ?? 0) + 1);
    expect(runs).toHaveLength(JOB_COUNT);
    expect([...timesRun.values()].every((count) => count === 1)).toBe(true);
    expect(new Set(timesRun.keys())).toEqual(ids);

    const byPid = new Map<number, number>();
    for (const run of runs) byPid.set(Number(run.pid), (byPid.get(Number(run.pid)) ?? 0) + 1);
    expect([...byPid.keys()].sort()).toEqual(workers.map((worker) => worker.pid).sort());
    for (const count of byPid.values()) expect(count).toBeGreaterThan(0);
  }, 120_000);
});
