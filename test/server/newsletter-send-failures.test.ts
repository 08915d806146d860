/**
 * When SMTP says no or goes away: a 4xx is retried later and a 5xx fails the row; an unknown mailbox is
 * a hard bounce that suppresses the subscriber; a connection lost while the message is being handed
 * over leaves the row `sending`, never re-sent by itself, for an admin to confirm or re-queue; and the
 * rolling window holds the send at N and lets it go on once the window frees.
 */
import { createServer, type Socket } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterBounces, newsletterDeliveries, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { sendEngineOf } from '../../src/server/modules/newsletter/sending/send-engine.js';
import { SEND_BATCH_JOB } from '../../src/server/modules/newsletter/sending/send-lanes.js';
import { SmtpSender } from '../../src/server/modules/newsletter/sending/smtp-sender.js';
import { type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { deliveryStates, drainJobs, issueRow, seedSend, setSendSettings } from '../helpers/newsletter-send-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;
let workspaceId: string;
let admin: Session;
let officer: Session;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({}, { SMTP_URL: sink.url });
  workspaceId = (await t.make.workspace()).id;
  admin = await t.signIn((await t.make.member(workspaceId, 'admin')).email);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  await setSendSettings(t.platform.database.db, workspaceId, { messagesPerSecond: 1000 });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const url = (issueId: string, rest = '') => `/api/workspaces/${workspaceId}/newsletter/issues/${issueId}/send${rest}`;
const copiesFor = (email: string) => sink.messages.filter((mail) => mail.to.includes(email)).length;

async function startOne(count = 1) {
  const seeded = await seedSend(t.platform.database.db, { workspaceId, count });
  expect((await t.request(officer, { method: 'POST', url: url(seeded.issueId) })).statusCode).toBe(202);
  return seeded;
}

async function rowsOf(issueId: string) {
  return t.platform.database.db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
}

/** The retry delay passing. */
async function makeRetriesDue(issueId: string) {
  await t.platform.database.executeSql(
    `update newsletter_delivery set retry_at = now() - interval '1 second' where issue_id = $1 and state = 'pending'`,
    [issueId],
  );
  await t.platform.database.executeSql(`update pgboss.job set start_after = now() where name = $1 and state = 'created'`, [SEND_BATCH_JOB]);
}

describe('SMTP refusals', () => {
  it('retries a 4xx with a delay, then fails the row on a 5xx; the issue ends sent', async () => {
    const { issueId, recipients } = await startOne();
    sink.fail({ kind: 'reject', code: 451, message: '4.3.0 Try again later' }, 1);
    await drainJobs(t.platform.jobs);
    let [row] = await rowsOf(issueId);
    expect(row).toMatchObject({ state: 'pending', attempts: 1 });
    expect(row?.lastError).toContain('451');
    expect(row?.retryAt?.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect((await issueRow(t.platform.database.db, issueId)).status).toBe('sending');

    sink.fail({ kind: 'reject', code: 554, message: '5.7.1 Message refused' }, 1);
    await makeRetriesDue(issueId);
    await drainJobs(t.platform.jobs);
    [row] = await rowsOf(issueId);
    expect(row).toMatchObject({ state: 'failed', attempts: 2 });
    expect(row?.lastError).toContain('554');
    expect(copiesFor((recipients[0] as { email: string }).email)).toBe(0);
    expect((await issueRow(t.platform.database.db, issueId)).status).toBe('sent');
  });

  it('gives up on a row after the last temporary refusal', async () => {
    const { issueId } = await startOne();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      sink.fail({ kind: 'reject', code: 421, message: '4.7.0 Busy' }, 1);
      await makeRetriesDue(issueId);
      await drainJobs(t.platform.jobs);
    }
    const [row] = await rowsOf(issueId);
    expect(row).toMatchObject({ state: 'failed', attempts: 5 });
  });

  it('calls "user unknown" a hard bounce: the row is bounced, the subscriber suppressed, the bounce recorded', async () => {
    const { issueId, recipients } = await startOne();
    sink.fail({ kind: 'reject', code: 550, message: '5.1.1 <nobody@example.test>: Recipient address rejected: User unknown' }, 1);
    await drainJobs(t.platform.jobs);
    const [row] = await rowsOf(issueId);
    expect(row).toMatchObject({ state: 'bounced', bounceType: 'hard' });
    const subscriberId = (recipients[0] as { id: string }).id;
    const [subscriber] = await t.platform.database.db.select().from(subscribers).where(eq(subscribers.id, subscriberId));
    expect(subscriber?.status).toBe('bounced');
    const bounces = await t.platform.database.db.select().from(newsletterBounces).where(eq(newsletterBounces.subscriberId, subscriberId));
    expect(bounces).toMatchObject([{ type: 'hard', source: 'smtp', deliveryId: row?.id }]);
  });
});

/**
 * A server that hangs up instead of answering. `end` (default): it takes the whole message (final dot
 * included) and hangs up instead of answering 250 — the one case where the sender cannot know whether
 * the message was accepted. `data`: it hangs up when the client says DATA, before a byte of the
 * message was handed over — the server cannot have it.
 */
async function startHangUpServer(at: 'data' | 'end' = 'end') {
  const sockets = new Set<Socket>();
  let received = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let isData = false;
    let buffer = '';
    socket.write('220 hang-up ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('binary');
      if (isData) {
        if (buffer.includes('\r\n.\r\n')) {
          received += 1;
          socket.destroy();
        }
        return;
      }
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (/^EHLO/i.test(line)) socket.write('250 hang-up\r\n');
        else if (/^DATA/i.test(line)) {
          if (at === 'data') {
            socket.destroy();
            return;
          }
          isData = true;
          buffer = '';
          socket.write('354 go on\r\n');
          return;
        } else if (/^QUIT/i.test(line)) socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as { port: number }).port}`,
    get received() {
      return received;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('a connection lost during the message', () => {
  it('retries a message whose connection was lost before it was handed over (the server cannot have it) and delivers it once', async () => {
    // The whole message is written to the socket at once, so a cut "in the middle" of it is a matter of
    // timing; a hang-up at DATA is the same rule (not handed over → retry) without the race.
    const hangUp = await startHangUpServer('data');
    sendEngineOf(t.platform).configure({ smtpUrl: hangUp.url });
    let issueId: string;
    let email: string;
    try {
      const started = await startOne();
      issueId = started.issueId;
      email = (started.recipients[0] as { email: string }).email;
      await drainJobs(t.platform.jobs);
    } finally {
      sendEngineOf(t.platform).configure({ smtpUrl: undefined });
      await hangUp.close();
    }
    expect((await rowsOf(issueId))[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(copiesFor(email)).toBe(0);
    await makeRetriesDue(issueId);
    await drainJobs(t.platform.jobs);
    expect((await rowsOf(issueId))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect(copiesFor(email)).toBe(1);
  });

  it('leaves a message whose server hung up after its end in sending, never re-sent by itself, for an admin', async () => {
    const hangUp = await startHangUpServer();
    sendEngineOf(t.platform).configure({ smtpUrl: hangUp.url });
    let issueId: string;
    let email: string;
    try {
      const started = await startOne();
      issueId = started.issueId;
      email = (started.recipients[0] as { email: string }).email;
      await drainJobs(t.platform.jobs);
      // Time passes and the scan runs again: nobody sends it again.
      await t.platform.jobs.send('newsletter.resume-sends', {}, { singletonKey: `test-${issueId}` });
      await drainJobs(t.platform.jobs);
      expect(hangUp.received).toBe(1);
    } finally {
      sendEngineOf(t.platform).configure({ smtpUrl: undefined });
      await hangUp.close();
    }
    const [row] = await rowsOf(issueId);
    expect(row?.state).toBe('sending');
    expect(row?.lastError).toMatch(/^unconfirmed: /);
    expect((await issueRow(t.platform.database.db, issueId)).status).toBe('sending');

    const progress = (await t.request(officer, { method: 'GET', url: url(issueId, '/progress') })).json();
    expect(progress).toMatchObject({ status: 'sending', unconfirmed: 1, counts: { sending: 1 }, canResolveUnconfirmed: false });
    expect((await t.request(officer, { method: 'GET', url: url(issueId, '/unconfirmed') })).statusCode).toBe(403);
    const listed = await t.request(admin, { method: 'GET', url: url(issueId, '/unconfirmed') });
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: row?.id, email, messageId: row?.messageId }], nextAfter: null });

    const forbidden = await t.request(officer, {
      method: 'POST',
      url: url(issueId, '/unconfirmed'),
      payload: { action: 'requeue', all: true },
    });
    expect(forbidden.statusCode).toBe(403);
    const bad = await t.request(admin, { method: 'POST', url: url(issueId, '/unconfirmed'), payload: { action: 'requeue' } });
    expect(bad.statusCode).toBe(400);
    // The admin finds it never arrived and sends it again; it reaches the (now working) server once.
    const requeued = await t.request(admin, {
      method: 'POST',
      url: url(issueId, '/unconfirmed'),
      payload: { action: 'requeue', ids: [row?.id] },
    });
    expect(requeued.json()).toMatchObject({ affected: 1, progress: { unconfirmed: 0 } });
    await drainJobs(t.platform.jobs);
    expect(copiesFor(email)).toBe(1);
    expect((await rowsOf(issueId))[0]).toMatchObject({ state: 'sent', attempts: 2 });
    expect((await issueRow(t.platform.database.db, issueId)).status).toBe('sent');
    const audit = await t.platform.database.executeSql(
      `select action, after from audit_log where entity_id = $1 and action like 'newsletter.unconfirmed%'`,
      [issueId],
    );
    expect(audit.rows).toMatchObject([{ action: 'newsletter.unconfirmed-requeue', after: { count: 1, deliveryIds: [row?.id] } }]);
  });

  it('lists a row a stopped worker left in sending once it is stale, and "mark sent" keeps its claim time', async () => {
    const { issueId } = await startOne(2);
    await drainJobs(t.platform.jobs);
    // A worker died right after claiming: the row is sending with no error, claimed ten minutes ago.
    const [first] = await rowsOf(issueId);
    await t.platform.database.executeSql(
      `update newsletter_delivery set state = 'sending', sent_at = null, claimed_at = now() - interval '10 minutes' where id = $1`,
      [first?.id],
    );
    await t.platform.database.executeSql(`update newsletter_issue set status = 'sending', finished_at = null where id = $1`, [issueId]);
    const listed = (await t.request(admin, { method: 'GET', url: url(issueId, '/unconfirmed') })).json();
    expect(listed.items.map((item: { id: number }) => item.id)).toEqual([first?.id]);
    const marked = await t.request(admin, {
      method: 'POST',
      url: url(issueId, '/unconfirmed'),
      payload: { action: 'mark_sent', all: true },
    });
    expect(marked.json()).toMatchObject({ affected: 1, progress: { status: 'sent', unconfirmed: 0, counts: { sent: 2 } } });
    const row = (await rowsOf(issueId)).find((candidate) => candidate.id === first?.id);
    expect(row?.sentAt?.getTime()).toBe(row?.claimedAt?.getTime());
  });

  it('tells a connection refused (retry) from one closed after the final dot (unknown)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const hangUp = await startHangUpServer();
    const message = {
      from: 'a@altermed.example',
      envelopeFrom: 'a@altermed.example',
      to: 'b@example.test',
      subject: 'اختبار',
      html: '<p>نص</p>',
      text: 'نص',
      messageId: '<m@altermed.example>',
      headers: {},
    };
    const refused = new SmtpSender(`smtp://127.0.0.1:${closedPort}`, 1, undefined, () => {});
    const hungUp = new SmtpSender(hangUp.url, 1, undefined, () => {});
    try {
      expect((await refused.send(message)).kind).toBe('retry');
      expect((await hungUp.send(message)).kind).toBe('unknown');
    } finally {
      refused.close();
      hungUp.close();
      await hangUp.close();
    }
  });
});

describe('the rolling window', () => {
  it('stops at N per window, says until when, and goes on when the window has moved', async () => {
    const db = t.platform.database.db;
    const ws = (await t.make.workspace()).id;
    const session = await t.signIn((await t.make.member(ws, 'officer')).email);
    await setSendSettings(db, ws, { messagesPerSecond: 1000, windowMessages: 3, windowHours: 24 });
    const { issueId, recipients } = await seedSend(db, { workspaceId: ws, count: 5 });
    const progressUrl = `/api/workspaces/${ws}/newsletter/issues/${issueId}/send/progress`;
    expect((await t.request(session, { method: 'POST', url: `/api/workspaces/${ws}/newsletter/issues/${issueId}/send` })).statusCode).toBe(
      202,
    );
    await drainJobs(t.platform.jobs);
    expect(await deliveryStates(db, issueId)).toEqual({ sent: 3, pending: 2 });
    const waiting = (await t.request(session, { method: 'GET', url: progressUrl })).json();
    const firstSent = Math.min(...(await rowsOf(issueId)).filter((row) => row.sentAt).map((row) => (row.sentAt as Date).getTime()));
    expect(new Date(waiting.windowWaitUntil).getTime()).toBe(firstSent + 24 * 3_600_000);
    expect(waiting.secondsLeft).toBeNull();
    const { rows: queued } = await t.platform.database.executeSql(
      `select start_after from pgboss.job where name = $1 and state = 'created' and data->>'issueId' = $2`,
      [SEND_BATCH_JOB, issueId],
    );
    expect(queued.length).toBeGreaterThan(0);
    expect(new Date(String(queued[0]?.start_after)).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);

    // A day passes (the window's clock moves; the queued job comes due).
    sendEngineOf(t.platform).configure({ now: () => Date.now() + 24 * 3_600_000 + 60_000 });
    try {
      await t.platform.database.executeSql(`update pgboss.job set start_after = now() where name = $1 and state = 'created'`, [
        SEND_BATCH_JOB,
      ]);
      await drainJobs(t.platform.jobs);
    } finally {
      sendEngineOf(t.platform).configure({ now: undefined });
    }
    expect(await deliveryStates(db, issueId)).toEqual({ sent: 5 });
    expect(recipients.every((recipient) => copiesFor(recipient.email) === 1)).toBe(true);
  });
});
