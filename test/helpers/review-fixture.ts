/**
 * What the approval workflow tests share: an app with a workspace whose members hold every role,
 * campaigns as reviewable items, and short calls for transitions and reads.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { contentReviews } from '../../src/server/platform/review/review.tables.js';
import { type LocalizedText, localized } from '../../src/shared/localized-text.js';
import type { ReviewAction } from '../../src/shared/review/review.schema.js';
import { ROLES, type Role } from '../../src/shared/roles.js';
import { createTestApp, type Session, type TestApp } from './test-app.js';

export const TYPE = 'planning.campaign-brief';
export let t: TestApp;
export let workspaceId: string;
export let otherWorkspaceId: string;
export const as = {} as Record<Role | 'reviewer2', Session>;

export const reviewedBrief = localized({ ar: 'موجز الحملة', fr: 'Brief de la campagne' }, 'reviewed');

export async function makeCampaign(brief: LocalizedText = reviewedBrief, inWorkspace = workspaceId): Promise<string> {
  const [row] = await t.platform.database.db
    .insert(campaigns)
    .values({ workspaceId: inWorkspace, title: localized({ fr: 'Forum de Sfax', ar: 'منتدى صفاقس' }), goalDate: '2031-05-10', brief })
    .returning();
  return (row as { id: string }).id;
}

export const reviewUrl = (id: string, rest = '', ws = workspaceId) => `/api/workspaces/${ws}/reviews/${TYPE}/${id}${rest}`;

export function act(session: Session, id: string, body: Record<string, unknown>) {
  return t.request(session, { method: 'POST', url: reviewUrl(id, '/transitions'), payload: body });
}

export async function review(session: Session, id: string) {
  const response = await t.request(session, { method: 'GET', url: reviewUrl(id) });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Puts an item straight into `state` (the permission table is tested apart from the path leading there). */
export async function itemIn(state: string): Promise<string> {
  const id = await makeCampaign();
  await t.platform.database.db.insert(contentReviews).values({ workspaceId, contentType: TYPE, contentId: id, state });
  return id;
}

export const inOneHour = () => new Date(Date.now() + 3_600_000).toISOString();

export function bodyFor(action: ReviewAction): Record<string, unknown> {
  if (action === 'request_changes') return { action, note: 'Le titre arabe est à revoir.' };
  if (action === 'schedule') return { action, scheduledFor: inOneHour() };
  return { action };
}

export async function setRequiredApprovals(count: number) {
  const response = await t.request(as.admin, {
    method: 'PATCH',
    url: `/api/workspaces/${workspaceId}`,
    payload: { requiredApprovals: count },
  });
  expect(response.statusCode).toBe(200);
  expect(response.json().requiredApprovals).toBe(count);
}

/** Registers the app, two workspaces and one signed-in member per role (plus a second reviewer) for the file. */
export function setUpReviewFixture(): void {
  beforeAll(async () => {
    t = await createTestApp();
    workspaceId = (await t.make.workspace()).id;
    otherWorkspaceId = (await t.make.workspace()).id;
    for (const role of ROLES) as[role] = await t.signIn((await t.make.member(workspaceId, role)).email);
    as.reviewer2 = await t.signIn((await t.make.member(workspaceId, 'reviewer')).email);
  });
  afterAll(() => t.close());
}
