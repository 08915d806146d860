/**
 * What happens when an item published at its scheduled time cannot do what should follow (a
 * newsletter that cannot start sending): the other listeners still run, the failure is audited, and
 * the item's submitter and the workspace's admins — nobody else — are notified in the app, each
 * reading it in their own language.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/server/platform/errors.js';
import { translatorFor } from '../../src/server/platform/i18n.js';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { registerPublicationListener, runPublicationListeners } from '../../src/server/platform/review/publication-listeners.js';
import { publishDueReviews } from '../../src/server/platform/review/publish-due.job.js';
import { act, as, inOneHour, makeCampaign, review, setUpReviewFixture, TYPE, t, workspaceId } from '../helpers/review-fixture.js';

setUpReviewFixture();

async function publishedOnSchedule(): Promise<string> {
  const id = await makeCampaign();
  expect((await act(as.officer, id, { action: 'submit' })).statusCode).toBe(200);
  expect((await act(as.reviewer, id, { action: 'approve' })).json().state).toBe('approved');
  expect((await act(as.officer, id, { action: 'schedule', scheduledFor: inOneHour() })).json().state).toBe('scheduled');
  const later = new Date(Date.now() + 2 * 3_600_000);
  await publishDueReviews(t.platform.database.db, later, (item) => runPublicationListeners(t.platform, item));
  expect((await review(as.officer, id)).state).toBe('published');
  return id;
}

async function notificationsOf(userId: string) {
  return t.platform.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'publish-failed')));
}

describe('publication listeners', () => {
  it('notify the submitter and the admins of a listener that failed, after running the others and auditing it', async () => {
    const ran: string[] = [];
    registerPublicationListener(TYPE, async () => {
      throw new AppError('NO_RECIPIENTS');
    });
    registerPublicationListener(TYPE, async (_platform, _workspaceId, contentId) => {
      ran.push(contentId);
    });
    const id = await publishedOnSchedule();
    expect(ran).toEqual([id]);

    const [audit] = await t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'review.publish-listener-failed')));
    expect(audit?.after).toEqual({ error: 'NO_RECIPIENTS' });

    const link = `/app/w/${workspaceId}/campaigns/${id}/brief`;
    for (const member of [as.officer, as.admin]) {
      const rows = await notificationsOf(member.userId);
      expect(rows, member.email).toHaveLength(1);
      expect(rows[0]).toMatchObject({ workspaceId, params: { title: 'منتدى صفاقس' }, link });
    }
    // The reviewer approved it but did not submit it; the others have nothing to do with it.
    for (const member of [as.reviewer, as.reviewer2, as.viewer, as.contributor]) {
      expect(await notificationsOf(member.userId), member.email).toHaveLength(0);
    }

    // The bell reads it in each member's language.
    const listed = await t.request(as.admin, { method: 'GET', url: `/api/workspaces/${workspaceId}/notifications` });
    const item = listed.json().items.find((entry: { kind: string }) => entry.kind === 'publish-failed');
    expect(translatorFor('fr')(`notifications.${item.kind}`, item.params)).toMatch(/^« منتدى صفاقس » a été publié à l’heure prévue, mais/);
    expect(translatorFor('ar')(`notifications.${item.kind}`, item.params)).toMatch(/^نُشر «منتدى صفاقس» في موعده، لكن تعذّر/);
  });
});
