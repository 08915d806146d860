/**
 * Newsletter issues: CRUD through the API, a validation error per field, permissions by role,
 * another workspace's issues answered as absent, the approval workflow (an edit after approval
 * clears it), and an issue frozen once its send has started.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailingLists, newsletterIssues, segments } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { bilingualIssue, createIssue, issuesUrl, pngBytes, uploadFile } from '../helpers/newsletter-issue-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let otherWorkspaceId: string;
let officer: Session;
let contributor: Session;
let reviewer: Session;
let viewer: Session;
let outsider: Session;
let imageId: string;
let pdfId: string;
let foreignImageId: string;
let listId: string;
let segmentId: string;
let campaignId: string;
let foreignListId: string;

const url = (rest = '') => issuesUrl(workspaceId, rest);
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  const officerMember = await t.make.member(workspaceId, 'officer');
  officer = await t.signIn(officerMember.email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  reviewer = await t.signIn((await t.make.member(workspaceId, 'reviewer')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const outsiderMember = await t.make.member(otherWorkspaceId, 'officer');
  outsider = await t.signIn(outsiderMember.email);
  imageId = await uploadFile(t, workspaceId, officerMember.userId, 'forum.png', await pngBytes());
  pdfId = await uploadFile(t, workspaceId, officerMember.userId, 'programme.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
  foreignImageId = await uploadFile(t, otherWorkspaceId, outsiderMember.userId, 'other.png', await pngBytes(20, 20));
  const [list] = await db()
    .insert(mailingLists)
    .values({ workspaceId, name: localized({ fr: 'Partenaires' }) })
    .returning();
  const [foreignList] = await db()
    .insert(mailingLists)
    .values({ workspaceId: otherWorkspaceId, name: localized({ fr: 'Autre' }) })
    .returning();
  const [segment] = await db()
    .insert(segments)
    .values({ workspaceId, name: localized({ fr: 'Maroc' }), filter: { match: 'all', conditions: [] } })
    .returning();
  const [campaign] = await db()
    .insert(campaigns)
    .values({ workspaceId, title: localized({ fr: 'Forum' }), goalDate: '2026-12-08' })
    .returning();
  listId = (list as { id: string }).id;
  foreignListId = (foreignList as { id: string }).id;
  segmentId = (segment as { id: string }).id;
  campaignId = (campaign as { id: string }).id;
});
afterAll(() => t.close());

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await t.platform.database.executeSql('select action from audit_log where entity_id = $1 order by id', [entityId]);
  return (rows as Array<{ action: string }>).map((row) => row.action);
}

describe('issues CRUD', () => {
  it('creates a bilingual issue with every block type, reads it back, lists it, and audits the write', async () => {
    const payload = { ...bilingualIssue(imageId), listIds: [listId], segmentId, campaignId };
    const created = await createIssue(t, officer, workspaceId, payload);
    expect(created).toMatchObject({
      status: 'draft',
      reviewState: 'draft',
      sendMode: 'bilingual',
      bilingualOrder: ['ar', 'fr'],
      languages: ['ar', 'fr'],
      isEditable: true,
      listIds: [listId],
      segmentId,
      campaignId,
      utmSource: 'newsletter',
      utmMedium: 'email',
      utmCampaign: 'dec-2026',
      blockCount: 6,
    });
    const read = (await t.request(viewer, { method: 'GET', url: url(`/${created.id}`) })).json();
    expect(read.blocks.map((block: { type: string }) => block.type)).toEqual(['heading', 'text', 'image', 'button', 'divider', 'columns']);
    expect(read.blocks[2].fileId).toBe(imageId);
    expect(read.subject.ar.value).toBe('نشرة ألترميد — ديسمبر 2026');
    const list = (await t.request(viewer, { method: 'GET', url: url() })).json();
    const item = list.items.find((entry: { id: string }) => entry.id === created.id);
    expect(item).toMatchObject({ status: 'draft', reviewState: 'draft', languages: ['ar', 'fr'] });
    expect(item.blocks).toBeUndefined();
    expect(await auditActions(created.id)).toEqual(['create']);
  });

  it('updates content and audience fields, duplicates into a new draft, and deletes only drafts', async () => {
    const issue = await createIssue(t, contributor, workspaceId);
    const updated = await t.request(contributor, {
      method: 'PATCH',
      url: url(`/${issue.id}`),
      payload: {
        sendMode: 'per_language',
        bilingualOrder: ['fr', 'ar'],
        utmSource: 'lettre',
        listIds: [listId],
        expectedUpdatedAt: issue.updatedAt,
      },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({
      sendMode: 'per_language',
      bilingualOrder: ['fr', 'ar'],
      utmSource: 'lettre',
      languages: ['fr', 'ar'],
    });
    const stale = await t.request(contributor, {
      method: 'PATCH',
      url: url(`/${issue.id}`),
      payload: { utmSource: 'x', expectedUpdatedAt: issue.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    const copy = await t.request(officer, { method: 'POST', url: url(`/${issue.id}/duplicate`) });
    expect(copy.statusCode).toBe(201);
    expect(copy.json()).toMatchObject({ status: 'draft', sendMode: 'per_language', utmSource: 'lettre', listIds: [listId] });
    expect(copy.json().id).not.toBe(issue.id);
    expect(await auditActions(copy.json().id)).toEqual(['duplicate']);
    expect((await t.request(officer, { method: 'DELETE', url: url(`/${copy.json().id}`) })).statusCode).toBe(204);
    expect((await t.request(officer, { method: 'GET', url: url(`/${copy.json().id}`) })).statusCode).toBe(404);
    expect(await auditActions(copy.json().id)).toEqual(['duplicate', 'delete']);
    await db().update(newsletterIssues).set({ status: 'scheduled' }).where(eq(newsletterIssues.id, issue.id));
    const refused = await t.request(officer, { method: 'DELETE', url: url(`/${issue.id}`) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('INVALID_STATE');
  });

  it('lists newest first, page by page, and filters by status', async () => {
    const local = (await t.make.workspace()).id;
    const member = await t.signIn((await t.make.member(local, 'officer')).email);
    const ids: string[] = [];
    for (const word of ['un', 'deux', 'trois']) {
      ids.push((await createIssue(t, member, local, { subject: localized({ fr: `Numéro ${word}` }) })).id);
    }
    await db()
      .update(newsletterIssues)
      .set({ status: 'sent' })
      .where(eq(newsletterIssues.id, ids[0] as string));
    const first = (await t.request(member, { method: 'GET', url: `${issuesUrl(local)}?limit=2` })).json();
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([ids[2], ids[1]]);
    const second = (await t.request(member, { method: 'GET', url: `${issuesUrl(local)}?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();
    const sent = (await t.request(member, { method: 'GET', url: `${issuesUrl(local)}?status=sent` })).json();
    expect(sent.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    const bad = await t.request(member, { method: 'GET', url: `${issuesUrl(local)}?cursor=nope` });
    expect(bad.json().fields.cursor.code).toBe('INVALID_VALUE');
  });
});

describe('issue validation', () => {
  const invalid = async (payload: Record<string, unknown>) => {
    const response = await t.request(officer, { method: 'POST', url: url(), payload });
    expect(response.statusCode).toBe(400);
    return Object.fromEntries(
      Object.entries(response.json().fields as Record<string, { code: string }>).map(([key, value]) => [key, value.code]),
    );
  };
  const blocksWith = (change: (blocks: ReturnType<typeof bilingualIssue>['blocks']) => void) => {
    const issue = bilingualIssue();
    change(issue.blocks);
    return issue;
  };

  it('names the field of each problem the schema sees, and writes nothing', async () => {
    const { rows } = await t.platform.database.executeSql('select count(*)::int as n from newsletter_issue where workspace_id = $1', [
      workspaceId,
    ]);
    const before = (rows[0] as { n: number }).n;
    expect(
      await invalid(blocksWith((blocks) => Object.assign(blocks[3] as object, { url: localized({ fr: 'javascript:alert(1)' }) }))),
    ).toEqual({
      'blocks.3.url.fr.value': 'INVALID_URL',
    });
    expect(await invalid(blocksWith((blocks) => Object.assign(blocks[1] as object, { id: 'h1' })))).toEqual({
      'blocks.1.id': 'DUPLICATE_KEY',
    });
    const reversed = blocksWith((blocks) => {
      const event = ((blocks[5] as { columns: object[][] }).columns[1] as object[])[0] as { endsAt: string };
      event.endsAt = '2026-12-07T09:00:00+01:00';
    });
    expect(await invalid(reversed)).toEqual({ 'blocks.5.columns.1.0.endsAt': 'BEFORE_START' });
    expect(await invalid({ subject: localized({ fr: 'x'.repeat(201) }) })).toEqual({ 'subject.fr.value': 'TOO_LONG' });
    expect(await invalid({ bilingualOrder: ['ar', 'ar'] })).toEqual({ bilingualOrder: 'INVALID_VALUE' });
    expect(await invalid({ utmCampaign: 'a&b=c' })).toEqual({ utmCampaign: 'INVALID_VALUE' });
    expect(await invalid({ sendMode: 'both' })).toEqual({ sendMode: 'INVALID_VALUE' });
    expect(await invalid({ colour: 'red' })).toEqual({ colour: 'UNKNOWN_FIELD' });
    expect(await invalid({ blocks: [{ type: 'video', id: 'v' }] })).toMatchObject({ 'blocks.0.type': 'INVALID_VALUE' });
    const after = await t.platform.database.executeSql('select count(*)::int as n from newsletter_issue where workspace_id = $1', [
      workspaceId,
    ]);
    expect((after.rows[0] as { n: number }).n).toBe(before);
  });

  it('refuses references outside the workspace and files that are not email images', async () => {
    expect(await invalid({ ...bilingualIssue(foreignImageId) })).toEqual({ 'blocks.2.fileId': 'UNKNOWN_FILE' });
    expect(await invalid({ ...bilingualIssue(pdfId) })).toEqual({ 'blocks.2.fileId': 'NOT_AN_IMAGE' });
    expect(await invalid({ listIds: [listId, foreignListId] })).toEqual({ 'listIds.1': 'UNKNOWN_LIST' });
    expect(await invalid({ segmentId: crypto.randomUUID() })).toEqual({ segmentId: 'UNKNOWN_SEGMENT' });
    expect(await invalid({ campaignId: crypto.randomUUID() })).toEqual({ campaignId: 'UNKNOWN_CAMPAIGN' });
    const issue = await createIssue(t, officer, workspaceId);
    const patch = await t.request(officer, { method: 'PATCH', url: url(`/${issue.id}`), payload: { listIds: [foreignListId] } });
    expect(patch.json().fields).toMatchObject({ 'listIds.0': { code: 'UNKNOWN_LIST' } });
  });
});

describe('issue permissions', () => {
  it('lets every member read, contributors and officers write, and nobody outside the workspace see anything', async () => {
    const issue = await createIssue(t, officer, workspaceId);
    expect((await t.request(undefined, { method: 'GET', url: url() })).statusCode).toBe(401);
    expect((await t.request(viewer, { method: 'GET', url: url(`/${issue.id}`) })).statusCode).toBe(200);
    for (const session of [viewer, reviewer]) {
      expect((await t.request(session, { method: 'POST', url: url(), payload: {} })).statusCode).toBe(403);
      expect((await t.request(session, { method: 'PATCH', url: url(`/${issue.id}`), payload: { utmSource: 'x' } })).statusCode).toBe(403);
      expect((await t.request(session, { method: 'DELETE', url: url(`/${issue.id}`) })).statusCode).toBe(403);
    }
    expect((await t.request(contributor, { method: 'POST', url: url(), payload: {} })).statusCode).toBe(201);
    // An officer of another workspace: the workspace is absent to them, and so is the issue through their own.
    expect((await t.request(outsider, { method: 'GET', url: url(`/${issue.id}`) })).statusCode).toBe(404);
    const throughOwn = (rest: string) => issuesUrl(otherWorkspaceId, `/${issue.id}${rest}`);
    expect((await t.request(outsider, { method: 'GET', url: throughOwn('') })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'PATCH', url: throughOwn(''), payload: { utmSource: 'x' } })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'DELETE', url: throughOwn('') })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'POST', url: throughOwn('/duplicate') })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'GET', url: throughOwn('/preview?variant=ar') })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'GET', url: throughOwn('/preview.txt') })).statusCode).toBe(404);
    const send = await t.request(outsider, {
      method: 'POST',
      url: throughOwn('/test-send'),
      payload: { addresses: ['a@example.org'], variant: 'ar' },
    });
    expect(send.statusCode).toBe(404);
    const reviewThroughOwn = `/api/workspaces/${otherWorkspaceId}/reviews/newsletter.issue/${issue.id}`;
    expect((await t.request(outsider, { method: 'GET', url: reviewThroughOwn })).statusCode).toBe(404);
  });
});

describe('issues and the approval workflow', () => {
  const reviewUrl = (id: string, rest = '') => `/api/workspaces/${workspaceId}/reviews/newsletter.issue/${id}${rest}`;
  const act = (session: Session, id: string, body: object) =>
    t.request(session, { method: 'POST', url: reviewUrl(id, '/transitions'), payload: body });
  const review = async (id: string) => (await t.request(officer, { method: 'GET', url: reviewUrl(id) })).json();

  it('counts a text missing in Arabic (a button label) as Arabic missing, which blocks scheduling', async () => {
    const payload = bilingualIssue();
    Object.assign(payload.blocks[3] as object, { label: localized({ fr: 'S’inscrire' }, 'reviewed') });
    const issue = await createIssue(t, officer, workspaceId, payload);
    const state = await review(issue.id);
    expect(state.languages).toEqual([
      { language: 'ar', status: 'missing' },
      { language: 'fr', status: 'reviewed' },
    ]);
    expect(state.link).toBe(`/app/w/${workspaceId}/newsletter/issues/${issue.id}`);
    await act(officer, issue.id, { action: 'submit' });
    await act(reviewer, issue.id, { action: 'approve' });
    const schedule = await act(officer, issue.id, { action: 'schedule', scheduledFor: new Date(Date.now() + 3_600_000).toISOString() });
    expect(schedule.statusCode).toBe(409);
    expect(schedule.json().code).toBe('LANGUAGES_INCOMPLETE');
  });

  it('clears approvals when the text of an approved issue changes, but not when only its audience does', async () => {
    const issue = await createIssue(t, officer, workspaceId);
    await act(officer, issue.id, { action: 'submit' });
    expect((await act(reviewer, issue.id, { action: 'approve' })).json().state).toBe('approved');
    const audience = await t.request(officer, {
      method: 'PATCH',
      url: url(`/${issue.id}`),
      payload: { listIds: [listId], utmCampaign: 'x' },
    });
    expect(audience.json().reviewState).toBe('approved');
    const edited = await t.request(officer, {
      method: 'PATCH',
      url: url(`/${issue.id}`),
      payload: { subject: localized({ ar: 'عنوان جديد', fr: 'Nouveau titre' }) },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().reviewState).toBe('in_review');
    const after = await review(issue.id);
    expect(after).toMatchObject({ state: 'in_review', approvals: [] });
    expect(after.events.at(-1)).toMatchObject({ action: 'content_changed', fromState: 'approved', toState: 'in_review' });
    expect(await auditActions(issue.id)).toContain('review.content-changed');
  });

  it('takes a scheduled issue back to draft when its text changes, and refuses any edit once sending has started', async () => {
    const issue = await createIssue(t, officer, workspaceId);
    await db()
      .update(newsletterIssues)
      .set({ status: 'scheduled', scheduledAt: new Date(Date.now() + 86_400_000) })
      .where(eq(newsletterIssues.id, issue.id));
    const edited = await t.request(officer, {
      method: 'PATCH',
      url: url(`/${issue.id}`),
      payload: { preheader: localized({ ar: 'مقدمة', fr: 'Chapô' }) },
    });
    expect(edited.json()).toMatchObject({ status: 'draft', scheduledAt: null });
    for (const status of ['sending', 'paused', 'sent', 'cancelled']) {
      await db().update(newsletterIssues).set({ status }).where(eq(newsletterIssues.id, issue.id));
      const refused = await t.request(officer, { method: 'PATCH', url: url(`/${issue.id}`), payload: { utmSource: 'x' } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'INVALID_STATE', params: { state: status } });
      expect((await t.request(officer, { method: 'GET', url: url(`/${issue.id}`) })).json().isEditable).toBe(false);
    }
    const [row] = await db().select().from(newsletterIssues).where(eq(newsletterIssues.id, issue.id));
    expect(row?.utmSource).toBe('newsletter');
    // A sent issue can still be copied into a new draft.
    expect((await t.request(officer, { method: 'POST', url: url(`/${issue.id}/duplicate`) })).json().status).toBe('draft');
  });
});
