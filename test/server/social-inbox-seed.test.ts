/**
 * The demo's inbox: the sandbox page's month of comments read once by the demo seed, each on the
 * post recorded for it, the threads the page answered marked handled, the others open, in Arabic and
 * in French; the five-minute sync finds nothing more afterwards.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommentSync } from '../../src/server/modules/social/comment-sync.js';
import { seedSocialPostsDemo } from '../../src/server/modules/social/social.seed.js';
import { socialComments } from '../../src/server/modules/social/social.tables.js';
import type { InboxPage } from '../../src/shared/social/inbox.schema.js';
import { FakeGraphApi } from '../fakes/graph-api/index.js';
import { createPostsFixture, type PostsFixture } from '../helpers/social-posts-fixture.js';

const PAGE = '20001';
let fake: FakeGraphApi;
let f: PostsFixture;

beforeAll(async () => {
  fake = await new FakeGraphApi().start();
  fake.seed(PAGE, { days: 30 });
  f = await createPostsFixture({
    channelToken: fake.issuePageToken(PAGE),
    env: { FACEBOOK_GRAPH_URL: fake.url, FACEBOOK_DIALOG_URL: fake.url, FACEBOOK_APP_ID: fake.appId, FACEBOOK_APP_SECRET: fake.appSecret },
  });
});
afterAll(async () => {
  await f.t.close();
  await fake.stop();
});

describe('the demo’s inbox', () => {
  it('holds the sandbox page’s month of comments, answered threads handled, the rest open', async () => {
    await seedSocialPostsDemo(f.t.platform, f.workspaceId, f.channelId);
    const db = f.t.platform.database.db;
    const rows = await db.select().from(socialComments).where(eq(socialComments.workspaceId, f.workspaceId));
    expect(rows.map((row) => row.externalId).sort()).toEqual(fake.state.comments.map((comment) => comment.id).sort());
    expect(rows.every((row) => row.postId)).toBe(true);

    const threads = rows.filter((row) => !row.parentExternalId && !row.isFromPage);
    const answered = new Set(rows.filter((row) => row.isFromPage).map((row) => row.parentExternalId));
    for (const thread of threads) expect(Boolean(thread.handledAt)).toBe(answered.has(thread.externalId));
    const open = threads.filter((thread) => !thread.handledAt);
    expect(new Set(open.map((thread) => thread.language))).toEqual(new Set(['ar', 'fr']));

    const response = await f.t.request(f.officer, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/social/inbox` });
    const page = response.json() as InboxPage;
    expect(page.openCount).toBe(open.length);
    expect(page.items[0]?.post.postId).toBeTruthy();

    const [again] = await createCommentSync(f.t.platform).syncAll(f.workspaceId);
    expect(again).toMatchObject({ result: 'synced', added: 0, changed: 0 });
  });
});
