/**
 * Starting and steering a send through the API: who may start it and when (approved review, an
 * audience), a double click that starts it once, pause / resume / cancel, the progress figures, the
 * composer's renderer used when nothing was rendered yet (by the process that starts the send), an
 * issue that cannot be rendered going back to draft, and a scheduled issue that starts itself
 * when the approval workflow publishes it.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterDeliveries, newsletterIssues } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { sendEngineOf } from '../../src/server/modules/newsletter/sending/send-engine.js';
import { PREPARE_SEND_JOB, RESUME_SENDS_JOB } from '../../src/server/modules/newsletter/sending/send-lanes.js';
import { contentReviews } from '../../src/server/platform/review/review.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import type { SendProgress } from '../../src/shared/newsletter/sending-api.schema.js';
import { type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { deliveryStates, drainJobs, issueRow, seedSend, setSendSettings } from '../helpers/newsletter-send-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;
let workspaceId: string;
const as = {} as Record<'admin' | 'officer' | 'contributor', Session>;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({}, { SMTP_URL: sink.url });
  workspaceId = (await t.make.workspace()).id;
  for (const role of ['admin', 'officer', 'contributor'] as const)
    as[role] = await t.signIn((await t.make.member(workspaceId, role)).email);
  await setSendSettings(t.platform.database.db, workspaceId, { messagesPerSecond: 1000 });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const url = (issueId: string, rest = '', ws = workspaceId) => `/api/workspaces/${ws}/newsletter/issues/${issueId}/send${rest}`;
const post = (session: Session, issueId: string, rest = '') => t.request(session, { method: 'POST', url: url(issueId, rest) });
async function progress(issueId: string): Promise<SendProgress> {
  const response = await t.request(as.officer, { method: 'GET', url: url(issueId, '/progress') });
  expect(response.statusCode).toBe(200);
  return response.json();
}
const received = (emails: string[]) => sink.messages.filter((mail) => mail.to.some((to) => emails.includes(to))).length;

describe('starting a send', () => {
  it('needs newsletter:send, an approved review and an audience; another workspace sees nothing', async () => {
    const db = t.platform.database.db;
    const { issueId } = await seedSend(db, { workspaceId, count: 2 });
    expect((await post(as.contributor, issueId)).statusCode).toBe(403);
    const other = await t.make.workspace();
    expect((await t.request(as.officer, { method: 'POST', url: url(issueId, '', other.id) })).statusCode).toBe(404);

    const { issueId: unreviewed } = await seedSend(db, { workspaceId, count: 1, reviewState: 'in_review' });
    const refused = await post(as.officer, unreviewed);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('NOT_APPROVED');

    const { issueId: empty, listId } = await seedSend(db, { workspaceId, count: 0 });
    expect(listId).toBeTruthy();
    const nobody = await post(as.officer, empty);
    expect(nobody.statusCode).toBe(422);
    expect(nobody.json().code).toBe('NO_RECIPIENTS');
    expect((await issueRow(db, empty)).status).toBe('draft');

    const before = await progress(issueId);
    expect(before).toMatchObject({ status: 'draft', audienceCount: 2, recipientCount: null, canSend: true, transport: 'smtp' });
    expect(before.review.state).toBe('approved');
  });

  it('starts once on a double click: one answer 202, the other 409, one prepare, one message each', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 5 });
    const answers = await Promise.all([post(as.officer, issueId), post(as.admin, issueId)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([202, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.json().code).toBe('INVALID_STATE');
    const { rows } = await t.platform.database.executeSql(
      `select count(*)::int as n from pgboss.job where name = $1 and data->>'issueId' = $2`,
      [PREPARE_SEND_JOB, issueId],
    );
    expect(rows[0]?.n).toBe(1);
    await drainJobs(t.platform.jobs);
    expect(received(recipients.map((recipient) => recipient.email))).toBe(5);
    const done = await progress(issueId);
    expect(done).toMatchObject({
      status: 'sent',
      recipientCount: 5,
      counts: { sent: 5, pending: 0, sending: 0 },
      unconfirmed: 0,
      canSend: false,
    });
    expect(done.finishedAt).not.toBeNull();
    // A third click after the end changes nothing.
    expect((await post(as.officer, issueId)).statusCode).toBe(409);
  });

  it('renders the issue with the composer when nothing was rendered, once, and sends it', async () => {
    const db = t.platform.database.db;
    const { listId } = await seedSend(db, { workspaceId, count: 0 });
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 3, withRenderedVariants: false });
    await db
      .update(newsletterIssues)
      .set({
        listIds: [listId, (await issueRow(db, issueId)).listIds[0] as string],
        blocks: [{ type: 'text', id: 't1', text: localized({ fr: 'Bonjour {{first_name}} !', ar: 'مرحباً {{first_name}}!' }) }],
      })
      .where(eq(newsletterIssues.id, issueId));
    expect((await post(as.officer, issueId)).statusCode).toBe(202);
    // Rendered by the process that started the send, before any job ran: a worker need not load MJML.
    expect(Object.keys((await issueRow(db, issueId)).renderedVariants ?? {}).sort()).toEqual(['ar', 'bilingual', 'fr']);
    await drainJobs(t.platform.jobs);
    const row = await issueRow(db, issueId);
    expect(Object.keys(row.renderedVariants ?? {}).sort()).toEqual(['ar', 'bilingual', 'fr']);
    for (const recipient of recipients) {
      const [mail] = sink.messages.filter((candidate) => candidate.to.includes(recipient.email));
      const first = recipient.name.split(' ')[0] as string;
      expect(mail?.text).toContain(recipient.languages[0] === 'ar' ? `مرحباً ${first}!` : `Bonjour ${first} !`);
      expect(mail?.html).toContain('/n/unsubscribe/');
    }
  });

  it('puts an issue that cannot be rendered back to draft, sends nothing, and says why in the audit log', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 2, withRenderedVariants: false });
    // No subject in any language: no variant to send.
    await db
      .update(newsletterIssues)
      .set({ subject: localized({}) })
      .where(eq(newsletterIssues.id, issueId));
    expect((await post(as.officer, issueId)).statusCode).toBe(202);
    await drainJobs(t.platform.jobs);
    const row = await issueRow(db, issueId);
    expect(row.status).toBe('draft');
    expect(row.renderedVariants).toBeNull();
    expect(received(recipients.map((recipient) => recipient.email))).toBe(0);
    const { rows } = await t.platform.database.executeSql(
      `select after->>'error' as error from audit_log where entity_id = $1 and action = 'newsletter.send-render-failed'`,
      [issueId],
    );
    expect(rows).toEqual([{ error: 'no language to send' }]);
  });
});

describe('steering a send', () => {
  it('pauses (nothing more is claimed), resumes, and finishes with every message sent once', async () => {
    const db = t.platform.database.db;
    await setSendSettings(db, workspaceId, { messagesPerSecond: 4 });
    sendEngineOf(t.platform).configure({ sliceMs: 0 });
    try {
      const { issueId, recipients } = await seedSend(db, { workspaceId, count: 12 });
      const emails = recipients.map((recipient) => recipient.email);
      expect((await post(as.officer, issueId)).statusCode).toBe(202);
      await t.platform.jobs.tick(); // prepare
      expect((await progress(issueId)).recipientCount).toBe(12);
      await t.platform.jobs.tick(); // one batch: a second's worth at 4 per second
      expect(received(emails)).toBe(4);
      const paused = await post(as.officer, issueId, '/pause');
      expect(paused.statusCode).toBe(200);
      expect(paused.json()).toMatchObject({ status: 'paused', counts: { sent: 4, pending: 8 } });
      expect((await post(as.officer, issueId, '/pause')).json().code).toBe('INVALID_STATE');
      await drainJobs(t.platform.jobs);
      expect(received(emails)).toBe(4);
      expect((await post(as.officer, issueId, '/resume')).json().status).toBe('sending');
      await drainJobs(t.platform.jobs);
      expect(received(emails)).toBe(12);
      expect(new Set(sink.messages.filter((mail) => emails.includes(mail.to[0] as string)).map((mail) => mail.to[0])).size).toBe(12);
      expect((await progress(issueId)).status).toBe('sent');
    } finally {
      sendEngineOf(t.platform).configure({ sliceMs: undefined });
      await setSendSettings(db, workspaceId, { messagesPerSecond: 1000 });
    }
  });

  it('cancels: the remaining rows fail as cancelled and nothing more goes out', async () => {
    const db = t.platform.database.db;
    await setSendSettings(db, workspaceId, { messagesPerSecond: 3 });
    sendEngineOf(t.platform).configure({ sliceMs: 0 });
    try {
      const { issueId, recipients } = await seedSend(db, { workspaceId, count: 9 });
      expect((await post(as.officer, issueId)).statusCode).toBe(202);
      await t.platform.jobs.tick();
      await t.platform.jobs.tick();
      const cancelled = await post(as.officer, issueId, '/cancel');
      expect(cancelled.json()).toMatchObject({ status: 'cancelled', counts: { sent: 3, failed: 6, pending: 0 } });
      await drainJobs(t.platform.jobs);
      expect(received(recipients.map((recipient) => recipient.email))).toBe(3);
      const failed = await db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.state, 'failed'));
      expect(failed.filter((row) => row.issueId === issueId).every((row) => row.lastError === 'cancelled')).toBe(true);
      expect((await post(as.officer, issueId, '/resume')).statusCode).toBe(409);
      const audit = await t.platform.database.executeSql(`select action from audit_log where entity_id = $1 order by created_at`, [
        issueId,
      ]);
      expect(audit.rows.map((row) => row.action)).toEqual(['newsletter.send-start', 'newsletter.send-cancel']);
    } finally {
      sendEngineOf(t.platform).configure({ sliceMs: undefined });
      await setSendSettings(db, workspaceId, { messagesPerSecond: 1000 });
    }
  });
});

describe('scheduled sends', () => {
  it('shows the issue scheduled while its review is, and starts the send when the workflow publishes it', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 3, reviewState: null });
    await db.insert(contentReviews).values({
      workspaceId,
      contentType: 'newsletter.issue',
      contentId: issueId,
      state: 'scheduled',
      scheduledFor: new Date(Date.now() + 3_600_000),
    });
    // The minute scan mirrors the review's state on the issue.
    await t.platform.jobs.send(RESUME_SENDS_JOB, {}, { singletonKey: `test-${issueId}` });
    await drainJobs(t.platform.jobs);
    expect((await issueRow(db, issueId)).status).toBe('scheduled');
    expect(await deliveryStates(db, issueId)).toEqual({});

    // The hour passes.
    await db
      .update(contentReviews)
      .set({ scheduledFor: new Date(Date.now() - 1000) })
      .where(eq(contentReviews.contentId, issueId));
    await t.platform.jobs.send('review.publish-due', {}, { singletonKey: `test-${issueId}` });
    await drainJobs(t.platform.jobs);
    const [review] = await db.select().from(contentReviews).where(eq(contentReviews.contentId, issueId));
    expect(review?.state).toBe('published');
    expect((await issueRow(db, issueId)).status).toBe('sent');
    expect(received(recipients.map((recipient) => recipient.email))).toBe(3);
    const audit = await t.platform.database.executeSql(
      `select action, actor_user_id from audit_log where entity_id = $1 order by created_at`,
      [issueId],
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { action: 'review.publish', actor_user_id: null },
        { action: 'newsletter.send-start', actor_user_id: null },
      ]),
    );
  });
});

describe('without SMTP', () => {
  it('delivers into the outbox through the same rows and states', async () => {
    const local = await createTestApp();
    try {
      const db = local.platform.database.db;
      const ws = (await local.make.workspace()).id;
      const session = await local.signIn((await local.make.member(ws, 'officer')).email);
      await setSendSettings(db, ws, { messagesPerSecond: 1000 });
      const { issueId, recipients } = await seedSend(db, { workspaceId: ws, count: 4 });
      const started = await local.request(session, { method: 'POST', url: url(issueId, '', ws) });
      expect(started.statusCode).toBe(202);
      expect(started.json().transport).toBe('outbox');
      await drainJobs(local.platform.jobs);
      expect(await deliveryStates(db, issueId)).toEqual({ sent: 4 });
      const { rows } = await local.platform.database.executeSql(
        `select to_address, subject, html_body, status from mail_outbox where workspace_id = $1 order by to_address`,
        [ws],
      );
      expect(rows.map((row) => row.to_address)).toEqual(recipients.map((recipient) => recipient.email).sort());
      expect(rows.every((row) => row.status === 'outbox' && String(row.html_body).includes('/n/unsubscribe/'))).toBe(true);
      expect(rows.some((row) => String(row.subject).startsWith('نشرة تواصل'))).toBe(true);
    } finally {
      await local.close();
    }
  });
});
