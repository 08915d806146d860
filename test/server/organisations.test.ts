import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../../src/server/modules/directory/directory.tables.js';
import { countUpToCap } from '../../src/server/platform/db/pagination.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let viewer: Session;
let workspaceId: string;

beforeAll(async () => {
  t = await createTestApp();
  const workspace = await t.make.workspace();
  workspaceId = workspace.id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
});
afterAll(() => t.close());

const bilingual = {
  name: {
    ar: { value: 'تعاونية النساء في صفاقس', status: 'reviewed' },
    fr: { value: 'Coopérative des femmes de Sfax', status: 'reviewed' },
  },
  country: 'TN',
  type: 'cooperative',
};

describe('organisations', () => {
  it('creates an organisation with Arabic and French names, and finds it by an Arabic search with other letter forms', async () => {
    const created = await t.request(officer, { method: 'POST', url: `/api/workspaces/${workspaceId}/organisations`, payload: bilingual });
    expect(created.statusCode).toBe(201);
    expect(created.json().name.ar.value).toBe('تعاونية النساء في صفاقس');
    // "تعاونيه" (ه for ة) and no diacritics must still match.
    const found = await t.request(viewer, {
      method: 'GET',
      url: `/api/workspaces/${workspaceId}/organisations?q=${encodeURIComponent('تعاونيه النساء')}`,
    });
    expect(found.statusCode).toBe(200);
    expect(found.json().items.map((item: { id: string }) => item.id)).toContain(created.json().id);
  });

  it('refuses a viewer who tries to create, and writes nothing', async () => {
    const before = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations?limit=100` })).json().total;
    const refused = await t.request(viewer, { method: 'POST', url: `/api/workspaces/${workspaceId}/organisations`, payload: bilingual });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().code).toBe('FORBIDDEN');
    const after = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations?limit=100` })).json().total;
    expect(after).toBe(before);
  });

  it('explains invalid input per field, in the requester language', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/organisations?lang=ar`,
      payload: { name: { ar: { value: '  ', status: 'draft' } }, country: 'Maroc', type: 'club', extra: 1 },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/[\u0600-\u06FF]/);
    expect(Object.keys(body.fields).sort()).toEqual(['country', 'extra', 'name', 'type']);
    expect(body.fields.country.code).toBe('INVALID_COUNTRY');
    expect(body.fields.name.code).toBe('LOCALIZED_REQUIRED');
  });

  it('pages through results with a cursor, in name order, without repeats', async () => {
    for (let index = 0; index < 7; index += 1) await t.make.organisation(workspaceId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations?limit=3${query}` })).json();
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(8);
  });

  it('archives and restores, and records both in the audit log with before and after', async () => {
    const organisation = await t.make.organisation(workspaceId);
    const archived = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/organisations/${organisation.id}/archive`,
    });
    expect(archived.json().isArchived).toBe(true);
    const listed = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations?limit=100` })).json();
    expect(listed.items.map((item: { id: string }) => item.id)).not.toContain(organisation.id);
    const { rows } = await t.platform.database.executeSql('select action, before, after from audit_log where entity_id = $1 order by id', [
      organisation.id,
    ]);
    expect(rows.map((row) => row.action)).toEqual(['archive']);
    expect(((rows[0] as { before: unknown }).before as { isArchived: boolean }).isArchived).toBe(false);
    expect(((rows[0] as { after: unknown }).after as { isArchived: boolean }).isArchived).toBe(true);
  });

  it('exports CSV with a BOM, both languages and neutralised formulas', async () => {
    await t.make.organisation(workspaceId, { name: { fr: { value: '=HYPERLINK("x")', status: 'draft' } } });
    const response = await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations.csv` });
    expect(response.statusCode).toBe(200);
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    expect(response.body).toContain('تعاونية النساء في صفاقس');
    expect(response.body).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('list totals', () => {
  it('counts exactly up to the cap, then reports the cap and says so', async () => {
    const workspace = await t.make.workspace();
    for (let index = 0; index < 3; index += 1) await t.make.organisation(workspace.id);
    const where = eq(organisations.workspaceId, workspace.id);
    expect(await countUpToCap(t.platform.database.db, organisations, where, 3)).toEqual({ total: 3, isTotalCapped: false });
    expect(await countUpToCap(t.platform.database.db, organisations, where, 2)).toEqual({ total: 2, isTotalCapped: true });
    const page = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/organisations` })).json();
    expect(page.isTotalCapped).toBe(false);
  });
});

describe('list cache (embedded database)', () => {
  it('never serves a list older than the last write made through the API', async () => {
    const workspace = await t.make.workspace();
    const writer = await t.signIn((await t.make.member(workspace.id, 'officer')).email);
    const url = `/api/workspaces/${workspace.id}/organisations`;
    const list = async () => (await t.request(writer, { method: 'GET', url })).json();
    expect((await list()).total).toBe(0);
    expect((await list()).total).toBe(0);
    const created = await t.request(writer, { method: 'POST', url, payload: bilingual });
    expect(created.statusCode).toBe(201);
    const afterCreate = await list();
    expect(afterCreate.total).toBe(1);
    expect(afterCreate.items[0].peopleCount).toBe(0);
    const person = await t.request(writer, {
      method: 'POST',
      url: `/api/workspaces/${workspace.id}/people`,
      payload: { name: { fr: { value: 'Salma', status: 'draft' } }, organisationId: created.json().id },
    });
    expect(person.statusCode).toBe(201);
    expect((await list()).items[0].peopleCount).toBe(1);
    await t.request(writer, { method: 'POST', url: `${url}/${created.json().id}/archive` });
    expect((await list()).total).toBe(0);
  });
});
