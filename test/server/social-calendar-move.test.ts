/**
 * Moving posts from the shared calendar: a scheduled post's entry says how to move it (its reschedule
 * endpoint, for social:publish); the move keeps the time of day unless given one, refuses the past
 * in the reader's language; published posts do not move. And the review panel of a post offers no
 * schedule, unschedule or publish of its own: the post page does that (`schedulesItself`).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialPosts } from '../../src/server/modules/social/social.tables.js';
import { isWorkflowAction } from '../../src/server/platform/review/review.registry.js';
import { CalendarEntrySchema, CalendarMoveRequestSchema } from '../../src/shared/planning/calendar.schema.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../src/shared/social/posts.schema.js';
import {
  bilingualPost,
  createPost,
  createPostsFixture,
  type PostsFixture,
  schedule,
  setReviewState,
} from '../helpers/social-posts-fixture.js';

const CASABLANCA = 'Africa/Casablanca';
let f: PostsFixture;

beforeAll(async () => {
  f = await createPostsFixture({ timeZone: CASABLANCA });
});
afterAll(() => f.t.close());

async function scheduledPost(date: string, time: string) {
  const post = await createPost(f, f.officer, bilingualPost(f.channelId));
  await setReviewState(f, post.id, 'approved');
  const scheduled = await schedule(f, f.officer, post.id, { mode: 'at', date, time });
  expect(scheduled.statusCode, scheduled.body).toBe(200);
  return post.id;
}

async function entryOf(postId: string, from: string, to: string) {
  const calendar = await f.t.request(f.viewer, {
    method: 'GET',
    url: `/api/workspaces/${f.workspaceId}/calendar?from=${from}&to=${to}&kinds=social-post`,
  });
  expect(calendar.statusCode, calendar.body).toBe(200);
  return calendar.json().entries.find((entry: { id: string }) => entry.id === postId);
}

describe('moving a post from the calendar', () => {
  it('a scheduled post says how to move it; moved to another day it keeps its time, or takes the one given', async () => {
    const id = await scheduledPost('2032-03-09', '18:30');
    const entry = await entryOf(id, '2032-03-01', '2032-03-31');
    expect(entry.move).toEqual({ path: `/api/workspaces/${f.workspaceId}/social/posts/${id}/reschedule`, permission: 'social:publish' });
    expect(CalendarEntrySchema.parse(entry).move?.permission).toBe('social:publish');
    // Its day and time on the workspace's clock, as the server reads them (browsers' time-zone data may differ).
    expect(entry.wallClock).toEqual({ date: '2032-03-09', time: '18:30' });

    const moved = await f.t.request(f.officer, { method: 'POST', url: entry.move.path, payload: { date: '2032-03-12' } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().scheduledLocal).toEqual({ date: '2032-03-12', time: '18:30', timeZone: CASABLANCA });
    const timed = await f.t.request(f.officer, { method: 'POST', url: entry.move.path, payload: { date: '2032-03-13', time: '09:00' } });
    expect(timed.json().scheduledLocal).toEqual({ date: '2032-03-13', time: '09:00', timeZone: CASABLANCA });
    const after = await entryOf(id, '2032-03-01', '2032-03-31');
    expect([after.start, after.wallClock]).toEqual([timed.json().scheduledAt, { date: '2032-03-13', time: '09:00' }]);
  });

  it('refuses the past with the server’s words in the reader’s language, and only to social:publish', async () => {
    const id = await scheduledPost('2032-04-02', '10:00');
    const { move } = await entryOf(id, '2032-04-01', '2032-04-30');
    // Each member reads errors in their own language.
    const arabicOfficer = await f.t.signIn((await f.t.make.member(f.workspaceId, 'officer', 'ar')).email);
    const past = await f.t.request(arabicOfficer, { method: 'POST', url: move.path, payload: { date: '2001-04-02' } });
    expect(past.statusCode).toBe(400);
    expect(past.json().fields.date).toEqual({ code: 'DATE_IN_PAST', message: 'هذا التاريخ قد مضى.' });
    const inFrench = await f.t.request(f.officer, { method: 'POST', url: move.path, payload: { date: '2001-04-02' } });
    expect(inFrench.json().fields.date.message).toBe('Cette date est déjà passée.');
    expect((await f.t.request(f.contributor, { method: 'POST', url: move.path, payload: { date: '2032-04-03' } })).statusCode).toBe(403);
    expect((await entryOf(id, '2032-04-01', '2032-04-30')).start).toBe('2032-04-02T09:00:00.000Z');
  });

  it('drafts are not on the calendar; published and held posts are there but do not move', async () => {
    const id = await scheduledPost('2032-05-20', '08:00');
    const db = f.t.platform.database.db;
    await db.update(socialPosts).set({ status: 'held' }).where(eq(socialPosts.id, id));
    expect((await entryOf(id, '2032-05-01', '2032-05-31')).move).toBeUndefined();
    await db
      .update(socialPosts)
      .set({ status: 'published', publishedAt: new Date('2032-05-20T07:00:00Z') })
      .where(eq(socialPosts.id, id));
    const published = await entryOf(id, '2032-05-01', '2032-05-31');
    expect(published).toMatchObject({ status: 'published', start: '2032-05-20T07:00:00.000Z' });
    expect(published.move).toBeUndefined();
  });

  it('the move request and the entry’s move are checked by the shared schema', () => {
    expect(CalendarMoveRequestSchema.safeParse({ date: '2032-02-30' }).success).toBe(false);
    expect(CalendarMoveRequestSchema.safeParse({ date: '2032-02-28', time: '25:00' }).success).toBe(false);
    expect(CalendarMoveRequestSchema.safeParse({ date: '2032-02-28', time: '07:45' }).success).toBe(true);
    const entry = {
      id: 'x',
      kind: 'social-post',
      title: {},
      start: '2032-01-01T10:00:00Z',
      end: '2032-01-01T10:00:00Z',
      allDay: false,
      link: '/w/x',
    };
    expect(CalendarEntrySchema.safeParse(entry).success).toBe(true);
    expect(CalendarEntrySchema.safeParse({ ...entry, move: { path: 'https://evil.test/x', permission: 'social:publish' } }).success).toBe(
      false,
    );
    expect(CalendarEntrySchema.safeParse({ ...entry, move: { path: '/api/x', permission: 'social:everything' } }).success).toBe(false);
  });
});

describe('the review panel of a post', () => {
  const reviewUrl = (id: string) => `/api/workspaces/${f.workspaceId}/reviews/${SOCIAL_POST_CONTENT_TYPE}/${id}`;

  it('offers no schedule, unschedule or publish (the post page schedules), and refuses them', async () => {
    const post = await createPost(f, f.officer, bilingualPost(f.channelId));
    await setReviewState(f, post.id, 'approved');
    const approved = (await f.t.request(f.admin, { method: 'GET', url: reviewUrl(post.id) })).json();
    expect(approved.state).toBe('approved');
    expect(approved.allowedActions).toEqual(['archive']);
    for (const action of ['schedule', 'publish']) {
      const refused = await f.t.request(f.admin, {
        method: 'POST',
        url: `${reviewUrl(post.id)}/transitions`,
        payload: { action, scheduledFor: '2032-06-01T10:00:00Z' },
      });
      expect([refused.statusCode, refused.json().code], action).toEqual([409, 'INVALID_STATE']);
    }
    // Scheduled from the post page, the review follows; still no "unschedule" in the panel.
    expect((await schedule(f, f.officer, post.id, { mode: 'at', date: '2032-06-01', time: '10:00' })).statusCode).toBe(200);
    const scheduled = (await f.t.request(f.officer, { method: 'GET', url: reviewUrl(post.id) })).json();
    expect(scheduled.state).toBe('scheduled');
    expect(scheduled.allowedActions).toEqual(['archive']);
    expect(
      (await f.t.request(f.officer, { method: 'POST', url: `${reviewUrl(post.id)}/transitions`, payload: { action: 'unschedule' } }))
        .statusCode,
    ).toBe(409);
  });

  it('keeps the workflow’s own actions for content types that do not schedule themselves', () => {
    expect(isWorkflowAction({}, 'schedule')).toBe(true);
    expect(isWorkflowAction({ schedulesItself: false }, 'publish')).toBe(true);
    expect(isWorkflowAction({ schedulesItself: true }, 'approve')).toBe(true);
    expect(isWorkflowAction({ schedulesItself: true }, 'unschedule')).toBe(false);
  });
});
