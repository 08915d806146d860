import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let otherContributor: Session;
let viewer: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let organisationId: string;
let foreignOrganisationId: string;
let foreignCampaignId: string;
let campaignId: string;

async function makeCampaign(workspace: string): Promise<string> {
  const [row] = await t.platform.database.db
    .insert(campaigns)
    .values({ workspaceId: workspace, title: localized({ fr: 'Forum de Sfax' }), goalDate: '2026-11-20' })
    .returning({ id: campaigns.id });
  return (row as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  otherContributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  organisationId = (await t.make.organisation(workspaceId)).id;
  foreignOrganisationId = (await t.make.organisation(otherWorkspaceId)).id;
  campaignId = await makeCampaign(workspaceId);
  foreignCampaignId = await makeCampaign(otherWorkspaceId);
});
afterAll(() => t.close());

const base = () => `/api/workspaces/${workspaceId}/needs`;
const poster = () => ({
  title: { ar: { value: 'ملصق لورشة صفاقس بالعربية', status: 'draft' } },
  audience: { ar: { value: 'النساء الريفيات', status: 'draft' } },
  languages: ['ar'],
  neededBy: '2026-10-15',
  organisationId,
});

async function countRows(sql: string, params: unknown[]): Promise<number> {
  const { rows } = await t.platform.database.executeSql(sql, params);
  return Number((rows[0] as { count: string | number }).count);
}

describe('needs register', () => {
  it('lets a contributor submit a need in Arabic, see it among theirs, and edit it while submitted', async () => {
    const created = await t.request(contributor, { method: 'POST', url: base(), payload: poster() });
    expect(created.statusCode).toBe(201);
    const need = created.json();
    expect(need.status).toBe('submitted');
    expect(need.requesterUserId).toBe(contributor.userId);
    expect(need.canEdit).toBe(true);
    const mine = (await t.request(contributor, { method: 'GET', url: `${base()}?mine=true` })).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toEqual([need.id]);
    const edited = await t.request(contributor, {
      method: 'PATCH',
      url: `${base()}/${need.id}`,
      payload: { languages: ['ar', 'fr'] },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().languages).toEqual(['ar', 'fr']);
    // Another contributor cannot edit it.
    const foreign = await t.request(otherContributor, { method: 'PATCH', url: `${base()}/${need.id}`, payload: { languages: [] } });
    expect(foreign.statusCode).toBe(403);
  });

  it('refuses a viewer who submits, and a contributor who triages; nothing is written', async () => {
    const before = await countRows('select count(*) from need where workspace_id = $1', [workspaceId]);
    const byViewer = await t.request(viewer, { method: 'POST', url: base(), payload: poster() });
    expect(byViewer.statusCode).toBe(403);
    const need = (await t.request(contributor, { method: 'POST', url: base(), payload: poster() })).json();
    const triage = await t.request(contributor, { method: 'POST', url: `${base()}/${need.id}/triage`, payload: { status: 'accepted' } });
    expect(triage.statusCode).toBe(403);
    expect(triage.json().code).toBe('FORBIDDEN');
    expect((await t.request(viewer, { method: 'GET', url: `${base()}/${need.id}` })).json().status).toBe('submitted');
    expect(await countRows('select count(*) from need where workspace_id = $1', [workspaceId])).toBe(before + 1);
  });

  it('notifies the requester of each status change, in-app and by email in their language, and keeps the history', async () => {
    const need = (await t.request(contributor, { method: 'POST', url: base(), payload: poster() })).json();
    const accepted = await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage`,
      payload: { status: 'accepted', campaignId },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect(accepted.json().campaignId).toBe(campaignId);
    // Seen by the requester, who may no longer edit it.
    const seen = (await t.request(contributor, { method: 'GET', url: `${base()}/${need.id}` })).json();
    expect(seen.status).toBe('accepted');
    expect(seen.canEdit).toBe(false);
    const locked = await t.request(contributor, { method: 'PATCH', url: `${base()}/${need.id}?lang=ar`, payload: { languages: ['fr'] } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().fields.status.code).toBe('NEED_LOCKED');
    expect(locked.json().fields.status.message).toMatch(/[\u0600-\u06FF]/);

    const notifications = (await t.request(contributor, { method: 'GET', url: `/api/workspaces/${workspaceId}/notifications` })).json();
    const notification = notifications.items.find((item: { link: string }) => item.link?.endsWith(need.id));
    expect(notification.kind).toBe('need-status-changed');
    expect(notification.params).toMatchObject({ status: 'accepted', title: 'ملصق لورشة صفاقس بالعربية' });
    const { rows: mails } = await t.platform.database.executeSql('select to_address, subject from mail_outbox where to_address = $1', [
      contributor.email,
    ]);
    expect(mails).toHaveLength(1);
    expect((mails[0] as { subject: string }).subject).toContain('مقبولة');

    await t.request(officer, { method: 'POST', url: `${base()}/${need.id}/triage`, payload: { status: 'in_progress' } });
    const history = (await t.request(contributor, { method: 'GET', url: `${base()}/${need.id}/history` })).json();
    expect(history.items.map((item: { status: string }) => item.status)).toEqual(['submitted', 'accepted', 'in_progress']);
    // Linking without a status change is no status step and no notification.
    await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage`,
      payload: { deliverableUrl: 'https://altermed.example/affiche.pdf' },
    });
    const after = (await t.request(contributor, { method: 'GET', url: `${base()}/${need.id}/history` })).json();
    expect(after.items).toHaveLength(3);
    expect(await countRows('select count(*) from notification where user_id = $1', [contributor.userId])).toBe(2);
  });

  it('refuses a decline without a reason and accepts one with it', async () => {
    const need = (await t.request(contributor, { method: 'POST', url: base(), payload: poster() })).json();
    const refused = await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage?lang=fr`,
      payload: { status: 'declined' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.declineReason.code).toBe('DECLINE_REASON_REQUIRED');
    expect(refused.json().fields.declineReason.message).toMatch(/refusé/);
    expect((await t.request(officer, { method: 'GET', url: `${base()}/${need.id}` })).json().status).toBe('submitted');
    const declined = await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage`,
      payload: { status: 'declined', declineReason: 'Déjà couvert par le kit du forum' },
    });
    expect(declined.json().declineReason).toBe('Déjà couvert par le kit du forum');
    const history = (await t.request(contributor, { method: 'GET', url: `${base()}/${need.id}/history` })).json();
    expect(history.items.at(-1)).toMatchObject({ status: 'declined', declineReason: 'Déjà couvert par le kit du forum' });
  });

  it("refuses another workspace's organisation, campaign, task or file, with a field error and nothing written", async () => {
    const before = await countRows('select count(*) from need where workspace_id = $1', [workspaceId]);
    const foreignOrg = await t.request(contributor, {
      method: 'POST',
      url: `${base()}?lang=ar`,
      payload: { ...poster(), organisationId: foreignOrganisationId },
    });
    expect(foreignOrg.statusCode).toBe(400);
    expect(foreignOrg.json().fields.organisationId.code).toBe('UNKNOWN_ORGANISATION');
    expect(await countRows('select count(*) from need where workspace_id = $1', [workspaceId])).toBe(before);

    const need = (await t.request(contributor, { method: 'POST', url: base(), payload: poster() })).json();
    const auditBefore = await countRows('select count(*) from audit_log where entity_id = $1', [need.id]);
    const foreignLinks = await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage`,
      payload: { status: 'planned', campaignId: foreignCampaignId, taskId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(foreignLinks.statusCode).toBe(400);
    expect(foreignLinks.json().fields.campaignId.code).toBe('UNKNOWN_CAMPAIGN');
    expect(foreignLinks.json().fields.taskId.code).toBe('UNKNOWN_TASK');
    const foreignFile = await t.request(officer, {
      method: 'POST',
      url: `${base()}/${need.id}/triage`,
      payload: { deliverableFileId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(foreignFile.json().fields.deliverableFileId.code).toBe('UNKNOWN_FILE');
    const unchanged = (await t.request(officer, { method: 'GET', url: `${base()}/${need.id}` })).json();
    expect(unchanged).toMatchObject({ status: 'submitted', campaignId: null, taskId: null });
    expect(await countRows('select count(*) from audit_log where entity_id = $1', [need.id])).toBe(auditBefore);
    expect(await countRows('select count(*) from notification where link like $1', [`%${need.id}`])).toBe(0);
  });

  it("hides a workspace's needs from members of another workspace", async () => {
    const need = (await t.request(contributor, { method: 'POST', url: base(), payload: poster() })).json();
    const outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
    expect((await t.request(outsider, { method: 'GET', url: `${base()}/${need.id}` })).statusCode).toBe(404);
    const ownUrl = `/api/workspaces/${otherWorkspaceId}/needs/${need.id}`;
    expect((await t.request(outsider, { method: 'GET', url: ownUrl })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'POST', url: `${ownUrl}/triage`, payload: { status: 'accepted' } })).statusCode).toBe(404);
  });

  it('filters by status and organisation and pages newest first without repeats', async () => {
    const workspace = (await t.make.workspace()).id;
    const member = await t.signIn((await t.make.member(workspace, 'officer')).email);
    const organisation = (await t.make.organisation(workspace)).id;
    const ids: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      const payload = { title: { fr: { value: `Besoin ${index}`, status: 'draft' } }, organisationId: index % 2 ? organisation : null };
      ids.push((await t.request(member, { method: 'POST', url: `/api/workspaces/${workspace}/needs`, payload })).json().id);
    }
    await t.request(member, { method: 'POST', url: `/api/workspaces/${workspace}/needs/${ids[0]}/triage`, payload: { status: 'planned' } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await t.request(member, { method: 'GET', url: `/api/workspaces/${workspace}/needs?limit=2${query}` })).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const planned = (await t.request(member, { method: 'GET', url: `/api/workspaces/${workspace}/needs?status=planned` })).json();
    expect(planned.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    const byOrganisation = (
      await t.request(member, { method: 'GET', url: `/api/workspaces/${workspace}/needs?organisationId=${organisation}` })
    ).json();
    expect(byOrganisation.items).toHaveLength(2);
    const forged = await t.request(member, { method: 'GET', url: `/api/workspaces/${workspace}/needs?cursor=abc` });
    expect(forged.statusCode).toBe(400);
  });
});
