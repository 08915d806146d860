/**
 * The comments sync against the fake Graph API through the real Facebook channel: what it reads (the
 * last 14 days of posts, every page of a long thread, then only what is new), that a second run
 * changes nothing, threads and languages, the link to our posts, reopening, a page needing
 * reconnection skipped, an expired token marking the page, throttling honoured across processes.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FacebookChannel } from '../../src/server/modules/social/channels/facebook/facebook-channel.js';
import { INBOX_POST_WINDOW_DAYS, INBOX_SINCE_OVERLAP_MS } from '../../src/server/modules/social/comment-sync.js';
import { socialChannels, socialCommentSyncs, socialPosts, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { faults } from '../fakes/graph-api/index.js';
import { type InboxFixture, PAGE, startInboxFixture } from '../helpers/social-inbox-fixture.js';

const DAY = 86_400_000;
let f: InboxFixture;

beforeAll(async () => {
  f = await startInboxFixture({ days: 20 });
});
afterAll(async () => {
  await f.stop();
});

const db = () => f.t.platform.database.db;

function recentPostIds(): Set<string> {
  const since = Date.now() - INBOX_POST_WINDOW_DAYS * DAY;
  return new Set(
    f.fake
      .postsOf(PAGE)
      .filter((post) => post.createdTime >= since)
      .map((post) => post.id),
  );
}

describe('comment sync', () => {
  it('stores the comments of the last 14 days of posts, threaded, with their language; a second run changes nothing', async () => {
    const recent = recentPostIds();
    const expected = f.fake.state.comments.filter((comment) => recent.has(comment.postId));
    const older = f.fake.state.comments.filter((comment) => !recent.has(comment.postId));
    expect(expected.length).toBeGreaterThan(5);
    expect(older.length).toBeGreaterThan(0);

    const [first] = await f.sync();
    expect(first).toMatchObject({ channelId: f.channelId, result: 'synced', added: expected.length, changed: 0 });
    const rows = await f.rows();
    expect(rows.map((row) => row.externalId).sort()).toEqual(expected.map((comment) => comment.id).sort());
    for (const comment of expected) {
      const row = rows.find((candidate) => candidate.externalId === comment.id);
      expect(row?.message).toBe(comment.message);
      expect(row?.postExternalId).toBe(comment.postId);
      expect(row?.parentExternalId ?? undefined).toBe(comment.parentId);
      expect(row?.isFromPage).toBe(comment.fromId === PAGE);
      expect(row?.language).toBe(/[\u0600-\u06ff]/.test(comment.message) ? 'ar' : 'fr');
      expect(row?.postExcerpt.length).toBeGreaterThan(10);
    }
    expect(rows.some((row) => row.isFromPage && row.parentExternalId)).toBe(true);

    const [second] = await f.sync();
    expect(second).toMatchObject({ result: 'synced', added: 0, changed: 0 });
    const again = await f.rows();
    const shape = (list: typeof rows) =>
      list
        .map((row) => ({ id: row.id, updatedAt: row.updatedAt.toISOString(), activityAt: row.activityAt.toISOString() }))
        .sort((a, b) => a.id.localeCompare(b.id));
    expect(shape(again)).toEqual(shape(rows));
    const [state] = await db().select().from(socialCommentSyncs).where(eq(socialCommentSyncs.channelId, f.channelId));
    expect(state?.syncedAt).toBeInstanceOf(Date);
    expect(state?.lastErrorKind).toBeNull();
  });

  it('reads every page of a long thread, then asks only for comments since the newest one stored, less an hour', async () => {
    const post = f.fake.postsOf(PAGE).at(-1);
    if (!post) throw new Error('no post');
    const before = f.fake.requests.length;
    for (let index = 0; index < 230; index++) {
      f.fake.simulateComment(post.id, {
        message: index % 2 ? `Commentaire numéro ${index}` : `التعليق رقم ${index}`,
        fromName: index % 2 ? 'Nadia Lamrani' : 'سلمى بن يوسف',
        fromId: String(40000 + index),
      });
    }
    const [report] = await f.sync();
    expect(report).toMatchObject({ result: 'synced', added: 230, changed: 0 });
    const reads = f.fake.requests.slice(before).filter((request) => request.path === `/${post.id}/comments`);
    // 230 comments at 100 a page: three pages, the later ones by Graph's `after` cursor.
    expect(reads).toHaveLength(3);
    expect(reads.filter((request) => request.params.after)).toHaveLength(2);
    expect(reads[0]?.params.filter).toBe('stream');
    const newestBefore = Math.max(
      ...f.fake.state.comments
        .filter((comment) => comment.postId === post.id && !comment.message.includes('numéro') && !comment.message.includes('رقم'))
        .map((comment) => comment.createdTime),
    );
    expect(Number(reads[0]?.params.since)).toBe(Math.floor((newestBefore - INBOX_SINCE_OVERLAP_MS) / 1000));
    const stored = (await f.rows()).filter((row) => row.postExternalId === post.id && row.authorExternalId?.startsWith('4'));
    expect(stored).toHaveLength(230);
    expect(stored.filter((row) => row.language === 'ar')).toHaveLength(115);
  });

  it('links comments to our post through the publication ledger', async () => {
    const post = f.fake.postsOf(PAGE).at(-2);
    if (!post) throw new Error('no post');
    const [ours] = await db()
      .insert(socialPosts)
      .values({ workspaceId: f.workspaceId, channelId: f.channelId, status: 'published', text: {} })
      .returning();
    await db()
      .insert(socialPublications)
      .values({
        workspaceId: f.workspaceId,
        postId: ours?.id as string,
        channelId: f.channelId,
        target: 'together',
        idempotencyKey: `inbox-test-${post.id}`,
        state: 'published',
        message: post.message,
        fingerprint: 'x',
        externalPostId: post.id,
      });
    const [report] = await f.sync();
    expect(report?.changed).toBeGreaterThan(0);
    const rows = (await f.rows()).filter((row) => row.postExternalId === post.id);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.postId === ours?.id)).toBe(true);
    expect((await f.sync())[0]).toMatchObject({ added: 0, changed: 0 });
  });

  it('opens a handled thread again when a person replies, not when the page does', async () => {
    const thread = await f.threadOf((item) => item.replies.length === 0 && item.post.externalId === f.fake.postsOf(PAGE).at(-1)?.id);
    const handled = await f.t.request(f.officer, {
      method: 'POST',
      url: f.url(`/comments/${thread.id}/handled`),
      payload: { handled: true },
    });
    expect(handled.statusCode, handled.body).toBe(200);
    f.fake.simulateComment(thread.post.externalId, {
      message: 'Merci pour votre réponse',
      fromName: 'La page',
      fromId: PAGE,
      parentId: thread.externalId ?? '',
    });
    await f.sync();
    const stillHandled = (await f.rows()).find((row) => row.id === thread.id);
    expect(stillHandled?.handledAt).toBeInstanceOf(Date);

    const reply = f.fake.simulateComment(thread.post.externalId, {
      message: 'وهل التسجيل ما زال مفتوحًا؟',
      fromName: 'سلمى بن يوسف',
      fromId: '40999',
      parentId: thread.externalId ?? '',
    });
    await f.sync();
    const reopened = (await f.rows()).find((row) => row.id === thread.id);
    expect(reopened?.handledAt).toBeNull();
    expect(reopened?.activityAt.getTime()).toBe(Math.floor(reply.createdTime / 1000) * 1000);
    const listed = await f.list({ limit: 1 });
    expect(listed.items[0]?.id).toBe(thread.id);
    expect(listed.items[0]?.replies.map((item) => item.message)).toEqual(['Merci pour votre réponse', 'وهل التسجيل ما زال مفتوحًا؟']);
  });

  it('skips a page that needs reconnection without calling Facebook', async () => {
    await f.setChannelStatus('needs_reconnection', 'token-expired');
    const before = f.fake.requests.length;
    expect(await f.sync()).toEqual([]);
    const skipped = await f.t.request(f.officer, { method: 'POST', url: f.url('/refresh') });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().code).toBe('NEEDS_RECONNECTION');
    expect(f.fake.requests.length).toBe(before);
    await f.setChannelStatus('connected');
  });

  it('marks the page when its token has expired, and tells the admins once', async () => {
    f.fake.inject({ path: `/${PAGE}/published_posts`, fault: faults.expiredToken(), times: 2 });
    const [report] = await f.sync();
    expect(report?.result).toBe('needs-reconnection');
    const [channel] = await db().select().from(socialChannels).where(eq(socialChannels.id, f.channelId));
    expect(channel).toMatchObject({ status: 'needs_reconnection', statusReason: 'token-expired' });
    const told = await db()
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, f.admin.userId), eq(notifications.kind, 'social-channel-needs-reconnection')));
    expect(told).toHaveLength(1);
    f.fake.clearFaults();
    await f.setChannelStatus('connected');
  });

  it('stops a throttled page until the time Facebook gives, in every process', async () => {
    const clock = { now: new Date() };
    // Each sync below is "another process": its own channel, so its own in-memory usage gate.
    const process = () => {
      const channel = new FacebookChannel({
        graphUrl: f.fake.url,
        dialogUrl: f.fake.url,
        version: 'v26.0',
        appId: f.fake.appId,
        appSecret: f.fake.appSecret,
        sleep: async () => {},
      });
      const token = f.fake.issuePageToken(PAGE);
      return { now: () => clock.now, resolveChannel: () => ({ channel, account: { externalId: PAGE, accessToken: token } }) };
    };
    f.fake.inject({ path: /\/comments$/, fault: faults.pageThrottled(12) });
    const [first] = await f.sync(process());
    expect(first).toMatchObject({ result: 'throttled' });
    expect(first?.error?.kind).toBe('throttled');
    const [state] = await db().select().from(socialCommentSyncs).where(eq(socialCommentSyncs.channelId, f.channelId));
    expect(state?.lastErrorKind).toBe('throttled');
    const wait = first?.error?.retryAfterMs ?? 0;
    expect(wait).toBeGreaterThanOrEqual(60_000);
    expect(state?.notBefore?.getTime()).toBe(clock.now.getTime() + wait);

    const before = f.fake.requests.length;
    clock.now = new Date(clock.now.getTime() + wait - 60_000);
    expect((await f.sync(process()))[0]).toMatchObject({ result: 'throttled' });
    expect(f.fake.requests.length).toBe(before);

    clock.now = new Date(clock.now.getTime() + 61_000);
    expect((await f.sync(process()))[0]).toMatchObject({ result: 'synced' });
    expect(f.fake.requests.length).toBeGreaterThan(before);
    const [after] = await db().select().from(socialCommentSyncs).where(eq(socialCommentSyncs.channelId, f.channelId));
    expect(after).toMatchObject({ lastErrorKind: null, notBefore: null });
  });
});
