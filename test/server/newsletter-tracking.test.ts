/**
 * Open pixel and click redirect, through the real routes: counted once per first open, totals
 * incremented, redirects only to the exact signed URL, never anywhere else, and nothing recorded
 * when tracking is off, for probes and scanners, or for a forged token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUrl, type LinkSigner, openPixelUrl } from '../../src/server/modules/newsletter/newsletter-links.js';
import { signToken } from '../../src/server/platform/signed-token.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { type DeliveryRow, trackingFixture } from '../helpers/tracking-fixture.js';

let t: TestApp;
let fixture: ReturnType<typeof trackingFixture>;
let signer: LinkSigner;
let workspaceId: string;
let issueId: string;
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

beforeAll(async () => {
  t = await createTestApp();
  fixture = trackingFixture(t.platform);
  signer = { secretKey: t.platform.config.secretKey, publicUrl: t.platform.config.publicUrl };
  workspaceId = (await t.make.workspace()).id;
  issueId = (await fixture.issue(workspaceId)).id;
  await fixture.tracking(workspaceId, { opens: true, clicks: true });
});
afterAll(() => t.close());

const pathOf = (url: string) => new URL(url).pathname;
const get = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER, ...headers } });

async function newDelivery(): Promise<DeliveryRow> {
  const subscriber = await fixture.subscriber(workspaceId);
  return fixture.delivery(workspaceId, issueId, subscriber);
}

const clicksOf = (deliveryId: number) => fixture.count('select count(*) from newsletter_click where delivery_id = $1', [deliveryId]);

describe('open pixel', () => {
  it('answers a GIF that is never cached, sets opened_at once and counts every open', async () => {
    const delivery = await newDelivery();
    const first = await get(pathOf(openPixelUrl(signer, delivery.id)));
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('image/gif');
    expect(first.headers['cache-control']).toContain('no-store');
    expect(first.rawPayload.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    const afterFirst = await fixture.deliveryById(delivery.id);
    expect(afterFirst.openCount).toBe(1);
    expect(afterFirst.openedAt).toBeInstanceOf(Date);

    await get(pathOf(openPixelUrl(signer, delivery.id)));
    const afterSecond = await fixture.deliveryById(delivery.id);
    expect(afterSecond.openCount).toBe(2);
    expect(afterSecond.openedAt?.getTime()).toBe(afterFirst.openedAt?.getTime());
  });

  it('answers the same GIF to a forged token and records nothing', async () => {
    const delivery = await newDelivery();
    const forged = signToken('another-secret'.repeat(4), 'newsletter.open', [String(delivery.id)]);
    const response = await get(`/n/open/${forged}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('image/gif');
    expect((await get('/n/open/not-a-token')).statusCode).toBe(200);
    expect((await fixture.deliveryById(delivery.id)).openCount).toBe(0);
  });

  it('ignores HEAD probes, link scanners and requests without a user agent', async () => {
    const delivery = await newDelivery();
    const url = pathOf(openPixelUrl(signer, delivery.id));
    expect((await t.app.inject({ method: 'HEAD', url, headers: { 'user-agent': BROWSER } })).statusCode).toBe(200);
    await get(url, { 'user-agent': 'Mozilla/5.0 (compatible; Barracuda Sentinel (EE))' });
    await get(url, { 'user-agent': 'python-requests/2.31' });
    await get(url, { 'user-agent': undefined as unknown as string });
    expect((await fixture.deliveryById(delivery.id)).openCount).toBe(0);
    // Gmail's image proxy is a person opening the message.
    await get(url, { 'user-agent': 'Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)' });
    expect((await fixture.deliveryById(delivery.id)).openCount).toBe(1);
  });
});

describe('click redirect', () => {
  it('redirects to the exact signed URL, records the click, sets clicked_at once and counts an open if none', async () => {
    const delivery = await newDelivery();
    const target = 'https://altermed.example/forum?utm_source=newsletter&utm_medium=email&x=%C3%A9';
    const response = await get(pathOf(clickUrl(signer, delivery.id, target)));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(target);
    expect(response.headers['cache-control']).toContain('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    const afterFirst = await fixture.deliveryById(delivery.id);
    expect(afterFirst.clickedAt).toBeInstanceOf(Date);
    expect(afterFirst.openCount).toBe(1);
    expect(afterFirst.openedAt).toBeInstanceOf(Date);
    const { rows } = await t.platform.database.executeSql('select issue_id, url from newsletter_click where delivery_id = $1', [
      delivery.id,
    ]);
    expect(rows).toEqual([{ issue_id: issueId, url: target }]);

    await get(pathOf(clickUrl(signer, delivery.id, target)));
    const afterSecond = await fixture.deliveryById(delivery.id);
    expect(await clicksOf(delivery.id)).toBe(2);
    expect(afterSecond.clickedAt?.getTime()).toBe(afterFirst.clickedAt?.getTime());
    expect(afterSecond.openCount).toBe(1);
    expect(afterSecond.clickCount).toBe(2);
  });

  it('sends a URL with Arabic letters percent-encoded, to the same address', async () => {
    const delivery = await newDelivery();
    const target = 'https://ar.wikipedia.org/wiki/تونس';
    const response = await get(pathOf(clickUrl(signer, delivery.id, target)));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe(new URL(target).href);
    expect(decodeURI(String(response.headers.location))).toBe(target);
  });

  it('never redirects a forged, edited or dangerous token: a 400 page instead, and nothing recorded', async () => {
    const delivery = await newDelivery();
    const valid = pathOf(clickUrl(signer, delivery.id, 'https://altermed.example/'));
    const token = valid.split('/').at(-1) as string;
    const [payload, mac] = token.split('.') as [string, string];
    const otherUrl = Buffer.from(`${delivery.id}:${Buffer.from('https://evil.example/').toString('base64url')}`).toString('base64url');
    const attempts = [
      // A changed signature, a payload swapped for another URL under the old signature, a truncated token.
      `/n/click/${payload}.${mac.startsWith('A') ? `B${mac.slice(1)}` : `A${mac.slice(1)}`}`,
      `/n/click/${otherUrl}.${mac}`,
      `/n/click/${payload}`,
      // Properly signed, but not an http(s) URL with a host.
      pathOf(clickUrl(signer, delivery.id, '//evil.example')),
      pathOf(clickUrl(signer, delivery.id, 'javascript:alert(1)')),
      pathOf(clickUrl(signer, delivery.id, 'https:/\\evil.example')),
      pathOf(clickUrl(signer, delivery.id, 'https:///evil.example')),
      pathOf(clickUrl(signer, delivery.id, 'https://evil.example/\r\nset-cookie: a=b')),
      // URL-encoded tricks in place of a token, and an open-pixel token used as a click token.
      '/n/click/%2F%2Fevil.example',
      '/n/click/https%3A%2F%2Fevil.example',
      '/n/click/%5C%5Cevil.example',
      pathOf(openPixelUrl(signer, delivery.id)).replace('/n/open/', '/n/click/'),
    ];
    for (const url of attempts) {
      const response = await get(url, { 'accept-language': 'fr' });
      expect(response.statusCode, url).toBe(400);
      expect(response.headers.location, url).toBeUndefined();
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('Lien invalide');
    }
    expect(await clicksOf(delivery.id)).toBe(0);
    expect((await fixture.deliveryById(delivery.id)).clickedAt).toBeNull();
  });

  it('speaks the visitor’s language on the refusal page', async () => {
    const response = await get('/n/click/forged.token', { 'accept-language': 'ar-MA,ar;q=0.9' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<html lang="ar" dir="rtl">');
    expect(response.body).toContain('رابط غير صالح');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('still redirects when click tracking is off, but records nothing; an unknown delivery also redirects', async () => {
    const other = await t.make.workspace();
    const issue = await fixture.issue(other.id);
    const subscriber = await fixture.subscriber(other.id);
    const delivery = await fixture.delivery(other.id, issue.id, subscriber);
    await fixture.tracking(other.id, { opens: true, clicks: false });
    const response = await get(pathOf(clickUrl(signer, delivery.id, 'https://altermed.example/off')));
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('https://altermed.example/off');
    expect(await clicksOf(delivery.id)).toBe(0);
    expect((await fixture.deliveryById(delivery.id)).openCount).toBe(0);
    // Opens are off by default too: a workspace that never saved its settings records nothing.
    const untouched = await t.make.workspace();
    const untouchedIssue = await fixture.issue(untouched.id);
    const untouchedDelivery = await fixture.delivery(untouched.id, untouchedIssue.id, await fixture.subscriber(untouched.id));
    await get(pathOf(openPixelUrl(signer, untouchedDelivery.id)));
    expect((await fixture.deliveryById(untouchedDelivery.id)).openCount).toBe(0);

    const gone = await get(pathOf(clickUrl(signer, 987_654_321, 'https://altermed.example/gone')));
    expect(gone.statusCode).toBe(302);
    expect(gone.headers.location).toBe('https://altermed.example/gone');
  });

  it('does not count a scanner’s click, yet lets it follow the link', async () => {
    const delivery = await newDelivery();
    const url = pathOf(clickUrl(signer, delivery.id, 'https://altermed.example/scan'));
    const scanned = await get(url, { 'user-agent': 'Mozilla/5.0 (compatible; proofpoint-urldefense)' });
    expect(scanned.statusCode).toBe(302);
    expect((await t.app.inject({ method: 'HEAD', url, headers: { 'user-agent': BROWSER } })).statusCode).toBe(302);
    expect(await clicksOf(delivery.id)).toBe(0);
  });
});
