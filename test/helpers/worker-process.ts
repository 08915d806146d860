/**
 * A job worker in a process of its own, for the multi-process test: `node --import tsx
 * test/helpers/worker-process.ts <database url>`. It polls the `test.probe` job type and records
 * (job id, pid) for every run in `job_probe`, so the test can see which process took which job.
 * Prints `ready` once polling; stops cleanly on SIGTERM.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { openPostgres } from '../../src/server/platform/db/database.js';
import { defineJob, JobQueue } from '../../src/server/platform/jobs/job-queue.js';

export const PROBE_JOB = 'test.probe';

/** The probe job; the test process registers the same definition to send jobs. */
export function probeJob(record: (jobId: string) => Promise<void>) {
  return defineJob({
    name: PROBE_JOB,
    schema: z.object({ n: z.number().int() }),
    batchSize: 5,
    retryLimit: 0,
    handler: async (_data, context) => {
      await record(context.id);
      // A little work per job, so both processes are polling while jobs remain.
      await sleep(2);
    },
  });
}

async function main(url: string): Promise<void> {
  const database = await openPostgres(url, { max: 2 });
  const jobs = new JobQueue(database, { pollIntervalMs: 10, supervise: false });
  jobs.register(
    probeJob(async (jobId) => {
      await database.executeSql('insert into job_probe (job_id, pid) values ($1, $2)', [jobId, process.pid]);
    }),
  );
  await jobs.start();
  jobs.startWorking();
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => {
    jobs
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}

// Only when run as a program: the test process imports this file for `probeJob`.
const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
const url = process.argv[2];
if (isEntry && url) {
  main(url).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
    process.exit(1);
  });
}
