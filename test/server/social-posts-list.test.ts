/**
 * The posts list as the composer's list page reads it: filtered by the language a post is written
 * in, by page and campaign, and ordered either newest first or the next to go out first, page by page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localized } from '../../src/shared/localized-text.js';
import {
  bilingualPost,
  createPost,
  createPostsFixture,
  type PostsFixture,
  schedule,
  setReviewState,
} from '../helpers/social-posts-fixture.js';

let f: PostsFixture;
const ids: Record<string, string> = {};

async function list(query: string) {
  const response = await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`?${query}`) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Array<{ id: string; scheduledAt: string | null }>; nextCursor: string | null };
}

async function scheduleAt(postId: string, date: string, time: string) {
  await setReviewState(f, postId, 'approved');
  const response = await schedule(f, f.officer, postId, { mode: 'at', date, time });
  expect(response.statusCode, response.body).toBe(200);
}

beforeAll(async () => {
  f = await createPostsFixture({ timeZone: 'Africa/Tunis' });
  ids.both = (await createPost(f, f.contributor)).id;
  ids.arabic = (
    await createPost(
      f,
      f.contributor,
      bilingualPost(f.channelId, { text: localized({ ar: 'ورشة في صفاقس' }), hashtags: {}, firstComment: {} }),
    )
  ).id;
  ids.french = (
    await createPost(
      f,
      f.contributor,
      bilingualPost(f.channelId, { text: localized({ fr: 'Atelier à Sfax' }), hashtags: {}, firstComment: {} }),
    )
  ).id;
  ids.later = (await createPost(f, f.contributor)).id;
  ids.sooner = (await createPost(f, f.contributor)).id;
  ids.soonest = (await createPost(f, f.contributor)).id;
  await scheduleAt(ids.later, '2099-03-10', '18:00');
  await scheduleAt(ids.sooner, '2099-03-10', '10:00');
  await scheduleAt(ids.soonest, '2099-03-02', '09:00');
}, 120_000);

afterAll(async () => {
  await f?.t.close();
});

describe('the posts list', { timeout: 60_000 }, () => {
  it('keeps the posts written in a language (with text in it), newest first', async () => {
    const arabic = await list('language=ar');
    expect(arabic.items.map((item) => item.id)).toEqual([ids.soonest, ids.sooner, ids.later, ids.arabic, ids.both]);
    const french = await list('language=fr');
    expect(french.items.map((item) => item.id)).not.toContain(ids.arabic);
    expect(french.items.map((item) => item.id)).toContain(ids.french);
    const refused = await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl('?language=de') });
    expect(refused.statusCode).toBe(400);
  });

  it('lists the next to go out first, page by page, and only posts on their way', async () => {
    const first = await list('order=next&limit=2');
    expect(first.items.map((item) => item.id)).toEqual([ids.soonest, ids.sooner]);
    expect(first.nextCursor).not.toBeNull();
    const second = await list(`order=next&limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([ids.later]);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]?.scheduledAt).toBe('2099-03-02T08:00:00.000Z');
  });

  it('combines the order with the filters', async () => {
    const arabicNext = await list('order=next&language=ar&status=scheduled');
    expect(arabicNext.items.map((item) => item.id)).toEqual([ids.soonest, ids.sooner, ids.later]);
    const drafts = await list('order=next&status=draft');
    expect(drafts.items).toEqual([]);
    const otherPage = await list(`channelId=${f.otherChannelId}`);
    expect(otherPage.items).toEqual([]);
  });
});
