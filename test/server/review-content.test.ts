/**
 * The approval workflow around the content: edits of a campaign brief clearing approvals and sending
 * it back to review, the required approvals setting, comments anchored to a language version, and the
 * demo workspace's review under way.
 */
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { contentReviews } from '../../src/server/platform/review/review.tables.js';
import {
  act,
  as,
  makeCampaign,
  review,
  reviewUrl,
  setRequiredApprovals,
  setUpReviewFixture,
  TYPE,
  t,
  workspaceId,
} from '../helpers/review-fixture.js';

setUpReviewFixture();

describe('content changes and settings', () => {
  const editBrief = (id: string, value: string) =>
    t.request(as.officer, {
      method: 'PUT',
      url: `/api/workspaces/${workspaceId}/campaigns/${id}/brief`,
      payload: { brief: { ar: { value: `${value} ع`, status: 'reviewed' }, fr: { value, status: 'reviewed' } } },
    });

  it('starts every item as a draft without writing anything, and leaves a draft untouched by edits', async () => {
    const id = await makeCampaign();
    expect(await review(as.viewer, id)).toMatchObject({ state: 'draft', events: [], approvals: [], allowedActions: [] });
    expect((await editBrief(id, 'Premier jet')).statusCode).toBe(200);
    expect((await review(as.officer, id)).events).toEqual([]);
    const rows = await t.platform.database.db.select().from(contentReviews).where(eq(contentReviews.contentId, id));
    expect(rows).toEqual([]);
  });

  it('clears the approvals of an item still in review when its text changes, and tells reviewers of an approved item edited', async () => {
    await setRequiredApprovals(2);
    try {
      const id = await makeCampaign();
      await act(as.officer, id, { action: 'submit' });
      await act(as.reviewer, id, { action: 'approve' });
      await editBrief(id, 'Version corrigée');
      const after = await review(as.officer, id);
      expect(after).toMatchObject({ state: 'in_review', approvals: [] });
      expect(after.events.at(-1)).toMatchObject({ action: 'content_changed', fromState: 'in_review', toState: 'in_review' });
      // The reviewer may approve the new version.
      expect((await act(as.reviewer, id, { action: 'approve' })).json().approvals).toHaveLength(1);
    } finally {
      await setRequiredApprovals(1);
    }
    const approved = await makeCampaign();
    await act(as.officer, approved, { action: 'submit' });
    await act(as.reviewer, approved, { action: 'approve' });
    const requests = () =>
      t.platform.database.db
        .select()
        .from(notifications)
        .where(
          and(
            eq(notifications.userId, as.reviewer.userId),
            eq(notifications.kind, 'review-requested'),
            like(notifications.link, `%${approved}%`),
          ),
        );
    expect(await requests()).toHaveLength(1);
    await editBrief(approved, 'Après approbation');
    expect(await requests()).toHaveLength(2);
  });

  it('keeps the required approvals between 1 and 10, set by admins only', async () => {
    const url = `/api/workspaces/${workspaceId}`;
    for (const requiredApprovals of [0, 11, 1.5]) {
      const response = await t.request(as.admin, { method: 'PATCH', url, payload: { requiredApprovals } });
      expect(response.statusCode, String(requiredApprovals)).toBe(400);
      expect(Object.keys(response.json().fields)).toEqual(['requiredApprovals']);
    }
    expect((await t.request(as.officer, { method: 'PATCH', url, payload: { requiredApprovals: 2 } })).statusCode).toBe(403);
    expect((await t.request(as.viewer, { method: 'GET', url })).json().requiredApprovals).toBe(1);
  });
});

describe('brief and comments', () => {
  it('lets only writers edit the brief, and every member read it', async () => {
    const id = await makeCampaign();
    const url = `/api/workspaces/${workspaceId}/campaigns/${id}/brief`;
    for (const role of ['reviewer', 'contributor', 'viewer'] as const) {
      expect((await t.request(as[role], { method: 'PUT', url, payload: { brief: {} } })).statusCode, role).toBe(403);
      expect((await t.request(as[role], { method: 'GET', url })).statusCode, role).toBe(200);
    }
  });

  it('anchors comments to a language version with a quote, and resolves them', async () => {
    const id = await makeCampaign();
    const url = reviewUrl(id, '/comments');
    const created = await t.request(as.reviewer, {
      method: 'POST',
      url,
      payload: { language: 'ar', quote: 'موجز الحملة', body: 'اقترح عنوانا أوضح.' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ language: 'ar', quote: 'موجز الحملة', author: { id: as.reviewer.userId }, resolvedAt: null });
    expect((await t.request(as.viewer, { method: 'POST', url, payload: { body: 'Bien.' } })).statusCode).toBe(403);
    const english = await t.request(as.reviewer, { method: 'POST', url, payload: { language: 'en', body: 'Hello' } });
    expect(english.json().fields.language.code).toBe('INVALID_VALUE');
    const listed = await review(as.viewer, id);
    expect(listed.comments).toHaveLength(1);
    const resolved = await t.request(as.officer, { method: 'POST', url: reviewUrl(id, `/comments/${created.json().id}/resolve`) });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().resolvedAt).not.toBeNull();
    const twice = await t.request(as.officer, { method: 'POST', url: reviewUrl(id, `/comments/${created.json().id}/resolve`) });
    expect(twice.statusCode).toBe(409);
  });
});

describe('demo workspace', () => {
  it('shows the press conference brief submitted for review, with a comment on its Arabic version', async () => {
    const { seedDemo } = await import('../../src/server/demo/seed-demo.js');
    expect(await seedDemo(t.platform)).toBe(true);
    const db = t.platform.database.db;
    const [demo] = await db.select().from(workspaces).where(eq(workspaces.slug, 'altermed'));
    const [row] = await db
      .select()
      .from(contentReviews)
      .where(eq(contentReviews.workspaceId, demo?.id as string));
    expect(row).toMatchObject({ contentType: TYPE, state: 'in_review' });
    const reviewer = await t.signIn('reviewer@altermed.demo', 'altermed-demo-2026');
    const response = await t.request(reviewer, { method: 'GET', url: reviewUrl(row?.contentId as string, '', demo?.id) });
    expect(response.json()).toMatchObject({ state: 'in_review', allowedActions: ['approve', 'request_changes'] });
    expect(response.json().comments).toMatchObject([{ language: 'ar', author: { name: 'Claire Martin' } }]);
  });
});
