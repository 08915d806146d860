/**
 * The jobs that carry a send. A send is worked by `SEND_LANES` chains of `newsletter.send-batch` jobs:
 * each job works a few seconds, then queues its lane's next job, so several worker processes share one
 * send (each takes a lane; rows never overlap thanks to SKIP LOCKED) and a single process alternates
 * with its other jobs. A lane whose process died is queued again by the `newsletter.resume-sends` scan.
 * These queries read pg-boss's job table, as the job queue itself does.
 */
import type { Database } from '../../../platform/db/database.js';
import type { JobQueue } from '../../../platform/jobs/job-queue.js';

export const PREPARE_SEND_JOB = 'newsletter.prepare-send';
export const SEND_BATCH_JOB = 'newsletter.send-batch';
export const RESUME_SENDS_JOB = 'newsletter.resume-sends';

/** At most this many processes work one send at the same time. */
export const SEND_LANES = 4;

/** How long one send-batch job works before handing over to the next job of its lane. */
export const SLICE_MS = 5_000;

export interface LaneJob {
  workspaceId: string;
  issueId: string;
  lane: number;
}

/** Lanes with a job waiting to start by `startBy` (a lane queued for later does not cover "now"). */
async function coveredLanes(database: Database, issueId: string, startBy: Date): Promise<Set<number>> {
  const { rows } = await database.executeSql(
    `select distinct (data->>'lane')::int as lane from pgboss.job
      where name = $1 and state in ('created', 'retry') and data->>'issueId' = $2 and start_after <= $3`,
    [SEND_BATCH_JOB, issueId, new Date(startBy.getTime() + 1000).toISOString()],
  );
  return new Set(rows.map((row) => Number(row.lane)));
}

/** Queues the next job of each given lane (every lane by default) that has none waiting. */
export async function ensureLaneJobs(
  jobs: JobQueue,
  input: { workspaceId: string; issueId: string; lanes?: number[]; startAfter?: Date },
): Promise<number> {
  const startBy = input.startAfter ?? new Date();
  const covered = await coveredLanes(jobs.database, input.issueId, startBy);
  const lanes = input.lanes ?? Array.from({ length: SEND_LANES }, (_, lane) => lane);
  let queued = 0;
  for (const lane of lanes) {
    if (covered.has(lane)) continue;
    const data: LaneJob = { workspaceId: input.workspaceId, issueId: input.issueId, lane };
    await jobs.send(
      SEND_BATCH_JOB,
      data,
      input.startAfter && input.startAfter.getTime() > Date.now() ? { startAfter: input.startAfter } : {},
    );
    queued += 1;
  }
  return queued;
}

/**
 * Whether a prepare job for the issue waits to run. A running one is not counted: it may belong to a
 * process that died, and two prepares of one issue are harmless (rows are inserted once).
 */
export async function hasPrepareJob(database: Database, issueId: string): Promise<boolean> {
  const { rows } = await database.executeSql(
    `select 1 from pgboss.job where name = $1 and data->>'issueId' = $2 and state in ('created', 'retry') limit 1`,
    [PREPARE_SEND_JOB, issueId],
  );
  return rows.length > 0;
}

/**
 * Processes working the workspace's sends now: send-batch jobs started within two slices. The rate is
 * divided by this number; a job of a dead process counts until it is two slices old.
 */
export async function countLiveSendWorkers(database: Database, workspaceId: string): Promise<number> {
  const { rows } = await database.executeSql(
    `select count(*)::int as n from pgboss.job
      where name = $1 and state = 'active' and data->>'workspaceId' = $2 and started_on > $3`,
    [SEND_BATCH_JOB, workspaceId, new Date(Date.now() - 2 * SLICE_MS).toISOString()],
  );
  return Math.max(1, Number(rows[0]?.n ?? 1));
}
