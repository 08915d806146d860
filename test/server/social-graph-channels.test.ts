/** Channel health: checks, needs-reconnection incidents told once to the admins, reconnection, disconnection. */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  channelAccountOf,
  checkChannel,
  markNeedsReconnection,
  registerChannelReconnectedListener,
} from '../../src/server/modules/social/channel-status.js';
import { channelFor } from '../../src/server/modules/social/channels/registry.js';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { auditLog, mailOutbox } from '../../src/server/platform/platform.tables.js';
import {
  connectPage,
  loginThroughRoutes,
  type SocialChannelsFixture,
  startSocialChannelsFixture,
} from '../helpers/social-channels-fixture.js';

let f: SocialChannelsFixture;
let arabicAdmin: { email: string; userId: string };
const reconnected: string[] = [];
beforeAll(async () => {
  f = await startSocialChannelsFixture();
  arabicAdmin = await f.t.make.member(f.workspaceId, 'admin', 'ar');
  await f.t.make.member(f.workspaceId, 'officer', 'fr');
  registerChannelReconnectedListener(async (_platform, channel) => {
    reconnected.push(channel.id);
  });
});
afterAll(() => f.stop());

const db = () => f.t.platform.database.db;
const channelRow = async (id: string) => (await db().select().from(socialChannels).where(eq(socialChannels.id, id)))[0];
const noticesOf = async (userId: string) =>
  db()
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'social-channel-needs-reconnection')));

describe('checking a channel', () => {
  it('a valid token with every permission stays connected and records the check', async () => {
    const id = await connectPage(f);
    const check = await f.t.request(f.admin, { method: 'POST', url: `/api/workspaces/${f.workspaceId}/social/channels/${id}/check` });
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({ result: 'valid', channel: { status: 'connected', statusReason: null } });
    expect((await channelRow(id))?.lastCheckedAt).toBeInstanceOf(Date);
  });

  it('an expired token marks the channel once and tells each admin once, in their language, in the app and by email', async () => {
    const id = await connectPage(f);
    const row = await channelRow(id);
    f.fake.invalidateToken(channelAccountOf(f.t.platform, row as NonNullable<typeof row>).accessToken, 463);
    const first = await checkChannel(f.t.platform, id);
    expect(first).toMatchObject({ result: 'needs-reconnection', reason: 'token-expired' });
    const second = await f.t.request(f.admin, { method: 'POST', url: `/api/workspaces/${f.workspaceId}/social/channels/${id}/check` });
    expect(second.json()).toMatchObject({
      result: 'needs-reconnection',
      channel: { status: 'needs_reconnection', statusReason: 'token-expired' },
    });
    // A publisher meeting the same incident does not tell anyone again.
    expect(await markNeedsReconnection(f.t.platform, (await channelRow(id)) as NonNullable<typeof row>, 'token-invalid')).toBe(false);
    expect(await noticesOf(f.admin.userId)).toHaveLength(1);
    expect(await noticesOf(arabicAdmin.userId)).toHaveLength(1);
    const mails = await db().select().from(mailOutbox);
    const french = mails.filter((mail) => mail.toAddress === f.admin.email);
    const arabic = mails.filter((mail) => mail.toAddress === arabicAdmin.email);
    expect(french.map((mail) => mail.subject)).toEqual([expect.stringContaining('doit être reconnectée (son accès a expiré)')]);
    expect(arabic.map((mail) => mail.subject)).toEqual([expect.stringContaining('انتهت صلاحية الوصول')]);
    expect(mails.filter((mail) => mail.subject.includes('AlterMed')).length).toBe(2);
  });

  it('reconnecting closes the incident, tells the listeners (held posts), and a later incident is told again', async () => {
    const [row] = await db()
      .select()
      .from(socialChannels)
      .where(and(eq(socialChannels.workspaceId, f.workspaceId), eq(socialChannels.status, 'needs_reconnection')));
    const id = row?.id ?? '';
    await connectPage(f);
    const healed = await channelRow(id);
    expect(healed).toMatchObject({ status: 'connected', statusReason: null, reconnectionNotifiedAt: null });
    expect(reconnected).toContain(id);
    f.fake.revokeScope('read_insights');
    expect(await checkChannel(f.t.platform, id)).toMatchObject({
      result: 'needs-reconnection',
      reason: 'permission-missing:read_insights',
    });
    const list = await f.t.request(f.admin, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/social/channels` });
    expect(list.json().items.find((item: { id: string }) => item.id === id)).toMatchObject({
      status: 'needs_reconnection',
      statusReason: 'permission-missing',
      missingPermission: 'read_insights',
    });
    expect(await noticesOf(f.admin.userId)).toHaveLength(2);
  });

  it('connecting a page whose login left out a permission is refused, naming the permission', async () => {
    f.fake.dialog.declineScopes = ['pages_manage_posts'];
    try {
      const loginId = await loginThroughRoutes(f);
      const refused = await f.t.request(f.admin, {
        method: 'POST',
        url: `/api/workspaces/${f.workspaceId}/social/channels`,
        payload: { loginId, externalIds: ['20002'] },
        headers: { 'accept-language': 'fr' },
      });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'CHANNEL_PERMISSION_MISSING', params: { permission: 'pages_manage_posts' } });
      expect(refused.json().message).toContain('pages_manage_posts');
    } finally {
      f.fake.dialog.declineScopes = [];
    }
  });

  it('a network that cannot answer changes nothing', async () => {
    const id = await connectPage(f, '20002');
    f.fake.inject({
      path: '/debug_token',
      fault: { kind: 'graph-error', status: 503, error: { message: 'down', type: 'OAuthException', code: 2 } },
    });
    expect(await checkChannel(f.t.platform, id)).toMatchObject({ result: 'unknown', errorKind: 'transient' });
    expect((await channelRow(id))?.status).toBe('connected');
  });
});

describe('disconnecting', () => {
  it('forgets the token, keeps the row, and is audited; another workspace cannot', async () => {
    const id = await connectPage(f, '20002');
    const elsewhere = await f.t.make.workspace();
    const stranger = await f.t.signIn((await f.t.make.member(elsewhere.id, 'admin')).email);
    expect(
      (await f.t.request(stranger, { method: 'DELETE', url: `/api/workspaces/${elsewhere.id}/social/channels/${id}` })).statusCode,
    ).toBe(404);
    const done = await f.t.request(f.admin, { method: 'DELETE', url: `/api/workspaces/${f.workspaceId}/social/channels/${id}` });
    expect(done.json()).toMatchObject({ id, status: 'disconnected' });
    expect(await channelRow(id)).toMatchObject({ status: 'disconnected', accessTokenSealed: '' });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'social.channel.disconnect')));
    expect(audits.map((entry) => entry.actorUserId)).toEqual([f.admin.userId]);
    expect(await checkChannel(f.t.platform, id)).toMatchObject({ result: 'disconnected' });
  });

  it('the registry serves the same channel (and its usage memory) for the same configuration', () => {
    expect(channelFor(f.t.platform, 'facebook')).toBe(channelFor(f.t.platform, 'facebook'));
    expect(() => channelFor(f.t.platform, 'myspace')).toThrow(/no channel/);
  });
});
