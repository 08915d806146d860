/**
 * What stands between the public pages and bots or forged links: the honeypot, the per-IP rate limit,
 * expired, forged and wrong-purpose tokens, form errors, the embeddable form and its framing rules.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmUrl, preferencesUrl, unsubscribeUrl } from '../../src/server/modules/newsletter/newsletter-links.js';
import { signToken } from '../../src/server/platform/signed-token.js';
import { localized } from '../../src/shared/localized-text.js';
import { countRows, makeList, outboxFor, postForm } from '../helpers/newsletter-audience-fixture.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let letterId: string;
let subscriberId: string;

const path = (url: string) => new URL(url).pathname;
const signUp = (email: string, extra: Record<string, string | string[]> = {}) => ({
  email,
  language: 'fr',
  lists: [letterId],
  consent: 'yes',
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace({ name: localized({ fr: 'AlterMed', ar: 'ألترميد' }) })).id;
  const officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  letterId = await makeList(t, officer, workspaceId, { name: localized({ fr: 'Lettre AlterMed' }), visibility: 'public', optIn: 'double' });
  const created = await t.request(officer, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/newsletter/subscribers`,
    payload: { email: 'connu@example.fr', languages: ['fr'], consentText: 'Carte remplie au forum', listIds: [letterId] },
  });
  subscriberId = created.json().id;
});
afterAll(() => t.close());

describe('public pages against bots and forged links', () => {
  it('answers a filled honeypot like a person, and does nothing', async () => {
    const bot = await postForm(t, '/newsletter?lang=fr', signUp('bot@example.com', { website: 'http://spam.example' }), '192.0.2.1');
    const person = await postForm(t, '/newsletter?lang=fr', signUp('humain@example.com'), '192.0.2.2');
    expect(bot.statusCode).toBe(200);
    expect(bot.body).toBe(person.body);
    expect(await countRows(t, `select count(*) from subscriber where email_normalized = 'bot@example.com'`, [])).toBe(0);
    expect(await outboxFor(t, 'bot@example.com')).toEqual([]);
    expect(await outboxFor(t, 'humain@example.com')).toHaveLength(1);
  });

  it('allows five sign-ups per IP in ten minutes, then answers 429 with a page in the visitor’s language', async () => {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const answer = await postForm(t, '/newsletter?lang=ar', signUp(`flood${attempt}@example.com`), '192.0.2.50');
      expect(answer.statusCode).toBe(200);
    }
    const blocked = await postForm(t, '/newsletter?lang=ar', signUp('flood6@example.com'), '192.0.2.50');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('محاولات كثيرة');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await countRows(t, `select count(*) from subscriber where email_normalized = 'flood6@example.com'`, [])).toBe(0);
    // Another visitor is not affected.
    expect((await postForm(t, '/newsletter?lang=ar', signUp('voisin@example.com'), '192.0.2.51')).statusCode).toBe(200);
  });

  it('sends the form back with its errors, values kept, and nothing written', async () => {
    const answer = await postForm(
      t,
      '/newsletter?lang=fr',
      { email: 'pas-une-adresse', name: 'Nadia <b>', language: 'xx', lists: [] },
      '192.0.2.60',
    );
    expect(answer.statusCode).toBe(400);
    expect(answer.body).toContain('Saisissez une adresse e-mail valide');
    expect(answer.body).toContain('Cochez au moins une lettre.');
    expect(answer.body).toContain('Cochez cette case pour vous inscrire.');
    expect(answer.body).toContain('value="pas-une-adresse"');
    expect(answer.body).toContain('value="Nadia &lt;b&gt;"');
    expect(answer.body).toContain('aria-invalid="true"');
    expect(await countRows(t, `select count(*) from subscriber where email_normalized = 'pas-une-adresse'`, [])).toBe(0);
  });

  it('refuses expired, forged and wrong-purpose confirmation links with a clear page', async () => {
    const eightDaysAgo = Date.now() - 8 * 24 * 3600_000;
    const expired = await t.app.inject({
      method: 'GET',
      url: `${path(confirmUrl(t.platform.config, subscriberId, eightDaysAgo))}?lang=fr`,
    });
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Ce lien n’est plus valable');
    expect(expired.body).toContain('href="/newsletter?lang=fr"');
    const valid = path(confirmUrl(t.platform.config, subscriberId));
    const forged = await t.app.inject({ method: 'GET', url: `${valid.slice(0, -2)}xx?lang=fr` });
    expect(forged.statusCode).toBe(404);
    expect(forged.body).toContain('Lien invalide');
    const otherPurpose = path(preferencesUrl(t.platform.config, subscriberId)).replace('/n/preferences/', '/n/confirm/');
    expect((await t.app.inject({ method: 'GET', url: otherPurpose })).statusCode).toBe(404);
    const wrongSecret = `/n/unsubscribe/${signToken('y'.repeat(64), 'newsletter.unsubscribe', [subscriberId, ''])}`;
    expect((await t.app.inject({ method: 'GET', url: wrongSecret })).statusCode).toBe(404);
    const posted = await postForm(t, wrongSecret, { 'List-Unsubscribe': 'One-Click' }, '192.0.2.70');
    expect(posted.statusCode).toBe(404);
    expect(await countRows(t, `select count(*) from subscriber where id = $1 and status = 'active'`, [subscriberId])).toBe(1);
  });

  it('accepts one-click as multipart too, and shows the same page for a person already gone', async () => {
    const url = path(unsubscribeUrl(t.platform.config, subscriberId));
    const boundary = 'x-tawasul-test';
    const multipart = await t.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(multipart.statusCode).toBe(200);
    expect(await countRows(t, `select count(*) from subscriber where id = $1 and status = 'unsubscribed'`, [subscriberId])).toBe(1);
    const gone = await t.app.inject({
      method: 'GET',
      url: `${path(unsubscribeUrl(t.platform.config, '00000000-0000-4000-8000-000000000000'))}?lang=fr`,
    });
    expect(gone.statusCode).toBe(200);
    expect(gone.body).toContain('Vous êtes désabonné(e)');
  });

  it('serves the embeddable form alone, framable anywhere, posting to itself', async () => {
    const embed = await t.app.inject({ method: 'GET', url: '/newsletter/embed?lang=ar' });
    expect(embed.statusCode).toBe(200);
    expect(embed.body).toContain('<html lang="ar" dir="rtl">');
    expect(embed.body).not.toContain('site-header');
    expect(embed.body).toContain('action="/newsletter/embed?lang=ar"');
    expect(embed.headers['content-security-policy']).toContain('frame-ancestors *');
    const posted = await postForm(t, '/newsletter/embed?lang=ar', signUp('iframe@example.com', { language: 'ar' }), '192.0.2.80');
    expect(posted.statusCode).toBe(200);
    expect(posted.body).toContain('تفقّد بريدك الإلكتروني');
    expect(posted.body).not.toContain('site-header');
    expect((await outboxFor(t, 'iframe@example.com'))[0]?.subject).toBe('أكّد اشتراكك في نشرة ألترميد');
  });

  it('follows Accept-Language when no ?lang= is given', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/newsletter', headers: { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.5' } });
    expect(page.body).toContain('<html lang="ar" dir="rtl">');
    const french = await t.app.inject({ method: 'GET', url: '/newsletter', headers: { 'accept-language': 'fr-FR' } });
    expect(french.body).toContain('<html lang="fr" dir="ltr">');
    expect(french.body).toContain('Recevoir la lettre d’information');
  });
});
