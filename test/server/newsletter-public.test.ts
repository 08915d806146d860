/**
 * The public sign-up journey, in Arabic: the form, the confirmation email in the outbox, the
 * confirmation link, the preferences page, the unsubscribe page and RFC 8058 one-click; then a
 * re-sign-up of the unsubscribed address, which needs a new confirmation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmUrl, preferencesUrl, unsubscribeUrl } from '../../src/server/modules/newsletter/newsletter-links.js';
import { localized } from '../../src/shared/localized-text.js';
import { countRows, linkIn, makeList, outboxFor, postForm } from '../helpers/newsletter-audience-fixture.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let letterId: string;
let eventsId: string;
let subscriberId: string;
const EMAIL = 'Salma.Idrissi@Example.ma';

async function subscriber(email: string) {
  const { rows } = await t.platform.database.executeSql(
    'select id, status, languages, name from subscriber where workspace_id = $1 and email_normalized = lower($2)',
    [workspaceId, email],
  );
  return rows[0] as { id: string; status: string; languages: string[]; name: string } | undefined;
}

async function subscriptionStatus(listId: string, id = subscriberId): Promise<string | undefined> {
  const { rows } = await t.platform.database.executeSql('select status from list_subscription where list_id = $1 and subscriber_id = $2', [
    listId,
    id,
  ]);
  return rows[0]?.status as string | undefined;
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace({ name: localized({ fr: 'AlterMed', ar: 'ألترميد' }) })).id;
  const officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  letterId = await makeList(t, officer, workspaceId, {
    name: localized({ fr: 'Lettre AlterMed', ar: 'رسالة ألترميد' }),
    visibility: 'public',
    optIn: 'double',
  });
  eventsId = await makeList(t, officer, workspaceId, {
    name: localized({ fr: 'Événements', ar: 'الفعاليات' }),
    visibility: 'public',
    optIn: 'single',
  });
  await makeList(t, officer, workspaceId, { name: localized({ fr: 'Partenaires' }), visibility: 'private' });
});
afterAll(() => t.close());

describe('public sign-up in Arabic', () => {
  it('shows the form right to left, with the public lists only, the consent text and a hidden honeypot', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/newsletter?lang=ar' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    expect(page.body).toContain('رسالة ألترميد');
    expect(page.body).toContain('الفعاليات');
    expect(page.body).not.toContain('Partenaires');
    expect(page.body).toContain('أوافق على أن ترسل لي ألترميد نشرتها الإخبارية');
    expect(page.body).toMatch(/class="nl-hp" aria-hidden="true">.*name="website" tabindex="-1"/);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('signs up, mails the confirmation in Arabic to the outbox, and keeps the consent text as shown with IP and browser', async () => {
    const answer = await postForm(t, '/newsletter?lang=ar', {
      email: EMAIL,
      name: 'سلمى الإدريسي',
      language: 'ar',
      country: 'MA',
      lists: [letterId],
      consent: 'yes',
    });
    expect(answer.statusCode).toBe(200);
    expect(answer.body).toContain('تفقّد بريدك الإلكتروني');
    const created = await subscriber(EMAIL);
    expect(created).toMatchObject({ status: 'active', languages: ['ar'], name: 'سلمى الإدريسي' });
    subscriberId = (created as { id: string }).id;
    expect(await subscriptionStatus(letterId)).toBe('unconfirmed');
    const [mail] = await outboxFor(t, EMAIL);
    expect(mail?.subject).toBe('أكّد اشتراكك في نشرة ألترميد');
    expect(mail?.textBody).toContain('رسالة ألترميد');
    expect(mail?.textBody).toContain('هذا الرابط صالح مدة 7 أيام.');
    expect(mail?.htmlBody).toContain('dir="rtl"');
    const { rows } = await t.platform.database.executeSql(
      `select source, consent_text, language, ip, user_agent, list_id from consent_record where subscriber_id = $1`,
      [subscriberId],
    );
    expect(rows).toEqual([
      {
        source: 'form',
        consent_text: expect.stringMatching(/^أوافق على أن ترسل لي ألترميد نشرتها الإخبارية/),
        language: 'ar',
        ip: '203.0.113.10',
        user_agent: 'Mozilla/5.0 (test)',
        list_id: letterId,
      },
    ]);
  });

  it('confirms from the emailed link, once', async () => {
    const [mail] = await outboxFor(t, EMAIL);
    const link = linkIn(mail?.textBody ?? '', '/n/confirm/');
    const confirmed = await t.app.inject({ method: 'GET', url: `${link}?lang=ar`, remoteAddress: '203.0.113.10' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body).toContain('تأكّد اشتراكك');
    expect(confirmed.headers['referrer-policy']).toBe('no-referrer');
    expect(await subscriptionStatus(letterId)).toBe('confirmed');
    const again = await t.app.inject({ method: 'GET', url: `${link}?lang=ar` });
    expect(again.body).toContain('اشتراكك مؤكَّد من قبل');
    expect(await countRows(t, `select count(*) from consent_record where subscriber_id = $1 and action = 'confirm'`, [subscriberId])).toBe(
      1,
    );
  });

  it('changes language and lists on the preferences page', async () => {
    const url = new URL(preferencesUrl(t.platform.config, subscriberId)).pathname;
    const page = await t.app.inject({ method: 'GET', url: `${url}?lang=ar` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(EMAIL);
    expect(page.body).toContain('إلغاء الاشتراك في كل شيء');
    const saved = await postForm(t, `${url}?lang=ar`, { action: 'save', language: 'both', lists: [letterId, eventsId] });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain('حُفظت تفضيلاتك');
    expect((await subscriber(EMAIL))?.languages).toEqual(['ar', 'fr']);
    expect(await subscriptionStatus(eventsId)).toBe('confirmed');
    await postForm(t, url, { action: 'save', language: 'both', lists: [letterId] });
    expect(await subscriptionStatus(eventsId)).toBe('unsubscribed');
    expect(await subscriptionStatus(letterId)).toBe('confirmed');
  });

  it('shows one button on the unsubscribe page, and takes the RFC 8058 one-click POST (idempotent, counted on the delivery)', async () => {
    const [issue] = (
      await t.platform.database.executeSql(`insert into newsletter_issue (workspace_id, subject) values ($1, '{}'::jsonb) returning id`, [
        workspaceId,
      ])
    ).rows;
    const [delivery] = (
      await t.platform.database.executeSql(
        `insert into newsletter_delivery (workspace_id, issue_id, subscriber_id, email, variant, state) values ($1, $2, $3, $4, 'ar', 'sent') returning id`,
        [workspaceId, issue?.id, subscriberId, EMAIL],
      )
    ).rows;
    const url = new URL(unsubscribeUrl(t.platform.config, subscriberId, Number(delivery?.id))).pathname;
    const page = await t.app.inject({ method: 'GET', url: `${url}?lang=ar` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<form class="nl-form" method="post" action="[^"]+">/);
    expect(page.body.match(/<button/g)).toHaveLength(1);
    const oneClick = await postForm(t, url, { 'List-Unsubscribe': 'One-Click' }, '198.51.100.7', { 'user-agent': 'Gmail' });
    expect(oneClick.statusCode).toBe(200);
    expect((await subscriber(EMAIL))?.status).toBe('unsubscribed');
    expect(await subscriptionStatus(letterId)).toBe('unsubscribed');
    const again = await postForm(t, url, { 'List-Unsubscribe': 'One-Click' }, '198.51.100.7');
    expect(again.statusCode).toBe(200);
    const { rows } = await t.platform.database.executeSql(
      `select source, ip from consent_record where subscriber_id = $1 and action = 'unsubscribe' and source = 'one_click'`,
      [subscriberId],
    );
    expect(rows).toEqual([{ source: 'one_click', ip: '198.51.100.7' }]);
    const counted = await t.platform.database.executeSql('select unsubscribed_at from newsletter_delivery where id = $1', [delivery?.id]);
    expect(counted.rows[0]?.unsubscribed_at).not.toBeNull();
  });

  it('never resubscribes the unsubscribed address silently: even a single opt-in list waits for a new confirmation', async () => {
    const oldLink = new URL(confirmUrl(t.platform.config, subscriberId, Date.now() - 60 * 60_000)).pathname;
    const before = (await outboxFor(t, EMAIL)).length;
    const answer = await postForm(
      t,
      '/newsletter?lang=fr',
      { email: EMAIL, language: 'fr', lists: [eventsId], consent: 'yes' },
      '203.0.113.11',
    );
    expect(answer.statusCode).toBe(200);
    // The page only reflects the list's opt-in mode: single opt-in, so "thank you", as for anyone.
    expect(answer.body).toContain('Merci !');
    expect((await subscriber(EMAIL))?.status).toBe('unsubscribed');
    expect(await subscriptionStatus(eventsId)).toBe('unconfirmed');
    const mails = await outboxFor(t, EMAIL);
    expect(mails).toHaveLength(before + 1);
    // Written in the language of the page that asked this time.
    expect(mails.at(-1)?.subject).toBe('Confirmez votre inscription à la lettre de AlterMed');
    // A link issued before the unsubscribe does not bring the person back.
    const stale = await t.app.inject({ method: 'GET', url: `${oldLink}?lang=fr` });
    expect(stale.statusCode).toBe(410);
    expect((await subscriber(EMAIL))?.status).toBe('unsubscribed');
    const fresh = await t.app.inject({ method: 'GET', url: linkIn(mails.at(-1)?.textBody ?? '', '/n/confirm/') });
    expect(fresh.statusCode).toBe(200);
    expect((await subscriber(EMAIL))?.status).toBe('active');
    expect(await subscriptionStatus(eventsId)).toBe('confirmed');
    // The list they left earlier stays left.
    expect(await subscriptionStatus(letterId)).toBe('unsubscribed');
  });

  it('answers the same page for a new and a known address, and tells the known one by email', async () => {
    const known = await postForm(
      t,
      '/newsletter?lang=fr',
      { email: EMAIL, language: 'fr', lists: [eventsId], consent: 'yes' },
      '203.0.113.12',
    );
    const unknown = await postForm(
      t,
      '/newsletter?lang=fr',
      { email: 'personne.nouvelle@example.tn', language: 'fr', lists: [eventsId], consent: 'yes' },
      '203.0.113.12',
    );
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(known.body).toBe(unknown.body);
    expect((await outboxFor(t, EMAIL)).at(-1)?.subject).toBe('Votre inscription à la lettre de AlterMed');
    expect(await subscriptionStatus(eventsId, (await subscriber('personne.nouvelle@example.tn'))?.id)).toBe('confirmed');
  });
});
