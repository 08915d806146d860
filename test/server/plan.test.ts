import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let viewer: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let otherOfficer: Session;

const text = (fr: string, ar?: string) => ({
  fr: { value: fr, status: 'reviewed' },
  ...(ar ? { ar: { value: ar, status: 'draft' } } : {}),
});

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  otherOfficer = await t.signIn((await t.make.member(otherWorkspaceId, 'officer')).email);
});
afterAll(() => t.close());

const url = (path: string, workspace = workspaceId) => `/api/workspaces/${workspace}/plan${path}`;

async function auditActions(entityId: string): Promise<string[]> {
  const { rows } = await t.platform.database.executeSql('select action from audit_log where entity_id = $1 order by id', [entityId]);
  return rows.map((row) => (row as { action: string }).action);
}

describe('communication plan', () => {
  it('builds a plan: objectives, audiences with key messages, channels, in position order, every write audited', async () => {
    const first = await t.request(officer, {
      method: 'POST',
      url: url('/objectives'),
      payload: { title: text('Faire connaître', 'التعريف') },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json().position).toBe(0);
    const second = await t.request(officer, {
      method: 'POST',
      url: url('/objectives'),
      payload: { title: text('Mobiliser les autorités') },
    });
    expect(second.json().position).toBe(1);
    // Moving the first objective after the second reorders the plan.
    await t.request(officer, { method: 'PATCH', url: url(`/objectives/${first.json().id}`), payload: { position: 2 } });
    const audience = await t.request(officer, {
      method: 'POST',
      url: url('/audiences'),
      payload: { name: text('Femmes rurales', 'النساء الريفيات') },
    });
    expect(audience.statusCode).toBe(201);
    const message = await t.request(officer, {
      method: 'POST',
      url: url('/key-messages'),
      payload: { audienceId: audience.json().id, objectiveId: first.json().id, message: text('L’entreprise partagée vous appartient') },
    });
    expect(message.statusCode).toBe(201);
    expect(message.json().objectiveId).toBe(first.json().id);
    const channel = await t.request(officer, {
      method: 'POST',
      url: url('/channels'),
      payload: { name: text('Page Facebook'), kind: 'facebook' },
    });
    expect(channel.json().kind).toBe('facebook');

    const plan = (await t.request(viewer, { method: 'GET', url: url('') })).json();
    expect(plan.objectives.map((item: { id: string }) => item.id)).toEqual([second.json().id, first.json().id]);
    expect(plan.audiences[0].name.ar.value).toBe('النساء الريفيات');
    expect(plan.keyMessages).toHaveLength(1);
    expect(plan.channels).toHaveLength(1);
    expect(await auditActions(message.json().id)).toEqual(['create']);
  });

  it('edits and archives, with before and after in the audit log; archived parts leave the plan unless asked', async () => {
    const objective = (
      await t.request(officer, { method: 'POST', url: url('/objectives'), payload: { title: text('Temporaire') } })
    ).json();
    const edited = await t.request(officer, {
      method: 'PATCH',
      url: url(`/objectives/${objective.id}`),
      payload: { title: text('Renommé'), expectedUpdatedAt: objective.updatedAt },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().title.fr.value).toBe('Renommé');
    const stale = await t.request(officer, {
      method: 'PATCH',
      url: url(`/objectives/${objective.id}`),
      payload: { title: text('Perdu'), expectedUpdatedAt: objective.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    const archived = await t.request(officer, { method: 'POST', url: url(`/objectives/${objective.id}/archive`) });
    expect(archived.json().isArchived).toBe(true);
    const active = (await t.request(viewer, { method: 'GET', url: url('') })).json();
    expect(active.objectives.map((item: { id: string }) => item.id)).not.toContain(objective.id);
    const all = (await t.request(viewer, { method: 'GET', url: url('?archived=all') })).json();
    expect(all.objectives.map((item: { id: string }) => item.id)).toContain(objective.id);
    expect(await auditActions(objective.id)).toEqual(['create', 'update', 'archive']);
    const restored = await t.request(officer, { method: 'POST', url: url(`/objectives/${objective.id}/restore`) });
    expect(restored.json().isArchived).toBe(false);
  });

  it('records indicator values over time: the latest by date counts, progress from baseline to target', async () => {
    const indicator = await t.request(officer, {
      method: 'POST',
      url: url('/indicators'),
      payload: { name: text('Abonnés Facebook'), unit: text('abonnés'), baseline: 1000, target: 3000, targetDate: '2026-12-31' },
    });
    expect(indicator.statusCode).toBe(201);
    expect(indicator.json().latestValue).toBeNull();
    expect(indicator.json().progressPercent).toBeNull();
    const id = indicator.json().id;
    const recorded = await t.request(officer, {
      method: 'POST',
      url: url(`/indicators/${id}/values`),
      payload: { recordedOn: '2026-03-31', value: 2000, note: 'Fin du trimestre' },
    });
    expect(recorded.statusCode).toBe(201);
    // An older recording entered later does not become the latest.
    await t.request(officer, { method: 'POST', url: url(`/indicators/${id}/values`), payload: { recordedOn: '2026-01-31', value: 1200 } });
    const plan = (await t.request(viewer, { method: 'GET', url: url('') })).json();
    const shown = plan.indicators.find((item: { id: string }) => item.id === id);
    expect(shown.latestValue).toBe(2000);
    expect(shown.latestRecordedOn).toBe('2026-03-31');
    expect(shown.progressPercent).toBe(50);
    const values = (await t.request(viewer, { method: 'GET', url: url(`/indicators/${id}/values`) })).json();
    expect(values.items.map((item: { value: number }) => item.value)).toEqual([2000, 1200]);
    expect(values.items[0].note).toBe('Fin du trimestre');
    expect(await auditActions(id)).toEqual(['create', 'record-value', 'record-value']);
  });

  it('lets everyone read but only officers write; a contributor and a viewer are refused and nothing is written', async () => {
    for (const session of [contributor, viewer]) {
      const refused = await t.request(session, { method: 'POST', url: url('/channels'), payload: { name: text('Site'), kind: 'website' } });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().code).toBe('FORBIDDEN');
    }
    const plan = (await t.request(contributor, { method: 'GET', url: url('') })).json();
    expect(plan.channels.map((item: { kind: string }) => item.kind)).not.toContain('website');
  });

  it('refuses another workspace: its plan, and an audience or objective of another workspace in a key message', async () => {
    expect((await t.request(otherOfficer, { method: 'GET', url: url('') })).statusCode).toBe(404);
    const foreignAudience = (
      await t.request(otherOfficer, { method: 'POST', url: url('/audiences', otherWorkspaceId), payload: { name: text('Journalistes') } })
    ).json();
    const mine = (await t.request(officer, { method: 'GET', url: url('') })).json();
    const refused = await t.request(officer, {
      method: 'POST',
      url: `${url('/key-messages')}?lang=ar`,
      payload: { audienceId: foreignAudience.id, message: text('Message') },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().fields.audienceId.code).toBe('UNKNOWN_AUDIENCE');
    expect(refused.json().fields.audienceId.message).toMatch(/[\u0600-\u06FF]/);
    const after = (await t.request(officer, { method: 'GET', url: url('') })).json();
    expect(after.keyMessages).toHaveLength(mine.keyMessages.length);
    const foreignEdit = await t.request(officer, {
      method: 'PATCH',
      url: url(`/audiences/${foreignAudience.id}`),
      payload: { name: text('x') },
    });
    expect(foreignEdit.statusCode).toBe(404);
  });

  it('explains bad input per field: a missing target, an unknown channel kind, a malformed date', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: url('/indicators'),
      payload: { name: text('Articles'), targetDate: '31/12/2026' },
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().fields).sort()).toEqual(['target', 'targetDate']);
    const channel = await t.request(officer, { method: 'POST', url: url('/channels'), payload: { name: text('TikTok'), kind: 'tiktok' } });
    expect(channel.json().fields.kind.code).toBe('INVALID_VALUE');
  });
});
