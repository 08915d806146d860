/**
 * What the channels page shows about a page's state: since when it has its status (connected, needs
 * reconnection, disconnected) — a reconnection of a page already connected keeps the date — and a
 * server without a Meta app says what its admin must set (FACEBOOK_NOT_CONFIGURED).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAccountOf } from '../../src/server/modules/social/channel-status.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { connectPage, type SocialChannelsFixture, startSocialChannelsFixture } from '../helpers/social-channels-fixture.js';
import { createTestApp } from '../helpers/test-app.js';

let f: SocialChannelsFixture;
beforeAll(async () => {
  f = await startSocialChannelsFixture();
});
afterAll(() => f.stop());

const LONG_AGO = new Date('2020-01-02T03:04:05.000Z');
const db = () => f.t.platform.database.db;
const channelsUrl = () => `/api/workspaces/${f.workspaceId}/social/channels`;

/** Puts the page's status date far back, so a change shows whatever the clock's resolution. */
async function ageStatus(id: string) {
  await db().update(socialChannels).set({ statusChangedAt: LONG_AGO }).where(eq(socialChannels.id, id));
}

async function listed(id: string) {
  const list = await f.t.request(f.admin, { method: 'GET', url: channelsUrl() });
  expect(list.statusCode).toBe(200);
  return list.json().items.find((item: { id: string }) => item.id === id);
}

describe('since when a page has its status', () => {
  it('is dated at each change, and kept when nothing changed', async () => {
    const id = await connectPage(f);
    expect(Date.parse((await listed(id)).statusChangedAt)).toBeGreaterThan(LONG_AGO.getTime());
    await ageStatus(id);
    // Connected again while connected, and checked valid: still connected since then.
    await connectPage(f);
    expect((await f.t.request(f.admin, { method: 'POST', url: `${channelsUrl()}/${id}/check` })).json().result).toBe('valid');
    expect((await listed(id)).statusChangedAt).toBe(LONG_AGO.toISOString());

    const [row] = await db().select().from(socialChannels).where(eq(socialChannels.id, id));
    f.fake.invalidateToken(channelAccountOf(f.t.platform, row as NonNullable<typeof row>).accessToken, 467);
    const check = await f.t.request(f.admin, { method: 'POST', url: `${channelsUrl()}/${id}/check` });
    expect(check.json().channel).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-invalid' });
    const since = check.json().channel.statusChangedAt;
    expect(Date.parse(since)).toBeGreaterThan(LONG_AGO.getTime());
    // Checked again later: the incident is as old as it was.
    await f.t.request(f.admin, { method: 'POST', url: `${channelsUrl()}/${id}/check` });
    expect((await listed(id)).statusChangedAt).toBe(since);

    await ageStatus(id);
    await connectPage(f);
    expect(await listed(id)).toMatchObject({ status: 'connected', statusReason: null });
    expect((await listed(id)).statusChangedAt).not.toBe(LONG_AGO.toISOString());

    await ageStatus(id);
    const disconnected = await f.t.request(f.admin, { method: 'DELETE', url: `${channelsUrl()}/${id}` });
    expect(disconnected.json()).toMatchObject({ status: 'disconnected' });
    expect(disconnected.json().statusChangedAt).not.toBe(LONG_AGO.toISOString());
  });
});

describe('a server without a Meta app', () => {
  it('lists its pages with canConnect false and refuses a login, naming the variables, in the admin’s language', async () => {
    const t = await createTestApp();
    try {
      const workspace = await t.make.workspace();
      const french = await t.signIn((await t.make.member(workspace.id, 'admin', 'fr')).email);
      const arabic = await t.signIn((await t.make.member(workspace.id, 'admin', 'ar')).email);
      const url = `/api/workspaces/${workspace.id}/social/channels`;
      expect((await t.request(french, { method: 'GET', url })).json()).toEqual({ items: [], canConnect: false, sandbox: false });
      const refused = await t.request(french, { method: 'POST', url: `${url}/login`, payload: { network: 'facebook' } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe('FACEBOOK_NOT_CONFIGURED');
      expect(refused.json().message).toContain('FACEBOOK_APP_ID');
      expect(refused.json().message).toContain('FACEBOOK_APP_SECRET');
      const inArabic = await t.request(arabic, { method: 'POST', url: `${url}/login`, payload: {} });
      expect(inArabic.json().message).toMatch(/^لا يوجد تطبيق ميتا/);
    } finally {
      await t.close();
    }
  });
});
