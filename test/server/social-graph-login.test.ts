/** Connecting a page through the routes, end to end against the fake: dialog, callback, `state`, pages, connect. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openChannelToken } from '../../src/server/modules/social/channels/sealed-token.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { signToken } from '../../src/server/platform/signed-token.js';
import {
  connectPage,
  dialogCallback,
  loginThroughRoutes,
  type SocialChannelsFixture,
  startSocialChannelsFixture,
} from '../helpers/social-channels-fixture.js';
import { TEST_ORIGIN } from '../helpers/test-app.js';

let f: SocialChannelsFixture;
beforeAll(async () => {
  f = await startSocialChannelsFixture();
});
afterAll(() => f.stop());

const channelsUrl = () => `/api/workspaces/${f.workspaceId}/social/channels`;

describe('logging in with Meta', () => {
  it('sends the admin to the dialog with every permission, the app, the redirect URI and a signed state', async () => {
    const started = await f.t.request(f.admin, { method: 'POST', url: `${channelsUrl()}/login`, payload: {} });
    const url = new URL(started.json().url);
    expect(`${url.origin}${url.pathname}`).toBe(`${f.fake.url}/v26.0/dialog/oauth`);
    expect(url.searchParams.get('client_id')).toBe(f.fake.appId);
    expect(url.searchParams.get('redirect_uri')).toBe(`${TEST_ORIGIN}/api/social/channels/callback/facebook`);
    expect(url.searchParams.get('scope')?.split(',')).toEqual([
      'pages_show_list',
      'pages_read_engagement',
      'pages_manage_posts',
      'pages_manage_engagement',
      'pages_read_user_content',
      'read_insights',
    ]);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it('walks callback → pages → connect, seals the token, and never shows it', async () => {
    const loginId = await loginThroughRoutes(f);
    const pages = await f.t.request(f.admin, { method: 'GET', url: `${channelsUrl()}/logins/${loginId}` });
    expect(pages.statusCode).toBe(200);
    expect(pages.json().pages.map((page: { externalId: string; name: string }) => [page.externalId, page.name])).toEqual([
      ['20001', 'AlterMed — Entreprendre autrement'],
      ['20002', 'جمعية الشعلة الخضراء للبيئة'],
    ]);
    const pageTokens = f.fake.state.tokens.filter((token) => token.type === 'PAGE').map((token) => token.token);
    expect(pageTokens.length).toBeGreaterThan(0);
    const connected = await f.t.request(f.admin, {
      method: 'POST',
      url: channelsUrl(),
      payload: { loginId, externalIds: ['20001', '20002'] },
    });
    expect(connected.statusCode).toBe(200);
    const body = connected.body;
    for (const token of pageTokens) expect(body).not.toContain(token);
    expect(
      connected
        .json()
        .items.map((item: { externalId: string; status: string }) => [item.externalId, item.status])
        .sort(),
    ).toEqual([
      ['20001', 'connected'],
      ['20002', 'connected'],
    ]);
    // At rest: sealed, no plaintext; it opens to a token the page accepts.
    const rows = await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.workspaceId, f.workspaceId));
    for (const row of rows) {
      expect(row.accessTokenSealed).toMatch(/^v1\./);
      for (const token of pageTokens) expect(row.accessTokenSealed).not.toContain(token);
      expect(JSON.stringify(row)).not.toMatch(/EAA[\w-]{20,}/);
      expect(pageTokens).toContain(openChannelToken(f.t.platform.config, row.accessTokenSealed));
      expect(row.grantedPermissions).toContain('pages_manage_posts');
      expect(row.connectedBy).toBe(f.admin.userId);
    }
    const list = await f.t.request(f.admin, { method: 'GET', url: channelsUrl() });
    for (const token of pageTokens) expect(list.body).not.toContain(token);
    expect(list.json()).toMatchObject({ canConnect: true, sandbox: false });
    const audits = await f.t.platform.database.db.select().from(auditLog).where(eq(auditLog.action, 'social.channel.connect'));
    expect(audits.filter((entry) => entry.workspaceId === f.workspaceId)).toHaveLength(2);
    // The login is used up: the admin is told to log in again.
    const usedUp = await f.t.request(f.admin, { method: 'GET', url: `${channelsUrl()}/logins/${loginId}` });
    expect([usedUp.statusCode, usedUp.json().code]).toEqual([410, 'LOGIN_EXPIRED']);
  });

  it('reconnecting a page updates its channel rather than adding one', async () => {
    const first = await connectPage(f);
    const again = await connectPage(f);
    expect(again).toBe(first);
    const rows = await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.externalId, '20001'));
    expect(rows.filter((row) => row.workspaceId === f.workspaceId)).toHaveLength(1);
  });
});

describe('the state and who may use it', () => {
  it('refuses a forged or tampered state and another person’s state; one past its time lands on the page saying so', async () => {
    const callback = new URL(await dialogCallback(f, f.admin), 'http://x');
    const state = callback.searchParams.get('state') ?? '';
    const code = callback.searchParams.get('code') ?? '';
    const call = (session = f.admin, query: Record<string, string>) =>
      f.t.request(session, { method: 'GET', url: `/api/social/channels/callback/facebook?${new URLSearchParams(query)}` });
    expect((await call(f.admin, { code, state: `${state.slice(0, -2)}xx` })).statusCode).toBe(410);
    const forged = signToken('y'.repeat(64), 'social-channel-login', [f.workspaceId, f.admin.userId, 'facebook', '9999999999', 'n']);
    expect((await call(f.admin, { code, state: forged })).statusCode).toBe(410);
    const other = await f.t.make.member(f.workspaceId, 'admin');
    expect((await call(await f.t.signIn(other.email), { code, state })).statusCode).toBe(410);
    const expired = signToken(f.t.platform.config.secretKey, 'social-channel-login', [
      f.workspaceId,
      f.admin.userId,
      'facebook',
      '1000',
      'n',
    ]);
    const late = await call(f.admin, { code, state: expired });
    expect(late.statusCode).toBe(302);
    expect(late.headers.location).toBe(`/app/w/${f.workspaceId}/social/channels?login=expired`);
    // …but only for the person it was made for.
    expect((await call(await f.t.signIn(other.email), { code, state: expired })).statusCode).toBe(410);
    expect(
      (await f.t.request(undefined, { method: 'GET', url: `/api/social/channels/callback/facebook?code=${code}&state=${state}` }))
        .statusCode,
    ).toBe(401);
    // The genuine one still works once.
    expect((await call(f.admin, { code, state })).statusCode).toBe(302);
  });

  it('a dialog the person declined, or a code already used, lands on the page saying so', async () => {
    f.fake.dialog.deny = true;
    try {
      const denied = await f.t.request(f.admin, { method: 'GET', url: await dialogCallback(f, f.admin) });
      expect(new URL(denied.headers.location as string, 'http://x').searchParams.get('login')).toBe('denied');
    } finally {
      f.fake.dialog.deny = false;
    }
    const url = await dialogCallback(f, f.admin);
    expect((await f.t.request(f.admin, { method: 'GET', url })).statusCode).toBe(302);
    const reused = new URL((await f.t.request(f.admin, { method: 'GET', url })).headers.location as string, 'http://x');
    expect([reused.searchParams.get('login'), reused.searchParams.get('reason')]).toEqual(['failed', 'invalid-request']);
  });

  it('only admins connect; officers read; other workspaces see nothing', async () => {
    const officer = await f.t.signIn((await f.t.make.member(f.workspaceId, 'officer')).email);
    expect((await f.t.request(officer, { method: 'POST', url: `${channelsUrl()}/login`, payload: {} })).statusCode).toBe(403);
    expect((await f.t.request(officer, { method: 'GET', url: channelsUrl() })).statusCode).toBe(200);
    const loginId = await loginThroughRoutes(f);
    const elsewhere = await f.t.make.workspace();
    const stranger = await f.t.signIn((await f.t.make.member(elsewhere.id, 'admin')).email);
    expect((await f.t.request(stranger, { method: 'GET', url: channelsUrl() })).statusCode).toBe(404);
    expect(
      (await f.t.request(stranger, { method: 'GET', url: `/api/workspaces/${elsewhere.id}/social/channels/logins/${loginId}` })).statusCode,
    ).toBe(410);
    expect(
      (await f.t.request(stranger, { method: 'GET', url: `/api/workspaces/${elsewhere.id}/social/channels/logins/${loginId}` })).json()
        .code,
    ).toBe('LOGIN_EXPIRED');
    const theft = await f.t.request(stranger, {
      method: 'POST',
      url: `/api/workspaces/${elsewhere.id}/social/channels`,
      payload: { loginId, externalIds: ['20001'] },
    });
    expect(theft.statusCode).toBe(410);
    // A state made for this workspace does not connect into another the person administers.
    const url = new URL(await dialogCallback(f, f.admin), 'http://x');
    const [payload] = (url.searchParams.get('state') ?? '').split('.');
    const parts = Buffer.from(payload ?? '', 'base64url')
      .toString('utf8')
      .split(':');
    parts[0] = elsewhere.id;
    const swapped = `${Buffer.from(parts.join(':')).toString('base64url')}.${(url.searchParams.get('state') ?? '').split('.')[1]}`;
    url.searchParams.set('state', swapped);
    expect((await f.t.request(f.admin, { method: 'GET', url: `${url.pathname}${url.search}` })).statusCode).toBe(410);
  });
});
