/**
 * Preview and test send of an issue: the preview document (filled with a sample subscriber, framed
 * only by the app, nothing runs), and test emails over real SMTP on loopback, parsed back with
 * mailparser: both MIME parts, the Arabic subject intact, links to the harmless test page, the limit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localized } from '../../src/shared/localized-text.js';
import { type SmtpSink, startSmtpSink } from '../fakes/smtp-sink.js';
import { bilingualIssue, createIssue, issuesUrl, pngBytes, uploadFile } from '../helpers/newsletter-issue-fixture.js';
import { createTestApp, type Session, TEST_ORIGIN, type TestApp } from '../helpers/test-app.js';

let sink: SmtpSink;
let t: TestApp;
let workspaceId: string;
let officer: Session;
let viewer: Session;
let issueId: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({}, { SMTP_URL: sink.url, MAIL_FROM: 'AlterMed <lettre@altermed.test>' });
  workspaceId = (await t.make.workspace({ name: localized({ ar: 'ألترميد', fr: 'AlterMed' }) })).id;
  const member = await t.make.member(workspaceId, 'officer');
  officer = await t.signIn(member.email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const imageId = await uploadFile(t, workspaceId, member.userId, 'forum.png', await pngBytes());
  issueId = (await createIssue(t, officer, workspaceId, bilingualIssue(imageId))).id;
});
afterAll(async () => {
  await t?.close();
  await sink?.close();
});

const url = (rest: string) => issuesUrl(workspaceId, `/${issueId}${rest}`);
const testSend = (session: Session, payload: object) => t.request(session, { method: 'POST', url: url('/test-send'), payload });

describe('preview', () => {
  it('serves the bilingual email as a sandboxed document filled with a sample subscriber', async () => {
    const response = await t.request(viewer, { method: 'GET', url: url('/preview') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toMatch(/sandbox/);
    expect(csp).not.toContain('script-src');
    expect(response.body).toContain('<base target="_blank">');
    expect(response.body).toContain('مرحباً سلمى،');
    // One reader for the whole email: the sample subscriber of its first language.
    expect(response.body).toContain('Bonjour سلمى,');
    expect(response.body).not.toContain('{{');
    expect(response.body).toContain(`href="${TEST_ORIGIN}/n/test-link?lang=ar"`);
    expect(response.body.indexOf('lang="ar" dir="rtl"')).toBeLessThan(response.body.indexOf('lang="fr" dir="ltr"'));
  });

  it('serves one language on demand, and the text part as plain text', async () => {
    const arabic = await t.request(viewer, { method: 'GET', url: url('/preview?variant=ar') });
    expect(arabic.body).toMatch(/<html lang="ar" dir="rtl"/);
    expect(arabic.body).not.toContain('Bonjour');
    const french = await t.request(viewer, { method: 'GET', url: url('/preview.txt?variant=fr') });
    expect(french.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(french.body).toContain('Bonjour Camille,');
    expect(french.body).toContain('[1] https://altermed.org/photos?utm_source=newsletter');
    expect(french.body).not.toMatch(/<[a-z]/i);
    const text = await t.request(viewer, { method: 'GET', url: url('/preview.txt?variant=ar') });
    expect(text.body).toContain('يسعدنا دعوتك إلى المنتدى في صفاقس');
    const wrong = await t.request(viewer, { method: 'GET', url: url('/preview?variant=de') });
    expect(wrong.json().fields).toMatchObject({ variant: { code: 'INVALID_VALUE' } });
  });
});

describe('test send', () => {
  it('delivers the Arabic variant over SMTP with both parts, the subject marked as a test, and harmless links', async () => {
    const response = await testSend(officer, { addresses: ['hind@example.org', 'samir@example.org'], variant: 'ar' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ sent: 2, isSmtp: true, subject: '[تجربة] نشرة ألترميد — ديسمبر 2026' });
    await t.platform.jobs.tick();
    const received = sink.messages.filter((message) => message.subject === '[تجربة] نشرة ألترميد — ديسمبر 2026');
    expect(received.map((message) => message.to[0]).sort()).toEqual(['hind@example.org', 'samir@example.org']);
    const mail = received[0];
    expect(mail?.from).toBe('lettre@altermed.test');
    const html = String(mail?.html);
    expect(html).toMatch(/<html lang="ar" dir="rtl"/);
    expect(html).toContain('مرحباً سلمى،');
    expect(html).toContain(`${TEST_ORIGIN}/n/test-link?lang=ar`);
    expect(html).not.toContain('{{');
    expect(html).toContain('utm_source=newsletter&amp;utm_medium=email&amp;utm_campaign=dec-2026');
    expect(mail?.text).toContain('يسعدنا دعوتك إلى المنتدى في صفاقس');
    expect(mail?.text).toContain(`إلغاء الاشتراك: ${TEST_ORIGIN}/n/test-link?lang=ar`);
    expect(mail?.text).toContain('[2] https://altermed.org/inscription?from=mail&utm_source=newsletter');
    expect(mail?.parsed.attachments).toEqual([]);
    const { rows } = await t.platform.database.executeSql(`select after from audit_log where entity_id = $1 and action = 'test-send'`, [
      issueId,
    ]);
    expect((rows[0] as { after: { addresses: number; variant: string } }).after).toMatchObject({ addresses: 2, variant: 'ar' });
  });

  it('marks the French and the bilingual variants as tests in their first language', async () => {
    await testSend(officer, { addresses: ['claire@example.org'], variant: 'fr' });
    await testSend(officer, { addresses: ['claire@example.org'], variant: 'bilingual' });
    await t.platform.jobs.tick();
    // Delivery jobs may run in any order.
    const subjects = sink.messages.filter((message) => message.to[0] === 'claire@example.org').map((message) => message.subject);
    expect(subjects.sort()).toEqual([
      '[TEST] Lettre AlterMed — décembre 2026',
      '[تجربة] نشرة ألترميد — ديسمبر 2026 | Lettre AlterMed — décembre 2026',
    ]);
    const bilingual = sink.messages.find((message) => message.subject.includes(' | '));
    expect(bilingual?.text).toContain('Bonjour سلمى,');
    expect(bilingual?.text).toContain('مرحباً سلمى،');
  });

  it('leads the test email’s links to a page that says it is a test, in the reader’s language', async () => {
    const arabic = await t.request(undefined, { method: 'GET', url: '/n/test-link?lang=ar' });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('هذه رسالة تجريبية');
    expect(arabic.body).toContain('noindex');
    expect((await t.request(undefined, { method: 'GET', url: '/n/test-link?lang=fr' })).body).toContain('Ceci est un e-mail de test');
  });

  it('checks the addresses and the variant, and refuses members who cannot write', async () => {
    const fields = async (payload: object) => {
      const response = await testSend(officer, payload);
      expect(response.statusCode).toBe(400);
      return Object.fromEntries(
        Object.entries(response.json().fields as Record<string, { code: string }>).map(([key, value]) => [key, value.code]),
      );
    };
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => `${name}@example.org`);
    expect(await fields({ addresses: six, variant: 'ar' })).toEqual({ addresses: 'TOO_MANY' });
    expect(await fields({ addresses: [], variant: 'ar' })).toEqual({ addresses: 'REQUIRED' });
    expect(await fields({ addresses: ['not an address'], variant: 'ar' })).toEqual({ 'addresses.0': 'INVALID_EMAIL' });
    expect(await fields({ addresses: ['a@example.org'], variant: 'de' })).toEqual({ variant: 'INVALID_VALUE' });
    expect((await testSend(viewer, { addresses: ['a@example.org'], variant: 'ar' })).statusCode).toBe(403);
    const empty = await createIssue(t, officer, workspaceId, {});
    const noSubject = await t.request(officer, {
      method: 'POST',
      url: issuesUrl(workspaceId, `/${empty.id}/test-send`),
      payload: { addresses: ['a@example.org'], variant: 'fr' },
    });
    expect(noSubject.json().fields).toMatchObject({ subject: { code: 'LOCALIZED_REQUIRED' } });
  });

  it('limits each member to ten test addresses in ten minutes', async () => {
    const member = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
    const before = sink.messages.length;
    const five = (prefix: string) => [1, 2, 3, 4, 5].map((n) => `${prefix}${n}@example.org`);
    expect((await testSend(member, { addresses: five('x'), variant: 'fr' })).statusCode).toBe(200);
    expect((await testSend(member, { addresses: five('y'), variant: 'fr' })).statusCode).toBe(200);
    const limited = await testSend(member, { addresses: ['z@example.org'], variant: 'fr' });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    await t.platform.jobs.tick();
    expect(sink.messages.length - before).toBe(10);
    // Another member still has their own allowance.
    expect((await testSend(officer, { addresses: ['z@example.org'], variant: 'fr' })).statusCode).toBe(200);
  });
});

describe('test send without SMTP', () => {
  it('keeps the test email in the outbox', async () => {
    const local = await createTestApp();
    try {
      const ws = (await local.make.workspace()).id;
      const member = await local.signIn((await local.make.member(ws, 'officer')).email);
      const issue = await createIssue(local, member, ws, bilingualIssue());
      const response = await local.request(member, {
        method: 'POST',
        url: issuesUrl(ws, `/${issue.id}/test-send`),
        payload: { addresses: ['hind@example.org'], variant: 'ar' },
      });
      expect(response.json()).toMatchObject({ sent: 1, isSmtp: false });
      const { rows } = await local.platform.database.executeSql(
        'select status, subject, html_body from mail_outbox where to_address = $1',
        ['hind@example.org'],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'outbox', subject: '[تجربة] نشرة ألترميد — ديسمبر 2026' });
      expect((rows[0] as { html_body: string }).html_body).toContain('مرحباً سلمى،');
    } finally {
      await local.close();
    }
  });
});
