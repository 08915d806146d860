/**
 * The approval workflow (S5) through campaign briefs: permissions of every transition per role, the
 * required approval count, language completeness and the admin override, scheduled publication,
 * audit rows, concurrent transitions, and items of another workspace.
 */
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { auditLog, workspaces } from '../../src/server/platform/platform.tables.js';
import { PUBLISH_DUE_JOB, publishDueReviews } from '../../src/server/platform/review/publish-due.job.js';
import { contentReviewEvents, contentReviews } from '../../src/server/platform/review/review.tables.js';
import { type LocalizedText, localized } from '../../src/shared/localized-text.js';
import { REVIEW_ACTIONS, REVIEW_TRANSITIONS } from '../../src/shared/review/review.schema.js';
import { hasPermission, ROLES } from '../../src/shared/roles.js';
import {
  act,
  as,
  bodyFor,
  inOneHour,
  itemIn,
  makeCampaign,
  otherWorkspaceId,
  review,
  reviewedBrief,
  reviewUrl,
  setRequiredApprovals,
  setUpReviewFixture,
  TYPE,
  t,
  workspaceId,
} from '../helpers/review-fixture.js';

setUpReviewFixture();

describe('permissions of every transition', () => {
  for (const action of REVIEW_ACTIONS) {
    const transition = REVIEW_TRANSITIONS[action];
    for (const role of ROLES) {
      const isAllowed = hasPermission(role, transition.permission);
      it(`${action} by ${role}: ${isAllowed ? 'allowed' : 'refused'}`, async () => {
        const from = transition.from[0] as string;
        const id = await itemIn(from);
        const response = await act(as[role], id, bodyFor(action));
        expect(response.statusCode, response.body).toBe(isAllowed ? 200 : 403);
        const state = (await review(as.admin, id)).state;
        if (isAllowed) {
          // With one required approval, a single approval reaches `approved`.
          expect(state).toBe(transition.to);
          expect(response.json().events.at(-1)).toMatchObject({ action, fromState: from, toState: transition.to });
        } else {
          expect(response.json().code).toBe('FORBIDDEN');
          expect(state).toBe(from);
        }
      });
    }
  }

  it('refuses an action the current state does not allow with CONFLICT', async () => {
    const id = await itemIn('draft');
    const response = await act(as.admin, id, { action: 'publish' });
    expect(response.statusCode).toBe(409);
    expect(response.json().code).toBe('CONFLICT');
  });

  it('shows each member only the actions open to them', async () => {
    const id = await itemIn('in_review');
    expect((await review(as.reviewer, id)).allowedActions).toEqual(['approve', 'request_changes']);
    expect((await review(as.officer, id)).allowedActions).toEqual(['approve', 'request_changes', 'archive']);
    expect((await review(as.viewer, id)).allowedActions).toEqual([]);
    expect((await review(as.contributor, id)).allowedActions).toEqual([]);
  });
});

describe('approvals', () => {
  it('needs two approvals by two people when the workspace requires two, never the submitter’s own', async () => {
    await setRequiredApprovals(2);
    try {
      const id = await makeCampaign();
      expect((await act(as.officer, id, { action: 'submit' })).statusCode).toBe(200);
      const first = await act(as.reviewer, id, { action: 'approve' });
      expect(first.json()).toMatchObject({ state: 'in_review', requiredApprovals: 2 });
      expect(first.json().approvals).toHaveLength(1);
      const again = await act(as.reviewer, id, { action: 'approve' });
      expect([again.statusCode, again.json().code]).toEqual([409, 'ALREADY_APPROVED']);
      const own = await act(as.officer, id, { action: 'approve' });
      expect([own.statusCode, own.json().code]).toEqual([403, 'OWN_SUBMISSION']);
      expect((await review(as.officer, id)).allowedActions).not.toContain('approve');
      const second = await act(as.reviewer2, id, { action: 'approve' });
      expect(second.json()).toMatchObject({ state: 'approved', submittedBy: { id: as.officer.userId } });
      expect(second.json().approvals).toHaveLength(2);
      // The submitter hears of the approval once, when the item is approved.
      const sent = await t.platform.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, as.officer.userId), eq(notifications.kind, 'approved')));
      expect(sent).toHaveLength(1);
      expect(sent[0]?.link).toBe(`/app/w/${workspaceId}/campaigns/${id}/brief`);
    } finally {
      await setRequiredApprovals(1);
    }
  });

  it('lets an admin approve their own submission, flagged in the audit', async () => {
    const id = await makeCampaign();
    await act(as.admin, id, { action: 'submit' });
    const approved = await act(as.admin, id, { action: 'approve' });
    expect(approved.json().state).toBe('approved');
    const [entry] = await t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'review.approve')));
    expect(entry?.after).toMatchObject({ isSelfApproval: true });
  });

  it('asks for a comment to request changes, clears approvals and tells the submitter; reviewers hear of each submission', async () => {
    await setRequiredApprovals(2);
    try {
      const id = await makeCampaign();
      await act(as.contributor, id, { action: 'submit' });
      const reviewerNotes = await t.platform.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, 'review-requested'), like(notifications.link, `%${id}%`)));
      expect(new Set(reviewerNotes.map((note) => note.userId))).toEqual(
        new Set([as.admin.userId, as.officer.userId, as.reviewer.userId, as.reviewer2.userId]),
      );
      await act(as.reviewer, id, { action: 'approve' });
      const bare = await act(as.reviewer2, id, { action: 'request_changes' });
      expect(bare.statusCode).toBe(400);
      expect(bare.json().fields.note.code).toBe('REQUIRED');
      const changes = await act(as.reviewer2, id, { action: 'request_changes', note: 'La version arabe doit citer le forum.' });
      expect(changes.json()).toMatchObject({ state: 'changes_requested', approvals: [] });
      expect(changes.json().events.at(-1).note).toBe('La version arabe doit citer le forum.');
      const told = await t.platform.database.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, as.contributor.userId), eq(notifications.kind, 'changes-requested')));
      expect(told).toHaveLength(1);
      expect(told[0]?.params).toMatchObject({ title: expect.any(String), actor: 'Test reviewer' });
    } finally {
      await setRequiredApprovals(1);
    }
  });
});

describe('languages before scheduling', () => {
  async function approvedItem(brief: LocalizedText) {
    const id = await makeCampaign(brief);
    await act(as.officer, id, { action: 'submit' });
    expect((await act(as.reviewer, id, { action: 'approve' })).json().state).toBe('approved');
    return id;
  }

  it('refuses to schedule or publish with a missing or unreviewed language', async () => {
    const missing = await approvedItem(localized({ fr: 'Brief' }, 'reviewed'));
    const refused = await act(as.officer, missing, { action: 'schedule', scheduledFor: inOneHour() });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'LANGUAGES_INCOMPLETE', params: { languages: 'ar' } });
    const unreviewed = await approvedItem({ ar: { value: 'موجز', status: 'translated' }, fr: { value: 'Brief', status: 'reviewed' } });
    expect((await review(as.officer, unreviewed)).incompleteLanguages).toEqual(['ar']);
    expect((await act(as.officer, unreviewed, { action: 'publish' })).json().code).toBe('LANGUAGES_INCOMPLETE');
    expect((await review(as.officer, unreviewed)).state).toBe('approved');
  });

  it('schedules with an admin override and its reason, kept on the item and in the audit; an officer cannot override', async () => {
    const id = await approvedItem(localized({ fr: 'Brief' }, 'reviewed'));
    const scheduledFor = inOneHour();
    const byOfficer = await act(as.officer, id, { action: 'schedule', scheduledFor, override: { reason: 'Urgent' } });
    expect(byOfficer.statusCode).toBe(403);
    const noReason = await act(as.admin, id, { action: 'schedule', scheduledFor, override: { reason: ' ' } });
    expect(noReason.statusCode).toBe(400);
    const byAdmin = await act(as.admin, id, { action: 'schedule', scheduledFor, override: { reason: 'Version arabe lue au téléphone' } });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({ state: 'scheduled', overrideReason: 'Version arabe lue au téléphone' });
    expect(new Date(byAdmin.json().scheduledFor).toISOString()).toBe(scheduledFor);
    const [entry] = await t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'review.schedule')));
    expect(entry?.after).toMatchObject({ state: 'scheduled', overrideReason: 'Version arabe lue au téléphone' });
  });

  it('publishes scheduled items when their time comes, once, with an event and an audit entry', async () => {
    expect(t.platform.jobs.names).toContain(PUBLISH_DUE_JOB);
    const id = await approvedItem(reviewedBrief);
    await act(as.officer, id, { action: 'schedule', scheduledFor: inOneHour() });
    const db = t.platform.database.db;
    expect(await publishDueReviews(db)).toBe(0);
    const later = new Date(Date.now() + 2 * 3_600_000);
    expect(await publishDueReviews(db, later)).toBeGreaterThanOrEqual(1);
    expect(await publishDueReviews(db, later)).toBe(0);
    const after = await review(as.officer, id);
    expect(after.state).toBe('published');
    expect(after.events.at(-1)).toMatchObject({ action: 'publish', fromState: 'scheduled', toState: 'published', actor: null });
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'review.publish')));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.actorUserId).toBeNull();
  });

  it('refuses a schedule without a date or in the past', async () => {
    const id = await approvedItem(reviewedBrief);
    expect((await act(as.officer, id, { action: 'schedule' })).json().fields.scheduledFor.code).toBe('REQUIRED');
    const past = await act(as.officer, id, { action: 'schedule', scheduledFor: '2020-01-01T10:00:00Z' });
    expect(past.json().fields.scheduledFor.code).toBe('INVALID_VALUE');
  });
});

describe('history and concurrency', () => {
  it('writes one event and one audit row per transition, in the same transactions', async () => {
    const id = await makeCampaign();
    for (const [session, body] of [
      [as.officer, { action: 'submit' }],
      [as.reviewer, { action: 'approve' }],
      [as.officer, { action: 'schedule', scheduledFor: inOneHour() }],
      [as.officer, { action: 'unschedule' }],
      [as.officer, { action: 'publish' }],
      [as.admin, { action: 'reopen' }],
      [as.officer, { action: 'archive' }],
    ] as const) {
      expect((await act(session, id, body)).statusCode).toBe(200);
    }
    const events = (await review(as.viewer, id)).events;
    expect(events.map((event: { toState: string }) => event.toState)).toEqual([
      'in_review',
      'approved',
      'scheduled',
      'approved',
      'published',
      'draft',
      'archived',
    ]);
    const audits = await t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, TYPE), eq(auditLog.entityId, id), like(auditLog.action, 'review.%')))
      .orderBy(auditLog.id);
    expect(audits.map((entry) => entry.action)).toEqual(events.map((event: { action: string }) => `review.${event.action}`));
  });

  it('turns a concurrent double submit into one transition and one CONFLICT', async () => {
    const id = await makeCampaign();
    const responses = await Promise.all([act(as.officer, id, { action: 'submit' }), act(as.officer, id, { action: 'submit' })]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 409]);
    const [row] = await t.platform.database.db.select().from(contentReviews).where(eq(contentReviews.contentId, id));
    const events = await t.platform.database.db
      .select()
      .from(contentReviewEvents)
      .where(eq(contentReviewEvents.reviewId, (row as { id: string }).id));
    expect(events).toHaveLength(1);
  });

  it('counts two approvals given at the same moment, so the item is approved once', async () => {
    await setRequiredApprovals(2);
    try {
      const id = await makeCampaign();
      await act(as.officer, id, { action: 'submit' });
      const responses = await Promise.all([act(as.reviewer, id, { action: 'approve' }), act(as.reviewer2, id, { action: 'approve' })]);
      expect(responses.map((response) => response.statusCode)).toEqual([200, 200]);
      const after = await review(as.officer, id);
      expect(after.state).toBe('approved');
      expect(after.approvals).toHaveLength(2);
      expect(after.events.map((event: { toState: string }) => event.toState)).toEqual(['in_review', 'in_review', 'approved']);
    } finally {
      await setRequiredApprovals(1);
    }
  });

  it('sends an approved brief back to review when it is edited, clearing approvals', async () => {
    const id = await makeCampaign();
    await act(as.officer, id, { action: 'submit' });
    await act(as.reviewer, id, { action: 'approve' });
    const edited = await t.request(as.officer, {
      method: 'PUT',
      url: `/api/workspaces/${workspaceId}/campaigns/${id}/brief`,
      payload: { brief: { ar: { value: 'موجز جديد', status: 'reviewed' }, fr: { value: 'Nouveau brief', status: 'reviewed' } } },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().brief.fr.value).toBe('Nouveau brief');
    const after = await review(as.officer, id);
    expect(after).toMatchObject({ state: 'in_review', approvals: [] });
    expect(after.events.at(-1)).toMatchObject({ action: 'content_changed', fromState: 'approved', toState: 'in_review' });
  });
});

describe('items of another workspace', () => {
  it('answers 404 for another workspace’s campaign, an unknown content type and an unknown id', async () => {
    const foreign = await makeCampaign(reviewedBrief, otherWorkspaceId);
    expect((await t.request(as.admin, { method: 'GET', url: reviewUrl(foreign) })).statusCode).toBe(404);
    expect((await act(as.admin, foreign, { action: 'submit' })).statusCode).toBe(404);
    expect((await t.request(as.admin, { method: 'POST', url: reviewUrl(foreign, '/comments'), payload: { body: 'x' } })).statusCode).toBe(
      404,
    );
    expect(
      (await t.request(as.admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/campaigns/${foreign}/brief` })).statusCode,
    ).toBe(404);
    const own = await makeCampaign();
    const unknownType = await t.request(as.admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/reviews/social.post/${own}` });
    expect(unknownType.statusCode).toBe(404);
    expect((await t.request(as.admin, { method: 'GET', url: reviewUrl('00000000-0000-4000-8000-000000000000') })).statusCode).toBe(404);
    const [row] = await t.platform.database.db.select().from(contentReviews).where(eq(contentReviews.contentId, foreign));
    expect(row).toBeUndefined();
    const [other] = await t.platform.database.db.select().from(workspaces).where(eq(workspaces.id, otherWorkspaceId));
    expect(other?.requiredApprovals).toBe(1);
  });
});
