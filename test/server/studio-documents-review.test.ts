/**
 * Studio documents in the approval workflow (`studio.document`): the review's languages are the
 * weakest of title, subtitle and body per printed language; the document carries its review state;
 * editing the text of an approved document sends it back to review (approvals cleared, reviewers
 * notified), while marking a body reviewed does not.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifications } from '../../src/server/platform/notifications/notifications.tables.js';
import { closeSharedRenderer } from '../../src/server/platform/render/renderer.js';
import { AR_TEXT, createDocumentsFixture, type DocumentsFixture, doc, FR_TEXT, heading, paragraph } from '../helpers/documents-fixture.js';
import type { Session } from '../helpers/test-app.js';

let f: DocumentsFixture;
beforeAll(async () => {
  f = await createDocumentsFixture();
});
afterAll(async () => {
  await f.t.close();
  await closeSharedRenderer();
});

const reviewUrl = (id: string, rest = '') => `/api/workspaces/${f.workspaceId}/reviews/studio.document/${id}${rest}`;

async function act(session: Session, id: string, body: Record<string, unknown>) {
  const response = await f.t.request(session, { method: 'POST', url: reviewUrl(id, '/transitions'), payload: body });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const reviewed = (ar: string, fr: string) => ({ ar: { value: ar, status: 'reviewed' }, fr: { value: fr, status: 'reviewed' } });

/** A bilingual document whose title and Arabic body are reviewed, its French body in draft. */
async function documentToReview() {
  const created = await f.create({ title: reviewed('من أجل اقتصاد تضامني', 'Pour une économie solidaire') });
  const saved = await f.patch(created.id, {
    version: 1,
    bodies: { ar: doc(heading('التوصيات'), paragraph(AR_TEXT)), fr: doc(heading('Recommandations'), paragraph(FR_TEXT)) },
    bodyStatus: { ar: 'reviewed' },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json() as { id: string; version: number };
}

describe('studio documents under review', () => {
  it('reads each language as its weakest part, and links to the editor', async () => {
    const written = await documentToReview();
    const response = await f.t.request(f.reviewer, { method: 'GET', url: reviewUrl(written.id) });
    expect(response.statusCode, response.body).toBe(200);
    const review = response.json();
    expect(review).toMatchObject({
      contentType: 'studio.document',
      state: 'draft',
      title: 'من أجل اقتصاد تضامني',
      link: `/app/w/${f.workspaceId}/studio/documents/${written.id}`,
    });
    expect(review.languages).toEqual([
      { language: 'ar', status: 'reviewed' },
      { language: 'fr', status: 'draft' },
    ]);
    // Another workspace's member does not see it.
    const foreign = await f.t.request(f.outsider, {
      method: 'GET',
      url: `/api/workspaces/${f.otherWorkspaceId}/reviews/studio.document/${written.id}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('sends an approved document back to review when its text changes, not when only a body status does', async () => {
    const written = await documentToReview();
    await act(f.contributor, written.id, { action: 'submit' });
    expect((await f.get(written.id)).reviewState).toBe('in_review');
    const approved = await act(f.reviewer, written.id, { action: 'approve' });
    expect(approved.state).toBe('approved');
    expect((await f.get(written.id)).reviewState).toBe('approved');

    // Marking the French body reviewed is not a change of the approved text.
    const status = await f.patch(written.id, { version: written.version, bodyStatus: { fr: 'reviewed' } });
    expect(status.json()).toMatchObject({ reviewState: 'approved', bodyStatus: { ar: 'reviewed', fr: 'reviewed' } });

    const before = await f.t.platform.database.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.workspaceId, f.workspaceId), eq(notifications.kind, 'review-requested')));
    const edited = await f.patch(written.id, {
      version: status.json().version,
      bodies: { fr: doc(heading('Recommandations'), paragraph(`${FR_TEXT}, dès 2027.`)) },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().reviewState).toBe('in_review');

    const review = (await f.t.request(f.reviewer, { method: 'GET', url: reviewUrl(written.id) })).json();
    expect(review.state).toBe('in_review');
    expect(review.approvals).toEqual([]);
    expect(review.events.map((event: { action: string }) => event.action)).toContain('content_changed');
    const after = await f.t.platform.database.db
      .select({ id: notifications.id, userId: notifications.userId })
      .from(notifications)
      .where(and(eq(notifications.workspaceId, f.workspaceId), eq(notifications.kind, 'review-requested')));
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.map((row) => row.userId)).toContain(f.reviewer.userId);
  });

  it('forgets the review of a deleted document', async () => {
    const written = await documentToReview();
    await act(f.contributor, written.id, { action: 'submit' });
    const deleted = await f.t.request(f.officer, { method: 'DELETE', url: f.documentsUrl(`/${written.id}`) });
    expect(deleted.statusCode).toBe(204);
    expect((await f.t.request(f.reviewer, { method: 'GET', url: reviewUrl(written.id) })).statusCode).toBe(404);
  });
});
