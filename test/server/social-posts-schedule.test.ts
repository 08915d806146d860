/**
 * Scheduling posts: only once approved (through the real workflow), at a wall-clock time of the
 * workspace (Paris here, across both DST changes), at the next free queue slot, moved by the
 * calendar's drag, taken off the schedule, sent back to review by an edit, shown on the calendar.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialChannels } from '../../src/server/modules/social/social.tables.js';
import { assetConsents } from '../../src/server/modules/studio/studio.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { addDays, calendarDateAt, weekdayOf, zonedDateTimeToInstant } from '../../src/shared/planning/calendar-date.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../src/shared/social/posts.schema.js';
import {
  ARABIC_TEXT,
  bilingualPost,
  createPost,
  createPostsFixture,
  makeChannel,
  type PostsFixture,
  schedule,
  setReviewState,
} from '../helpers/social-posts-fixture.js';

const PARIS = 'Europe/Paris';
let f: PostsFixture;

beforeAll(async () => {
  f = await createPostsFixture({ timeZone: PARIS, withAssets: true });
});
afterAll(() => f.t.close());

async function approvedPost(overrides: Record<string, unknown> = {}) {
  const post = await createPost(f, f.officer, bilingualPost(f.channelId, overrides));
  await setReviewState(f, post.id, 'approved');
  return post;
}

const review = (id: string, body: Record<string, unknown>, session = f.officer) =>
  f.t.request(session, {
    method: 'POST',
    url: `/api/workspaces/${f.workspaceId}/reviews/${SOCIAL_POST_CONTENT_TYPE}/${id}/transitions`,
    payload: body,
  });

describe('approval gates scheduling', () => {
  it('refuses to schedule until the workflow approved the post, then schedules it and the review follows', async () => {
    const post = await createPost(f, f.contributor);
    const early = await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-05-12', time: '10:00' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({
      code: 'NOT_APPROVED',
      message: 'Ce contenu doit être approuvé avant d’être programmé ou envoyé.',
    });
    expect((await review(post.id, { action: 'submit' }, f.contributor)).statusCode).toBe(200);
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`/${post.id}`) })).json().status).toBe('in_review');
    const approved = await review(post.id, { action: 'approve' }, f.reviewer);
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await f.t.request(f.viewer, { method: 'GET', url: f.postsUrl(`/${post.id}`) })).json().status).toBe('approved');
    // A contributor writes but does not publish.
    expect((await schedule(f, f.contributor, post.id, { mode: 'at', date: '2031-05-12', time: '10:00' })).statusCode).toBe(403);
    const scheduled = await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-05-12', time: '10:00' });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ status: 'scheduled', reviewState: 'scheduled', scheduledAt: '2031-05-12T08:00:00.000Z' });
    const workflow = (
      await f.t.request(f.viewer, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/reviews/${SOCIAL_POST_CONTENT_TYPE}/${post.id}` })
    ).json();
    expect(workflow).toMatchObject({ state: 'scheduled', scheduledFor: '2031-05-12T08:00:00.000Z' });
  });

  it('needs every language of the post reviewed (Arabic still a draft here)', async () => {
    const post = await approvedPost({
      text: { ar: { value: ARABIC_TEXT, status: 'draft' }, fr: { value: 'Atelier à Sfax.', status: 'reviewed' } },
    });
    const response = await schedule(f, f.officer, post.id, { mode: 'now' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'LANGUAGES_INCOMPLETE', params: { languages: 'ar' } });
  });

  it('refuses a page that needs reconnection, and a photo whose consent expired since it was chosen', async () => {
    const page = await makeChannel(f.t, f.workspaceId, { externalId: '20009', name: 'Page expirée' });
    const post = await approvedPost({ channelId: page.id });
    await f.t.platform.database.db.update(socialChannels).set({ status: 'needs_reconnection' }).where(eq(socialChannels.id, page.id));
    const held = await schedule(f, f.officer, post.id, { mode: 'now' });
    expect(held.json()).toMatchObject({ code: 'NEEDS_RECONNECTION' });
    const withPhoto = await approvedPost({ assetIds: [f.assets.social] });
    await f.t.platform.database.db.update(assetConsents).set({ expiresOn: '2001-01-01' }).where(eq(assetConsents.assetId, f.assets.social));
    const expired = await schedule(f, f.officer, withPhoto.id, { mode: 'now' });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().fields['assetIds.0'].code).toBe('CONSENT_EXPIRED');
    await f.t.platform.database.db.update(assetConsents).set({ expiresOn: '2100-01-01' }).where(eq(assetConsents.assetId, f.assets.social));
  });
});

describe('the workspace’s clock', () => {
  it('reads a date and time in Paris: winter, summer, the hour skipped in March, the hour repeated in October', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['2031-01-15', '10:00', '2031-01-15T09:00:00.000Z', '10:00'],
      ['2031-07-14', '18:30', '2031-07-14T16:30:00.000Z', '18:30'],
      // 02:30 does not exist on 30 March 2031: clocks jump from 02:00 to 03:00, the post goes at 03:30.
      ['2031-03-30', '02:30', '2031-03-30T01:30:00.000Z', '03:30'],
      // 02:30 happens twice on 26 October 2031: the first one (summer time) is taken.
      ['2031-10-26', '02:30', '2031-10-26T00:30:00.000Z', '02:30'],
    ];
    for (const [date, time, instant, localTime] of cases) {
      const post = await approvedPost();
      const response = await schedule(f, f.officer, post.id, { mode: 'at', date, time });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().scheduledAt, `${date} ${time}`).toBe(instant);
      expect(response.json().scheduledLocal).toEqual({ date, time: localTime, timeZone: PARIS });
    }
  });

  it('refuses a time already past', async () => {
    const post = await approvedPost();
    const response = await schedule(f, f.officer, post.id, { mode: 'at', date: '2020-01-01', time: '10:00' });
    expect(response.json().fields.date.code).toBe('DATE_IN_PAST');
  });

  it('keeps the wall-clock time when the calendar moves a post across the change to summer time', async () => {
    const post = await approvedPost();
    expect((await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-03-27', time: '10:00' })).json().scheduledAt).toBe(
      '2031-03-27T09:00:00.000Z',
    );
    const moved = await f.t.request(f.officer, {
      method: 'POST',
      url: f.postsUrl(`/${post.id}/reschedule`),
      payload: { date: '2031-04-03' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ scheduledAt: '2031-04-03T08:00:00.000Z', scheduledLocal: { date: '2031-04-03', time: '10:00' } });
    const retimed = await f.t.request(f.officer, {
      method: 'POST',
      url: f.postsUrl(`/${post.id}/reschedule`),
      payload: { date: '2031-04-04', time: '18:00' },
    });
    expect(retimed.json().scheduledAt).toBe('2031-04-04T16:00:00.000Z');
  });
});

describe('queue slots', () => {
  it('are kept per page and weekday, once each, by publishers', async () => {
    const page = await makeChannel(f.t, f.workspaceId, { externalId: '20010', name: 'Page de la file' });
    const add = (weekday: number, time: string, session = f.officer) =>
      f.t.request(session, { method: 'POST', url: f.slotsUrl(), payload: { channelId: page.id, weekday, time } });
    expect((await add(2, '10:00')).statusCode).toBe(201);
    expect((await add(4, '18:00')).statusCode).toBe(201);
    expect((await add(2, '10:00')).statusCode).toBe(409);
    expect((await add(2, '09:00', f.contributor)).statusCode).toBe(403);
    expect((await add(8, '09:00')).statusCode).toBe(400);
    const list = (await f.t.request(f.viewer, { method: 'GET', url: f.slotsUrl(`?channelId=${page.id}`) })).json();
    expect(list.timeZone).toBe(PARIS);
    expect(list.items.map((slot: { weekday: number; time: string }) => `${slot.weekday} ${slot.time}`)).toEqual(['2 10:00', '4 18:00']);

    // Two posts in the queue take the next two free slots, in order.
    const now = new Date();
    const expected: number[] = [];
    for (let offset = 0; expected.length < 2; offset++) {
      const date = addDays(calendarDateAt(now, PARIS), offset);
      const time = weekdayOf(date) === 2 ? '10:00' : weekdayOf(date) === 4 ? '18:00' : undefined;
      const instant = time ? zonedDateTimeToInstant(date, time, PARIS) : undefined;
      if (instant && instant > now) expected.push(instant.getTime());
    }
    const first = await approvedPost({ channelId: page.id });
    const second = await approvedPost({ channelId: page.id });
    const firstAt = (await schedule(f, f.officer, first.id, { mode: 'next_slot' })).json().scheduledAt;
    const secondAt = (await schedule(f, f.officer, second.id, { mode: 'next_slot' })).json().scheduledAt;
    expect([Date.parse(firstAt), Date.parse(secondAt)]).toEqual(expected);

    for (const slot of list.items) {
      expect((await f.t.request(f.officer, { method: 'DELETE', url: f.slotsUrl(`/${slot.id}`) })).statusCode).toBe(204);
    }
    const third = await approvedPost({ channelId: page.id });
    const none = await schedule(f, f.officer, third.id, { mode: 'next_slot' });
    expect(none.json().fields.mode).toMatchObject({ code: 'NO_FREE_SLOT' });
  });
});

describe('after scheduling', () => {
  it('unschedule keeps the approval; an edit of the words sends it back to review and off the schedule', async () => {
    const post = await approvedPost();
    await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-06-01', time: '09:00' });
    const off = await f.t.request(f.officer, { method: 'POST', url: f.postsUrl(`/${post.id}/unschedule`) });
    expect(off.json()).toMatchObject({ status: 'approved', reviewState: 'approved', scheduledAt: null });
    const again = await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-06-02', time: '09:00' });
    expect(again.json().status).toBe('scheduled');
    const edited = await f.t.request(f.officer, {
      method: 'PATCH',
      url: f.postsUrl(`/${post.id}`),
      payload: { version: again.json().version, text: localized({ ar: ARABIC_TEXT, fr: 'Atelier reporté au 3 juin.' }, 'reviewed') },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'in_review', reviewState: 'in_review', scheduledAt: null });
  });

  it('a campaign change alone keeps the schedule', async () => {
    const post = await approvedPost();
    const scheduled = (await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-06-05', time: '09:00' })).json();
    const edited = await f.t.request(f.officer, {
      method: 'PATCH',
      url: f.postsUrl(`/${post.id}`),
      payload: { version: scheduled.version, campaignId: null },
    });
    expect(edited.json()).toMatchObject({ status: 'scheduled', scheduledAt: '2031-06-05T07:00:00.000Z' });
  });

  it('shows scheduled posts on the shared calendar at their time, with their first line per language', async () => {
    const post = await approvedPost();
    await schedule(f, f.officer, post.id, { mode: 'at', date: '2031-09-17', time: '11:15' });
    const calendar = await f.t.request(f.viewer, {
      method: 'GET',
      url: `/api/workspaces/${f.workspaceId}/calendar?from=2031-09-01&to=2031-09-30&kinds=social-post`,
    });
    expect(calendar.statusCode, calendar.body).toBe(200);
    const entry = calendar.json().entries.find((candidate: { id: string }) => candidate.id === post.id);
    expect(entry).toMatchObject({ kind: 'social-post', start: '2031-09-17T09:15:00.000Z', allDay: false, status: 'scheduled' });
    // The first line, cut at 60 characters.
    expect(entry.title.ar.value.endsWith('…')).toBe(true);
    expect(ARABIC_TEXT.startsWith(entry.title.ar.value.slice(0, -1))).toBe(true);
    expect(entry.title.fr.value).toBe('AlterMed vous invite à un atelier sur l’économie sociale et…');
    expect(entry.link).toBe(`/w/${f.workspaceId}/social/posts/${post.id}`);
    const drafts = await createPost(f, f.officer);
    const all = (
      await f.t.request(f.viewer, { method: 'GET', url: `/api/workspaces/${f.workspaceId}/calendar?from=2020-01-01&to=2020-12-31` })
    ).json();
    expect(all.entries.some((candidate: { id: string }) => candidate.id === drafts.id)).toBe(false);
  });
});
