/**
 * A send through the real engine to a real SMTP server on loopback, read back with mailparser: one
 * personalised message per subscriber in their language, both MIME parts, Arabic intact, the list
 * headers (RFC 2369 / 2919 / 8058), a Message-ID stored on the row, click and open tracking when the
 * workspace asks, and the one-click unsubscribe of the message working without login.
 */
import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterDeliveries, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { readClickToken, readOpenToken, readUnsubscribeToken } from '../../src/server/modules/newsletter/newsletter-links.js';
import { sendEngineOf } from '../../src/server/modules/newsletter/sending/send-engine.js';
import { sealSecret } from '../../src/server/platform/secret-box.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { verifyDkim } from '../helpers/dkim-verify.js';
import { deliveryStates, drainJobs, issueRow, seedSend, setSendSettings } from '../helpers/newsletter-send-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

const SECRET = 'x'.repeat(64);
let sink: SmtpSink;
let t: TestApp;
let workspaceId: string;
let officer: Session;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({}, { SMTP_URL: sink.url, MAIL_FROM: 'Tawasul <no-reply@tawasul.test>', SECRET_KEY: SECRET });
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  await setSendSettings(t.platform.database.db, workspaceId, { messagesPerSecond: 500, replyTo: 'contact@altermed.example' });
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const headerOf = (mail: ReceivedMail, name: string) =>
  mail.parsed.headerLines
    .filter((line) => line.key === name.toLowerCase())
    .map((line) =>
      line.line
        .replace(/\r?\n[ \t]+/g, ' ')
        .slice(name.length + 1)
        .trim(),
    );

async function sendIssue(issueId: string) {
  const response = await t.request(officer, { method: 'POST', url: `/api/workspaces/${workspaceId}/newsletter/issues/${issueId}/send` });
  expect(response.statusCode).toBe(202);
  await drainJobs(t.platform.jobs);
}

describe('a send over SMTP', () => {
  it('gives each subscriber one message in their language with both parts, the list headers and a stored Message-ID', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 6 });
    await sendIssue(issueId);
    expect((await issueRow(db, issueId)).status).toBe('sent');
    expect(await deliveryStates(db, issueId)).toEqual({ sent: 6 });

    const rows = await db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
    for (const recipient of recipients) {
      const received = sink.messages.filter((mail) => mail.to.includes(recipient.email));
      expect(received).toHaveLength(1);
      const mail = received[0] as ReceivedMail;
      const row = rows.find((candidate) => candidate.subscriberId === recipient.id);
      const firstName = recipient.name.split(' ')[0] as string;
      // Arabic subscribers get the Arabic variant; French and "both" (French first) the French one.
      if (recipient.languages[0] === 'ar') {
        expect(row?.variant).toBe('ar');
        expect(mail.subject).toBe(`نشرة تواصل — مرحباً ${firstName}`);
        expect(mail.text).toContain(`مرحباً ${recipient.name}`);
        expect(mail.html).toContain(`مرحباً ${recipient.name} من جمعية النخيل (TN)`);
        expect(mail.html).toContain('مدينتكم: صفاقس');
      } else {
        expect(row?.variant).toBe('fr');
        expect(mail.subject).toBe(`La lettre de Tawasul — bonjour ${firstName}`);
        expect(mail.html).toContain(`Bonjour ${recipient.name} de Association Olivier (FR)`);
      }
      expect(mail.parsed.text).toBeTruthy();
      expect(mail.parsed.html).toBeTruthy();
      expect(mail.parsed.from?.value[0]).toEqual({ address: 'lettre@altermed.example', name: 'تواصل Tawasul' });
      expect(mail.parsed.replyTo?.value[0]?.address).toBe('contact@altermed.example');
      expect(mail.from).toBe('lettre@altermed.example');

      const messageId = mail.parsed.messageId as string;
      expect(messageId).toBe(row?.messageId);
      expect(messageId).toMatch(new RegExp(`^<tw\\.${row?.id}\\.1\\.${issueId}@altermed\\.example>$`));
      const [listUnsubscribe] = headerOf(mail, 'List-Unsubscribe');
      const https = /<(https?:\/\/[^>]+)>/.exec(listUnsubscribe as string)?.[1] as string;
      expect(listUnsubscribe).toMatch(
        /^<mailto:contact@altermed\.example\?subject=unsubscribe>, <http:\/\/tawasul\.test\/n\/unsubscribe\/[^>]+>$/,
      );
      expect(readUnsubscribeToken(SECRET, https.split('/').at(-1) as string)).toEqual({ subscriberId: recipient.id, deliveryId: row?.id });
      expect(headerOf(mail, 'List-Unsubscribe-Post')).toEqual(['List-Unsubscribe=One-Click']);
      // The workspace name in Arabic, encoded as a phrase (RFC 2047), the list's id left readable.
      expect(headerOf(mail, 'List-Id')[0]).toMatch(/^=\?UTF-8\?B\?[^ ]+\?= <newsletter\.ws-[0-9a-f]{8}\.tawasul\.test>$/);
      const listId = (mail.parsed.headers.get('list') as { id: { id: string; name: string } }).id;
      expect(listId.id).toMatch(/^newsletter\.ws-[0-9a-f]{8}\.tawasul\.test$/);
      const words = [...listId.name.matchAll(/=\?UTF-8\?B\?([^?]+)\?=/g)].map((word) => Buffer.from(word[1] as string, 'base64'));
      expect(Buffer.concat(words).toString('utf8')).toBe('مساحة الاختبار');
      // The body's unsubscribe link is the header's, so either one unsubscribes from this issue.
      expect(mail.text).toContain(https);
    }
    expect(new Set(rows.map((row) => row.messageId)).size).toBe(6);
  });

  it('sends a bilingual issue as one email with both languages, and its one-click unsubscribe works without login', async () => {
    const db = t.platform.database.db;
    const { issueId, recipients } = await seedSend(db, { workspaceId, count: 2, sendMode: 'bilingual' });
    await sendIssue(issueId);
    const recipient = recipients[0] as (typeof recipients)[number];
    const [mail] = sink.messages.filter((candidate) => candidate.to.includes(recipient.email));
    expect(mail?.subject).toBe('نشرة تواصل | La lettre de Tawasul');
    expect(mail?.html).toContain('<div lang="ar" dir="rtl"><p>مرحباً');
    expect(mail?.html).toContain('<div lang="fr" dir="ltr"><p>Bonjour');

    const url = new URL(/<(https?:\/\/[^>]+)>/.exec(headerOf(mail as ReceivedMail, 'List-Unsubscribe')[0] as string)?.[1] as string);
    // What a mailbox provider does for RFC 8058: a POST of `List-Unsubscribe=One-Click`, no cookie.
    const response = await t.app.inject({
      method: 'POST',
      url: url.pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(response.statusCode).toBe(200);
    const [subscriber] = await db.select().from(subscribers).where(eq(subscribers.id, recipient.id));
    expect(subscriber?.status).toBe('unsubscribed');
    const [row] = await db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.subscriberId, recipient.id));
    expect(row?.unsubscribedAt).toBeInstanceOf(Date);
  });

  it('wraps every http(s) link but the unsubscribe and preferences links in a signed click URL, and adds an open pixel', async () => {
    const db = t.platform.database.db;
    await setSendSettings(db, workspaceId, { trackClicks: true, trackOpens: true });
    try {
      const { issueId, recipients } = await seedSend(db, { workspaceId, count: 1 });
      await sendIssue(issueId);
      const [mail] = sink.messages.filter((candidate) => candidate.to.includes((recipients[0] as { email: string }).email));
      const html = String(mail?.html);
      const [row] = await db.select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
      const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => (match[1] as string).replaceAll('&amp;', '&'));
      const clicks = hrefs.filter((href) => href.includes('/n/click/'));
      expect(clicks).toHaveLength(1);
      expect(readClickToken(SECRET, (clicks[0] as string).split('/').at(-1) as string)).toEqual({
        deliveryId: row?.id,
        targetUrl: `https://altermed.example/${row?.variant}/forum?utm_source=newsletter&utm_medium=email`,
      });
      expect(hrefs.filter((href) => /\/n\/(unsubscribe|preferences)\//.test(href))).toHaveLength(2);
      const pixel = /<img src="([^"]+\/n\/open\/[^"]+)"/.exec(html)?.[1] as string;
      expect(readOpenToken(SECRET, pixel.split('/').at(-1) as string)).toEqual({ deliveryId: row?.id });
      // The text part is left as written.
      expect(mail?.text).toContain(`https://altermed.example/${row?.variant}/forum`);
    } finally {
      await setSendSettings(db, workspaceId, { trackClicks: false, trackOpens: false });
    }
  });
});

describe('DKIM', () => {
  it('signs with the workspace key, and the signature verifies against its public key', async () => {
    const raws: Buffer[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          raws.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as { port: number }).port;
    const local = await createTestApp({}, { SMTP_URL: `smtp://127.0.0.1:${port}`, SECRET_KEY: SECRET });
    try {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const ws = (await local.make.workspace()).id;
      const db = local.platform.database.db;
      await setSendSettings(db, ws, {
        dkimDomain: 'altermed.example',
        dkimSelector: 'tawasul2026',
        dkimPrivateKeyEncrypted: sealSecret(SECRET, 'newsletter.dkim', privateKey.export({ type: 'pkcs8', format: 'pem' }) as string),
      });
      const { issueId } = await seedSend(db, { workspaceId: ws, count: 2 });
      const session = await local.signIn((await local.make.member(ws, 'admin')).email);
      const response = await local.request(session, { method: 'POST', url: `/api/workspaces/${ws}/newsletter/issues/${issueId}/send` });
      expect(response.statusCode).toBe(202);
      await drainJobs(local.platform.jobs);
      expect(raws).toHaveLength(2);
      for (const raw of raws) {
        const result = verifyDkim(raw, publicKey.export({ type: 'spki', format: 'pem' }) as string);
        expect(result).toMatchObject({ isValid: true, isBodyHashValid: true, domain: 'altermed.example', selector: 'tawasul2026' });
        expect(result.signedHeaders).toEqual(
          expect.arrayContaining(['from', 'subject', 'message-id', 'list-unsubscribe', 'list-unsubscribe-post']),
        );
        const parsed = await simpleParser(raw);
        expect(parsed.subject).toMatch(/نشرة تواصل|La lettre de Tawasul/);
        // A signed header changed after signing breaks it: the check can fail.
        const tampered = Buffer.from(raw.toString('binary').replace(/^Message-ID: <tw\./m, 'Message-ID: <tx.'), 'binary');
        expect(verifyDkim(tampered, publicKey.export({ type: 'spki', format: 'pem' }) as string).isValid).toBe(false);
      }
    } finally {
      // The pool's idle connections would hold the server's close for its 30 s grace period.
      sendEngineOf(local.platform).close();
      await local.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
