/**
 * The issue's hardest test: a send of 3,000 recipients worked by a real `tawasul worker` process that
 * is killed with SIGKILL at random points (during the prepare, then at random message counts), and
 * restarted each time, until it is done. Then the SMTP server's own record proves that nobody got two
 * copies, that every row marked `sent` was received once, and that every row whose fate is unknown
 * was left in `sending` — listed by the unconfirmed API, never re-sent by itself. After the admin
 * confirms those the server got and re-queues the others, everyone has exactly one message.
 * On PostgreSQL the worker shares the server; on PGlite it opens the same data directory in turn.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { MODULE_JOBS } from '../../src/server/module-jobs.js';
import { beginSend } from '../../src/server/modules/newsletter/sending/send-start.js';
import { createAccount } from '../../src/server/platform/auth/accounts.js';
import { parseConfig } from '../../src/server/platform/config.js';
import { type Database, openPglite } from '../../src/server/platform/db/database.js';
import { createPlatform, type Platform } from '../../src/server/platform/platform.js';
import { memberships, workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { drainJobs, issueRow, seedSend, setSendSettings } from '../helpers/newsletter-send-fixture.js';
import { isRunning, killWorker, startTawasulWorker, type WorkerProcess } from '../helpers/tawasul-worker.js';
import { openTestDatabase, testDriver } from '../helpers/test-database.js';

const COUNT = 3000;
const KILLS = 4;
const SECRET = 'k'.repeat(64);
const ORIGIN = 'http://tawasul.test';
const isPostgres = testDriver() === 'postgresql';

/** A small seeded generator, so a failure prints the seed that reproduces its kill points. */
function generator(seed: number) {
  let state = seed >>> 0;
  return (min: number, max: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return min + (state % Math.max(1, max - min));
  };
}

async function until(condition: () => Promise<boolean> | boolean, what: string, capMs = 180_000): Promise<void> {
  const deadline = Date.now() + capMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(50);
  }
}

let sink: SmtpSink | undefined;
let dataDir: string | undefined;
/** Every worker started, so none outlives a failed run. */
const workers: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of workers) if (isRunning(worker)) await killWorker(worker);
  await sink?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

interface Parent {
  platform: Platform;
  app: FastifyInstance;
  /** Releases the database for a worker (`isLast`: closes everything). */
  close(isLast?: boolean): Promise<void>;
}

describe('a send that survives its worker being killed', () => {
  it('never gives anyone two copies, and leaves exactly the unknown ones for the admin', { timeout: 900_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    const random = generator(seed);
    const note = `seed ${seed}`;
    sink = await startSmtpSink();
    dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-crash-'));
    const serverDatabase = isPostgres ? await openTestDatabase() : undefined;
    const env: Record<string, string> = {
      DATA_DIR: dataDir,
      SECRET_KEY: SECRET,
      PUBLIC_URL: ORIGIN,
      SMTP_URL: sink.url,
      ...(serverDatabase ? { DATABASE_URL: serverDatabase.url as string } : {}),
    };
    const openParent = async (): Promise<Parent> => {
      const database: Database = serverDatabase ?? (await openPglite({ dir: path.join(dataDir as string, 'pglite') }));
      const platform = await createPlatform(parseConfig({ ...env, LOG_LEVEL: 'silent' }), { database, moduleJobs: MODULE_JOBS });
      const app = await buildApp(platform);
      return {
        platform,
        app,
        async close(isLast = false) {
          await app.close();
          // The server database stays open between phases; PGlite must be released for the worker.
          if (serverDatabase && !isLast) await platform.jobs.stop();
          else await platform.close();
        },
      };
    };

    // The audience, the issue (approved, variants rendered) and an admin; then "Send now".
    let parent = await openParent();
    const db = parent.platform.database.db;
    const [workspace] = await db
      .insert(workspaces)
      .values({ slug: `crash-${randomUUID().slice(0, 8)}`, name: localized({ fr: 'Crash', ar: 'انهيار' }) })
      .returning();
    const workspaceId = (workspace as { id: string }).id;
    const adminEmail = `admin-${randomUUID().slice(0, 6)}@example.test`;
    const adminId = await createAccount(parent.platform.auth, {
      email: adminEmail,
      name: 'Admin',
      password: 'correct-horse-battery',
      locale: 'fr',
    });
    await db.insert(memberships).values({ workspaceId, userId: adminId, role: 'admin' });
    await setSendSettings(db, workspaceId, { messagesPerSecond: 400 });
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: COUNT });
    await beginSend(parent.platform, { workspaceId, issueId, actorUserId: adminId });
    await parent.close();

    const received = () => (sink as SmtpSink).messages.length;
    const kills: string[] = [];
    let threshold = 0;
    for (let round = 0; round < KILLS; round += 1) {
      const worker = await startTawasulWorker(env);
      workers.push(worker);
      if (round === 0) {
        // The first kill lands while recipients are being resolved (or right after).
        await sleep(random(50, 900));
      } else {
        threshold = Math.min(COUNT - 50, threshold + random(150, Math.floor(COUNT / KILLS)));
        await until(() => received() >= threshold || !isRunning(worker), `${threshold} messages (${note})`).catch(async (error) => {
          if (serverDatabase) {
            const jobs = await serverDatabase.executeSql(
              `select name, state, data, output, started_on from pgboss.job where name like 'newsletter%' order by created_on`,
            );
            const rows = await serverDatabase.executeSql(`select state, count(*) from newsletter_delivery group by state`);
            const issue = await serverDatabase.executeSql(`select status, recipient_count from newsletter_issue`);
            console.error(JSON.stringify({ jobs: jobs.rows, rows: rows.rows, issue: issue.rows, stderr: worker.errors() }, null, 1));
          }
          throw error;
        });
      }
      expect(isRunning(worker), `${note}: worker died by itself: ${worker.errors()}`).toBe(true);
      await killWorker(worker);
      kills.push(`kill ${round + 1} at ${received()} messages`);
    }

    // Restarted for good — the app process, whose in-process worker picks the send up — it finishes
    // everything it can: every row is then sent, or left in `sending` by a killed worker.
    parent = await openParent();
    await drainJobs(parent.platform.jobs);
    const issue = await issueRow(parent.platform.database.db, issueId);
    expect(issue.recipientCount, note).toBe(COUNT);

    // What the SMTP server got, per address, against what the rows say.
    const copies = new Map<string, number>();
    for (const mail of (sink as SmtpSink).messages) for (const to of mail.to) copies.set(to, (copies.get(to) ?? 0) + 1);
    const { rows: deliveries } = await parent.platform.database.executeSql(
      `select id::int as id, email, state from newsletter_delivery where issue_id = $1 order by id`,
      [issueId],
    );
    expect(deliveries, note).toHaveLength(COUNT);
    expect(new Set(deliveries.map((row) => row.email))).toEqual(new Set(recipients.map((recipient) => recipient.email)));
    const unknown: number[] = [];
    const unknownReceived: number[] = [];
    for (const row of deliveries) {
      const count = copies.get(String(row.email)) ?? 0;
      expect(count, `${note}: ${row.email} got ${count} copies (${kills.join(', ')})`).toBeLessThanOrEqual(1);
      if (row.state === 'sent') expect(count, `${note}: ${row.email} marked sent but never received`).toBe(1);
      else {
        expect(row.state, note).toBe('sending');
        unknown.push(Number(row.id));
        if (count === 1) unknownReceived.push(Number(row.id));
      }
    }
    expect([...copies.values()].reduce((sum, count) => sum + count, 0)).toBe((sink as SmtpSink).messages.length);

    // The rows the killed workers left: once stale, every one is listed for the admin, and only those.
    await parent.platform.database.executeSql(
      `update newsletter_delivery set claimed_at = claimed_at - interval '10 minutes' where issue_id = $1 and state = 'sending'`,
      [issueId],
    );
    const session = await signIn(parent.app, adminEmail);
    const base = `/api/workspaces/${workspaceId}/newsletter/issues/${issueId}/send`;
    const listed: number[] = [];
    for (let after: number | null = 0; after !== null; ) {
      const page: { items: Array<{ id: number }>; nextAfter: number | null } = (
        await parent.app.inject({ method: 'GET', url: `${base}/unconfirmed${after ? `?after=${after}` : ''}`, headers: session })
      ).json();
      listed.push(...page.items.map((item) => item.id));
      after = page.nextAfter;
    }
    expect(
      listed.sort((a, b) => a - b),
      note,
    ).toEqual(unknown);

    // The admin confirms what the server's log shows it got, and sends the rest again.
    const missing = unknown.filter((id) => !unknownReceived.includes(id));
    for (const [action, ids] of [
      ['mark_sent', unknownReceived],
      ['requeue', missing],
    ] as const) {
      for (let start = 0; start < ids.length; start += 1000) {
        const response = await parent.app.inject({
          method: 'POST',
          url: `${base}/unconfirmed`,
          headers: { ...session, 'content-type': 'application/json' },
          payload: { action, ids: ids.slice(start, start + 1000) },
        });
        expect(response.statusCode, response.body).toBe(200);
      }
    }
    await drainJobs(parent.platform.jobs);
    const finalCopies = new Map<string, number>();
    for (const mail of (sink as SmtpSink).messages) for (const to of mail.to) finalCopies.set(to, (finalCopies.get(to) ?? 0) + 1);
    expect(
      recipients.filter((recipient) => finalCopies.get(recipient.email) !== 1),
      note,
    ).toEqual([]);
    expect((await issueRow(parent.platform.database.db, issueId)).status).toBe('sent');
    console.info(
      `crash test (${testDriver()}, ${note}): ${kills.join(', ')}; ${unknown.length} rows left unconfirmed, ${unknownReceived.length} of them received`,
    );
    await parent.close(true);
  });
});

async function signIn(app: FastifyInstance, email: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in/email',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    payload: { email, password: 'correct-horse-battery' },
  });
  expect(response.statusCode).toBe(200);
  const cookie = ([] as string[])
    .concat(response.headers['set-cookie'] ?? [])
    .map((value) => value.split(';')[0])
    .join('; ');
  const me = (await app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).json() as { csrfToken: string };
  return { cookie, 'x-csrf-token': me.csrfToken, origin: ORIGIN };
}
