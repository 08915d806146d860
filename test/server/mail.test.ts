/**
 * Outgoing mail over real SMTP on loopback (test/fakes/smtp-sink.ts): Arabic arrives intact, a
 * dropped connection is retried and the message is delivered exactly once, and without SMTP the
 * message waits in the outbox.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEND_MAIL_JOB } from '../../src/server/platform/mail/mailer.js';
import { mailOutbox } from '../../src/server/platform/platform.tables.js';
import { type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({}, { SMTP_URL: sink.url, MAIL_FROM: 'Tawasul <no-reply@tawasul.test>' });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

async function outboxRow(id: string) {
  const [row] = await t.platform.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row as typeof mailOutbox.$inferSelect;
}

async function mailJob(outboxId: string) {
  const { rows } = await t.platform.database.executeSql(
    `select id, state, retry_count, output from pgboss.job where name = $1 and data->>'outboxId' = $2`,
    [SEND_MAIL_JOB, outboxId],
  );
  return rows as Array<{ id: string; state: string; retry_count: number; output: { message?: string } | null }>;
}

describe('mail over SMTP', () => {
  it('delivers an Arabic subject and body intact and marks the outbox row sent', async () => {
    const subject = 'دعوة إلى مساحة «تواصل» — Invitation';
    const text = 'مرحباً هند،\nتمت دعوتك للانضمام إلى مساحة العمل.\nÀ bientôt !';
    const id = await t.platform.mailer.send({ to: 'hind@example.test', subject, text });
    expect((await outboxRow(id)).status).toBe('queued');
    await t.platform.jobs.tick();
    const received = sink.messages.filter((message) => message.subject === subject);
    expect(received).toHaveLength(1);
    expect(received[0]?.text.trim()).toBe(text);
    expect(received[0]?.to).toEqual(['hind@example.test']);
    expect(received[0]?.from).toBe('no-reply@tawasul.test');
    const row = await outboxRow(id);
    expect(row.status).toBe('sent');
    expect(row.sentAt).toBeInstanceOf(Date);
    expect((await mailJob(id))[0]?.state).toBe('completed');
  });

  it('retries after the server drops the connection mid-DATA and delivers exactly once after it recovers', async () => {
    sink.fail({ kind: 'drop' });
    const subject = 'رسالة بعد انقطاع';
    const id = await t.platform.mailer.send({ to: 'samir@example.test', subject, text: 'نص الرسالة' });
    const attemptsBefore = sink.attempts;
    await t.platform.jobs.tick();
    expect(sink.attempts).toBe(attemptsBefore + 1);
    const [failed] = await mailJob(id);
    expect(failed?.state).toBe('retry');
    expect(failed?.output?.message).toBeTruthy();
    const afterFailure = await outboxRow(id);
    expect(afterFailure.status).toBe('queued');
    expect(afterFailure.error).toBeTruthy();

    sink.recover();
    // The backoff delay (30 s and more) stands in for time passing.
    await t.platform.database.executeSql(`update pgboss.job set start_after = now() - interval '1 second' where id = $1`, [failed?.id]);
    await t.platform.jobs.tick();
    expect(sink.messages.filter((message) => message.subject === subject)).toHaveLength(1);
    const [done] = await mailJob(id);
    expect(done?.state).toBe('completed');
    expect(done?.retry_count).toBe(1);
    const row = await outboxRow(id);
    expect(row.status).toBe('sent');
    expect(row.error).toBeNull();

    // Running the delivery again (a duplicate job, an admin retry) never sends a second copy.
    expect(await t.platform.mailer.deliver(id)).toBe('skipped');
    await t.platform.jobs.tick();
    expect(sink.messages.filter((message) => message.subject === subject)).toHaveLength(1);
  });

  it('retries a temporary 4xx refusal and leaves a permanent 5xx refusal on the job with its error', async () => {
    sink.fail({ kind: 'reject', code: 451, message: 'Try again later' }, 1);
    const temporary = await t.platform.mailer.send({ to: 'a@example.test', subject: 'مؤقت', text: 'x' });
    await t.platform.jobs.tick();
    const [retrying] = await mailJob(temporary);
    expect(retrying?.state).toBe('retry');
    expect(retrying?.output?.message).toContain('451');
    await t.platform.database.executeSql(`update pgboss.job set start_after = now() - interval '1 second' where id = $1`, [retrying?.id]);
    await t.platform.jobs.tick();
    expect((await outboxRow(temporary)).status).toBe('sent');

    sink.fail({ kind: 'reject', code: 550, message: 'No such mailbox' }, 1);
    const permanent = await t.platform.mailer.send({ to: 'nobody@example.test', subject: 'دائم', text: 'x' });
    await t.platform.jobs.tick();
    expect((await outboxRow(permanent)).error).toContain('550');
    // Until the last retry the row stays queued; after it, failed, with the job dead.
    const [job] = await mailJob(permanent);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      sink.fail({ kind: 'reject', code: 550, message: 'No such mailbox' }, 1);
      await t.platform.database.executeSql(`update pgboss.job set start_after = now() - interval '1 second' where id = $1`, [job?.id]);
      await t.platform.jobs.tick();
    }
    expect((await mailJob(permanent))[0]?.state).toBe('failed');
    expect((await outboxRow(permanent)).status).toBe('failed');
    expect(sink.messages.filter((message) => message.subject === 'دائم')).toHaveLength(0);
  });
});

describe('mail without SMTP', () => {
  it('keeps the message in the outbox and queues no job', async () => {
    const local = await createTestApp();
    try {
      const id = await local.platform.mailer.send({ to: 'hind@example.test', subject: 'في صندوق الصادر', text: 'نص' });
      const [row] = await local.platform.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(row?.status).toBe('outbox');
      await local.platform.jobs.tick();
      const { rows } = await local.platform.database.executeSql(`select count(*)::int as n from pgboss.job where data->>'outboxId' = $1`, [
        id,
      ]);
      expect(rows[0]?.n).toBe(0);
      const [after] = await local.platform.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      expect(after?.status).toBe('outbox');
    } finally {
      await local.close();
    }
  });
});
