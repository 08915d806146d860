/**
 * The inbox routes against the fake Graph API: the list (keyset, filters, open count), permissions
 * and workspaces, a reply in Arabic arriving intact on the page, a double click posting once, hide
 * and unhide on the page, the handled state, and the audit of each write.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialComments } from '../../src/server/modules/social/social.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import type { InboxThread } from '../../src/shared/social/inbox.schema.js';
import { type InboxFixture, PAGE, startInboxFixture } from '../helpers/social-inbox-fixture.js';

let f: InboxFixture;

beforeAll(async () => {
  f = await startInboxFixture({ days: 12 });
  await f.sync();
});
afterAll(async () => {
  await f.stop();
});

const db = () => f.t.platform.database.db;
const post = (path: string, payload: object, session = f.officer) => f.t.request(session, { method: 'POST', url: f.url(path), payload });

async function auditActions(entityIds: string[]) {
  const rows = await db()
    .select({ action: auditLog.action, entityId: auditLog.entityId })
    .from(auditLog)
    .where(and(eq(auditLog.workspaceId, f.workspaceId), inArray(auditLog.entityId, entityIds)))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  return rows.map((row) => row.action);
}

describe('inbox list', () => {
  it('pages every thread newest activity first, by keyset, each once', async () => {
    const threads = (await f.rows()).filter((row) => !row.parentExternalId && !row.isFromPage);
    const seen: InboxThread[] = [];
    let cursor: string | null = null;
    do {
      const page = await f.list({ state: 'all', limit: 4, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((item) => item.id).sort()).toEqual(threads.map((row) => row.id).sort());
    const times = seen.map((item) => Date.parse(item.activityAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const withReply = seen.find((item) => item.replies.length > 0);
    expect(withReply?.replies[0]?.author.isPage).toBe(true);
    expect(withReply?.post.excerpt).toBeTruthy();
  });

  it('filters by language, post and state, and counts open threads under the same filters', async () => {
    const all = await f.list({ state: 'all', limit: 100 });
    const arabic = await f.list({ language: 'ar', limit: 100 });
    expect(arabic.items.length).toBeGreaterThan(0);
    expect(arabic.items.every((item) => item.language === 'ar')).toBe(true);
    expect(arabic.openCount).toBe(all.items.filter((item) => item.language === 'ar').length);
    const target = all.items[0]?.post.externalId ?? '';
    const onPost = await f.list({ post: target, state: 'all' });
    expect(onPost.items.length).toBeGreaterThan(0);
    expect(onPost.items.every((item) => item.post.externalId === target)).toBe(true);
    const posts = await f.t.request(f.viewer, { method: 'GET', url: f.url('/posts') });
    expect(posts.statusCode).toBe(200);
    expect(posts.json().items.find((item: { externalId: string }) => item.externalId === target)).toMatchObject({
      threads: onPost.items.length,
    });
    expect((await f.list({ state: 'hidden' })).items).toEqual([]);
  });

  it('lets a viewer read but not act, and keeps other workspaces out', async () => {
    const thread = (await f.list({ limit: 1 })).items[0] as InboxThread;
    expect((await f.list({}, f.viewer)).items.length).toBeGreaterThan(0);
    const refused = await post(`/comments/${thread.id}/replies`, { message: 'Bonjour', idempotencyKey: randomUUID() }, f.viewer);
    expect(refused.statusCode).toBe(403);
    expect((await post(`/comments/${thread.id}/handled`, { handled: true }, f.viewer)).statusCode).toBe(403);
    expect((await post('/refresh', {}, f.viewer)).statusCode).toBe(403);

    const other = await f.t.make.workspace();
    const outsider = await f.t.signIn((await f.t.make.member(other.id, 'officer')).email);
    const elsewhere = await f.t.request(outsider, {
      method: 'POST',
      url: `/api/workspaces/${other.id}/social/inbox/comments/${thread.id}/handled`,
      payload: { handled: true },
    });
    expect(elsewhere.statusCode).toBe(404);
    expect((await f.t.request(outsider, { method: 'GET', url: f.url() })).statusCode).toBe(404);
    const theirs = await f.t.request(outsider, { method: 'GET', url: `/api/workspaces/${other.id}/social/inbox?state=all` });
    expect(theirs.json().items).toEqual([]);
  });
});

describe('replies', () => {
  it('posts a reply in Arabic to the page, intact, threaded under the comment, audited', async () => {
    const thread = await f.threadOf((item) => item.language === 'ar' && item.replies.length === 0);
    const message = 'شكرًا لكِ يا فاطمة! التسجيل مفتوح حتى ٣٠ سبتمبر عبر الرابط altermed.org/forum 🌿\nمرحبًا بكم في «ألترميد»';
    const response = await post(`/comments/${thread.id}/replies`, { message, idempotencyKey: randomUUID() });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json() as InboxThread;
    expect(body.id).toBe(thread.id);
    expect(body.replies).toHaveLength(1);
    expect(body.replies[0]).toMatchObject({
      message,
      language: 'ar',
      author: { isPage: true },
      reply: { state: 'sent', sentByName: 'Test officer' },
    });
    const onPage = f.fake.state.comments.filter((comment) => comment.message === message);
    expect(onPage).toHaveLength(1);
    expect(onPage[0]).toMatchObject({ parentId: thread.externalId, fromId: PAGE, postId: thread.post.externalId });
    expect(body.replies[0]?.externalId).toBe(onPage[0]?.id);
    // Replying leaves the thread open: "handled" is the officer's own call.
    expect(body.handled).toBeNull();
    expect(await auditActions([body.replies[0]?.id ?? ''])).toEqual(['social.comment.reply']);
    // The sync reads the reply back as the same comment.
    expect((await f.sync())[0]).toMatchObject({ added: 0 });
    expect((await f.rows()).filter((row) => row.message === message)).toHaveLength(1);
  });

  it('posts once on a double click (the same idempotency key twice at once, then again)', async () => {
    const thread = await f.threadOf((item) => item.language === 'fr' && item.replies.length === 0);
    const message = 'Merci Karim ! Les inscriptions sont ouvertes jusqu’au 30 septembre.';
    const idempotencyKey = randomUUID();
    const answers = await Promise.all([
      post(`/comments/${thread.id}/replies`, { message, idempotencyKey }),
      post(`/comments/${thread.id}/replies`, { message, idempotencyKey }),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 201]);
    const again = await post(`/comments/${thread.id}/replies`, { message, idempotencyKey });
    expect(again.statusCode).toBe(200);
    expect((again.json() as InboxThread).replies.map((reply) => reply.message)).toEqual([message]);
    expect(f.fake.state.comments.filter((comment) => comment.message === message)).toHaveLength(1);
    expect((await f.rows()).filter((row) => row.message === message)).toHaveLength(1);
    // The same key for other words is a mistake, not a new reply.
    const changed = await post(`/comments/${thread.id}/replies`, { message: 'Autre chose', idempotencyKey });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().code).toBe('CONFLICT');
    // A new key is a new reply.
    expect((await post(`/comments/${thread.id}/replies`, { message, idempotencyKey: randomUUID() })).statusCode).toBe(201);
    expect(f.fake.state.comments.filter((comment) => comment.message === message)).toHaveLength(2);
  });

  it('files a reply to a reply under its thread, and refuses an empty one', async () => {
    const thread = await f.threadOf((item) => item.replies.length > 0 && item.replies.every((reply) => reply.author.isPage));
    const pageReply = thread.replies[0] as InboxThread['replies'][number];
    const response = await post(`/comments/${pageReply.id}/replies`, {
      message: 'Précision : c’est gratuit.',
      idempotencyKey: randomUUID(),
    });
    expect(response.statusCode, response.body).toBe(201);
    expect((response.json() as InboxThread).id).toBe(thread.id);
    expect((response.json() as InboxThread).replies.at(-1)?.message).toBe('Précision : c’est gratuit.');
    const empty = await post(`/comments/${thread.id}/replies`, { message: '   ', idempotencyKey: randomUUID() });
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().fields)).toContain('message');
  });
});

describe('hide and handled', () => {
  it('hides a comment on the page and shows it again, audited; the page’s own reply cannot be hidden', async () => {
    const thread = await f.threadOf((item) => item.language === 'fr');
    const hidden = await post(`/comments/${thread.id}/hide`, { hidden: true });
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json().isHidden).toBe(true);
    expect(f.fake.state.comments.find((comment) => comment.id === thread.externalId)?.isHidden).toBe(true);
    expect((await f.list({ state: 'hidden' })).items.map((item) => item.id)).toEqual([thread.id]);
    expect((await f.list({ limit: 100 })).items.some((item) => item.id === thread.id)).toBe(false);
    // Hiding twice asks the page once.
    const calls = f.fake.requests.length;
    expect((await post(`/comments/${thread.id}/hide`, { hidden: true })).statusCode).toBe(200);
    expect(f.fake.requests.length).toBe(calls);

    const shown = await post(`/comments/${thread.id}/hide`, { hidden: false });
    expect(shown.json().isHidden).toBe(false);
    expect(f.fake.state.comments.find((comment) => comment.id === thread.externalId)?.isHidden).toBe(false);
    expect(await auditActions([thread.id])).toEqual(['social.comment.hide', 'social.comment.unhide']);

    const withPageReply = await f.threadOf((item) => item.replies.some((reply) => reply.author.isPage));
    const pageReply = withPageReply.replies.find((reply) => reply.author.isPage);
    const refused = await post(`/comments/${pageReply?.id}/hide`, { hidden: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_STATE');
  });

  it('marks a thread handled and open again, with who and when, and the open count follows', async () => {
    const before = await f.list({ limit: 100 });
    const thread = before.items[0] as InboxThread;
    const handled = await post(`/comments/${thread.id}/handled`, { handled: true });
    expect(handled.statusCode, handled.body).toBe(200);
    expect(handled.json().handled).toMatchObject({ byName: 'Test officer' });
    const after = await f.list({ limit: 100 });
    expect(after.openCount).toBe(before.openCount - 1);
    expect(after.items.some((item) => item.id === thread.id)).toBe(false);
    expect((await f.list({ state: 'handled' })).items.map((item) => item.id)).toContain(thread.id);

    const reopened = await post(`/comments/${thread.id}/handled`, { handled: false });
    expect(reopened.json().handled).toBeNull();
    expect((await f.list({ limit: 100 })).openCount).toBe(before.openCount);
    expect((await auditActions([thread.id])).filter((action) => !action.includes('hide'))).toEqual([
      'social.comment.handled',
      'social.comment.reopened',
    ]);

    const [reply] = await db()
      .select()
      .from(socialComments)
      .where(and(eq(socialComments.workspaceId, f.workspaceId), eq(socialComments.isFromPage, true)))
      .limit(1);
    const refused = await post(`/comments/${reply?.id}/handled`, { handled: true });
    expect(refused.statusCode).toBe(409);
  });

  it('says when each page was last read', async () => {
    const status = await f.t.request(f.viewer, { method: 'GET', url: f.url('/status') });
    expect(status.statusCode).toBe(200);
    expect(status.json().channels).toEqual([
      expect.objectContaining({ channelId: f.channelId, status: 'connected', lastErrorKind: null, syncedAt: expect.any(String) }),
    ]);
  });
});
