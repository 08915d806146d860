/**
 * The job queue on the real test database (PGlite, or PostgreSQL with TAWASUL_TEST_DB=postgresql),
 * driven with `tick()` so nothing depends on timing: run-at times, retries with backoff into the dead
 * state, stately singleton keys, and pause/resume per job type.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../src/server/platform/jobs/job-queue.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const ran: Array<{ name: string; key: string; retryCount: number }> = [];
const failuresLeft = new Map<string, number>();

const EchoSchema = z.object({ key: z.string() });

const echoJob = defineJob({
  name: 'test.echo',
  schema: EchoSchema,
  handler: async ({ key }, context) => {
    ran.push({ name: context.name, key, retryCount: context.retryCount });
    return { key };
  },
});

/** Fails as many times as `failuresLeft` says for its key, then succeeds. */
const flakyJob = defineJob({
  name: 'test.flaky',
  schema: EchoSchema,
  retryLimit: 2,
  retryDelay: 1,
  retryBackoff: true,
  handler: async ({ key }, context) => {
    ran.push({ name: context.name, key, retryCount: context.retryCount });
    const left = failuresLeft.get(key) ?? 0;
    if (left > 0) {
      failuresLeft.set(key, left - 1);
      throw new Error(`refused attempt ${context.retryCount} of ${key}`);
    }
    return { key };
  },
});

const statelyJob = defineJob({
  name: 'test.stately',
  schema: EchoSchema,
  policy: 'stately',
  handler: async ({ key }, c) => ran.push({ name: c.name, key, retryCount: 0 }),
});

let recurringRuns = 0;
const recurringJob = defineJob({
  name: 'test.recurring',
  schema: z.object({}),
  policy: 'stately',
  everyMinutes: 60,
  handler: async () => {
    recurringRuns += 1;
  },
});

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ jobDefinitions: [echoJob, flakyJob, statelyJob, recurringJob] });
});
afterAll(() => t.close());

async function jobRow(id: string) {
  const { rows } = await t.platform.database.executeSql(
    'select state, retry_count, output, start_after > now() as is_delayed from pgboss.job where id = $1',
    [id],
  );
  return rows[0] as { state: string; retry_count: number; output: { message?: string } | null; is_delayed: boolean };
}

/** Makes a delayed job due now, standing in for the passing of its backoff delay. */
async function makeDue(id: string) {
  await t.platform.database.executeSql(`update pgboss.job set start_after = now() - interval '1 second' where id = $1`, [id]);
}

function runsOf(key: string) {
  return ran.filter((run) => run.key === key);
}

describe('job queue', () => {
  it('does not fetch a job before its run-at time, then runs it once when due', async () => {
    const id = (await t.platform.jobs.send('test.echo', { key: 'later' }, { startAfter: new Date(Date.now() + 3_600_000) })) as string;
    expect(id).toBeTruthy();
    await t.platform.jobs.tick();
    expect(runsOf('later')).toEqual([]);
    expect((await jobRow(id)).state).toBe('created');
    await makeDue(id);
    await t.platform.jobs.tick();
    expect(runsOf('later')).toHaveLength(1);
    expect((await jobRow(id)).state).toBe('completed');
    await t.platform.jobs.tick();
    expect(runsOf('later')).toHaveLength(1);
  });

  it('refuses a payload that does not match the job schema, and an unknown job type', async () => {
    await expect(t.platform.jobs.send('test.echo', { key: 42 })).rejects.toThrow();
    await expect(t.platform.jobs.send('test.unknown', { key: 'x' })).rejects.toThrow();
  });

  it('retries a failing job after a backoff delay and completes it when it stops failing', async () => {
    failuresLeft.set('flaky-once', 1);
    const id = (await t.platform.jobs.send('test.flaky', { key: 'flaky-once' })) as string;
    await t.platform.jobs.tick();
    const afterFailure = await jobRow(id);
    expect(afterFailure.state).toBe('retry');
    expect(afterFailure.is_delayed).toBe(true);
    expect(afterFailure.output?.message).toBe('refused attempt 0 of flaky-once');
    // Not due yet: the backoff holds it back.
    await t.platform.jobs.tick();
    expect(runsOf('flaky-once')).toHaveLength(1);
    await makeDue(id);
    await t.platform.jobs.tick();
    expect(runsOf('flaky-once').map((run) => run.retryCount)).toEqual([0, 1]);
    expect((await jobRow(id)).state).toBe('completed');
  });

  it('moves a job that fails every attempt to the dead state (failed) and keeps the last error', async () => {
    failuresLeft.set('always', 99);
    const id = (await t.platform.jobs.send('test.flaky', { key: 'always' })) as string;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await makeDue(id);
      await t.platform.jobs.tick();
    }
    const dead = await jobRow(id);
    expect(dead.state).toBe('failed');
    expect(dead.retry_count).toBe(2);
    expect(dead.output?.message).toBe('refused attempt 2 of always');
    await makeDue(id);
    await t.platform.jobs.tick();
    expect(runsOf('always')).toHaveLength(3);
  });

  it('deduplicates a second send with the same singleton key while the first is queued (stately)', async () => {
    const first = await t.platform.jobs.send('test.stately', { key: 's1' }, { singletonKey: 'same' });
    const second = await t.platform.jobs.send('test.stately', { key: 's2' }, { singletonKey: 'same' });
    const other = await t.platform.jobs.send('test.stately', { key: 's3' }, { singletonKey: 'other' });
    expect(first).toBeTruthy();
    expect(second).toBeNull();
    expect(other).toBeTruthy();
    await t.platform.jobs.tick();
    expect(
      ran
        .filter((run) => run.name === 'test.stately')
        .map((run) => run.key)
        .sort(),
    ).toEqual(['s1', 's3']);
    // Once the first has run, the key is free again.
    expect(await t.platform.jobs.send('test.stately', { key: 's4' }, { singletonKey: 'same' })).toBeTruthy();
    await expect(t.platform.jobs.send('test.stately', { key: 's5' })).rejects.toThrow(/singletonKey/);
  });

  it('does not fetch a paused job type, in any process, until it is resumed', async () => {
    await t.platform.jobs.setPaused('test.echo', true, 'maintenance');
    const id = (await t.platform.jobs.send('test.echo', { key: 'paused' })) as string;
    await t.platform.jobs.tick();
    expect(runsOf('paused')).toEqual([]);
    expect((await jobRow(id)).state).toBe('created');
    const { rows } = await t.platform.database.executeSql(`select is_paused, paused_reason from job_type_setting where name = 'test.echo'`);
    expect(rows[0]).toEqual({ is_paused: true, paused_reason: 'maintenance' });
    // Other types keep running while one is paused.
    const flaky = (await t.platform.jobs.send('test.flaky', { key: 'not-paused' })) as string;
    await t.platform.jobs.tick();
    expect((await jobRow(flaky)).state).toBe('completed');
    await t.platform.jobs.setPaused('test.echo', false);
    await t.platform.jobs.tick();
    expect(runsOf('paused')).toHaveLength(1);
    expect((await jobRow(id)).state).toBe('completed');
  });

  it('pauses every sending job type with a reason', async () => {
    const sending = ['newsletter.prepare-send', 'newsletter.send-batch', 'platform.send-mail', 'social.publish-due'];
    const paused = await t.platform.jobs.pauseSendingJobs('restored from a backup');
    expect(paused).toEqual(sending);
    const { rows } = await t.platform.database.executeSql(`select name, paused_reason from job_type_setting where is_paused order by name`);
    expect(rows).toEqual(sending.map((name) => ({ name, paused_reason: 'restored from a backup' })));
    for (const name of sending) await t.platform.jobs.setPaused(name, false);
  });

  it('queues a recurring job once per time slot, however often the queue polls', async () => {
    for (let poll = 0; poll < 3; poll += 1) await t.platform.jobs.tick();
    expect(recurringRuns).toBe(1);
    const { rows } = await t.platform.database.executeSql("select singleton_key from pgboss.job where name = 'test.recurring'");
    expect(rows).toHaveLength(1);
    expect(String(rows[0]?.singleton_key)).toMatch(/^test\.recurring:\d+$/);
  });
});
