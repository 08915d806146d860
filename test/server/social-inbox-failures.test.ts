/**
 * The inbox when Facebook fails: an expired token or a missing permission while replying or hiding
 * (the page marked, a clear error, nothing left half-done), a lost answer (the reply looked for on the
 * page, never posted twice, found later by the sync), throttling, and "refresh now".
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacebookChannel } from '../../src/server/modules/social/channels/facebook/facebook-channel.js';
import { channelFor } from '../../src/server/modules/social/channels/registry.js';
import { socialChannels, socialComments } from '../../src/server/modules/social/social.tables.js';
import type { InboxThread } from '../../src/shared/social/inbox.schema.js';
import { faults } from '../fakes/graph-api/index.js';
import { type InboxFixture, PAGE, startInboxFixture } from '../helpers/social-inbox-fixture.js';

let f: InboxFixture;

beforeAll(async () => {
  f = await startInboxFixture({ days: 8 });
  await f.sync();
});
afterAll(async () => {
  await f.stop();
});

const post = (path: string, payload: object = {}, session = f.officer) =>
  f.t.request(session, { method: 'POST', url: f.url(path), payload });
const channelRow = async () => (await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.id, f.channelId)))[0];
const commentWrites = () => f.fake.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/comments')).length;

/** Lifts what the app's Graph client remembers of a throttled page, for the next test. */
function forgetThrottling() {
  const gate = (channelFor(f.t.platform, 'facebook') as FacebookChannel).client.gate;
  gate.record(PAGE, { highestPercent: 1 });
  gate.record('app', { highestPercent: 1 });
}

async function openThread(language: 'ar' | 'fr'): Promise<InboxThread> {
  return f.threadOf((item) => item.language === language && item.replies.length === 0);
}

describe('a token that stops working', () => {
  it('marks the page on a reply with an expired token, says so in the officer’s language, and keeps nothing', async () => {
    const thread = await openThread('ar');
    f.fake.inject({ method: 'POST', path: `/${thread.externalId}/comments`, fault: faults.expiredToken() });
    const refused = await post(`/comments/${thread.id}/replies`, { message: 'شكرًا لكم', idempotencyKey: randomUUID() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'NEEDS_RECONNECTION' });
    expect(refused.json().message).toMatch(/[\u0600-\u06ff]/);
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-expired' });
    expect((await f.rows()).some((row) => row.message === 'شكرًا لكم')).toBe(false);

    // Until an admin reconnects it, nothing is sent to the page.
    const writes = commentWrites();
    const again = await post(`/comments/${thread.id}/replies`, { message: 'شكرًا لكم', idempotencyKey: randomUUID() });
    expect(again.json().code).toBe('NEEDS_RECONNECTION');
    expect((await post(`/comments/${thread.id}/hide`, { hidden: true })).json().code).toBe('NEEDS_RECONNECTION');
    expect(commentWrites()).toBe(writes);
    await f.setChannelStatus('connected');
  });

  it('names the permission missing when hiding, and marks the page', async () => {
    const thread = await openThread('fr');
    f.fake.inject({ method: 'POST', path: `/${thread.externalId}`, fault: faults.permissionDenied('pages_manage_engagement') });
    const refused = await post(`/comments/${thread.id}/hide`, { hidden: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'CHANNEL_PERMISSION_MISSING', params: { permission: 'pages_manage_engagement' } });
    expect(await channelRow()).toMatchObject({ status: 'needs_reconnection', statusReason: 'permission-missing:pages_manage_engagement' });
    expect((await f.rows()).find((row) => row.id === thread.id)?.isHidden).toBe(false);
    await f.setChannelStatus('connected');
  });
});

describe('a lost answer', () => {
  it('finds the reply on the page after a 500 that followed its creation: one copy, sent', async () => {
    const thread = await openThread('fr');
    const message = 'Bonjour Sophie, la rediffusion sera en ligne vendredi.';
    f.fake.inject({ method: 'POST', path: `/${thread.externalId}/comments`, fault: faults.errorAfterWrite() });
    const response = await post(`/comments/${thread.id}/replies`, { message, idempotencyKey: randomUUID() });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as InboxThread).replies).toEqual([
      expect.objectContaining({ message, reply: expect.objectContaining({ state: 'sent' }) }),
    ]);
    expect(f.fake.state.comments.filter((comment) => comment.message === message)).toHaveLength(1);
  });

  it('keeps a reply whose fate is unknown, never sends it twice, and lets the sync find it', async () => {
    const thread = await openThread('ar');
    const message = 'سنرسل لكم الصور قريبًا إن شاء الله.';
    const idempotencyKey = randomUUID();
    f.fake.inject({ method: 'POST', path: `/${thread.externalId}/comments`, fault: faults.errorAfterWrite() });
    // The page cannot be read right after either.
    f.fake.inject({ method: 'GET', path: `/${thread.post.externalId}/comments`, fault: faults.serviceUnavailable() });
    const unknown = await post(`/comments/${thread.id}/replies`, { message, idempotencyKey });
    expect(unknown.statusCode).toBe(502);
    expect(unknown.json().code).toBe('CHANNEL_UNAVAILABLE');

    const writes = commentWrites();
    const retried = await post(`/comments/${thread.id}/replies`, { message, idempotencyKey });
    expect(retried.statusCode).toBe(200);
    expect((retried.json() as InboxThread).replies).toEqual([
      expect.objectContaining({ message, externalId: null, reply: expect.objectContaining({ state: 'unknown' }) }),
    ]);
    expect(commentWrites()).toBe(writes);

    await f.sync();
    const rows = (await f.rows()).filter((row) => row.message === message);
    const onPage = f.fake.state.comments.filter((comment) => comment.message === message);
    expect(onPage).toHaveLength(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ externalId: onPage[0]?.id, replyState: 'sent', idempotencyKey });
  });
});

describe('a process stopped mid-reply', () => {
  it('leaves the reply "sending"; the sync takes it when it is on the page, says unknown when not', async () => {
    const [thread, other] = [await openThread('fr'), await openThread('ar')];
    const db = f.t.platform.database.db;
    const longAgo = new Date(Date.now() - 20 * 60_000);
    const pending = (target: InboxThread, message: string) => ({
      workspaceId: f.workspaceId,
      channelId: f.channelId,
      postExternalId: target.post.externalId,
      parentExternalId: target.externalId,
      isFromPage: true,
      message,
      networkCreatedAt: longAgo,
      activityAt: longAgo,
      replyState: 'sending',
      idempotencyKey: randomUUID(),
      requestSentAt: longAgo,
    });
    await db.insert(socialComments).values([pending(thread, 'Réponse partie avant l’arrêt'), pending(other, 'رد لم يصل')]);
    // The first one did reach the page before the process stopped.
    const made = f.fake.simulateComment(thread.post.externalId, {
      message: 'Réponse partie avant l’arrêt',
      fromName: 'AlterMed',
      fromId: PAGE,
      parentId: thread.externalId ?? '',
    });
    await f.sync();
    const rows = await f.rows();
    expect(rows.filter((row) => row.message === 'Réponse partie avant l’arrêt')).toEqual([
      expect.objectContaining({ replyState: 'sent', externalId: made.id }),
    ]);
    expect(rows.filter((row) => row.message === 'رد لم يصل')).toEqual([
      expect.objectContaining({ replyState: 'unknown', externalId: null }),
    ]);
  });
});

describe('refresh now and throttling', () => {
  it('reads new comments at once, and says how it went', async () => {
    const newest = f.fake.postsOf(PAGE).at(-1);
    f.fake.simulateComment(newest?.id ?? '', { message: 'Est-ce que l’atelier sera filmé ?', fromName: 'Leïla Haddad', fromId: '30004' });
    const refreshed = await post('/refresh');
    expect(refreshed.statusCode, refreshed.body).toBe(200);
    expect(refreshed.json().channels).toEqual([{ channelId: f.channelId, result: 'synced', added: 1, changed: 0 }]);
    const listed = await f.list({ limit: 1 });
    expect(listed.items[0]).toMatchObject({
      message: 'Est-ce que l’atelier sera filmé ?',
      language: 'fr',
      author: { name: 'Leïla Haddad' },
    });
  });

  it('refuses a reply while Facebook throttles the page, and keeps nothing', async () => {
    const thread = await openThread('fr');
    f.fake.inject({ method: 'POST', path: `/${thread.externalId}/comments`, fault: faults.pageThrottled(5) });
    const refused = await post(`/comments/${thread.id}/replies`, { message: 'Merci !', idempotencyKey: randomUUID() });
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('CHANNEL_THROTTLED');
    expect((await f.rows()).some((row) => row.message === 'Merci !')).toBe(false);
    expect(await channelRow()).toMatchObject({ status: 'connected' });

    // The refresh meets the same limit: an error when no page could be read.
    const throttled = await post('/refresh');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().code).toBe('CHANNEL_THROTTLED');
    forgetThrottling();
  });
});
