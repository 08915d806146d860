/** Asset library: metadata, folded Arabic/French search, filters, keyset pages, archive, rights, other workspaces. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { multipart, pngOf } from '../helpers/studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let otherContributor: Session;
let viewer: Session;
let outsider: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let organisationId: string;
let foreignOrganisationId: string;
let campaignId: string;
const ids: Record<string, string> = {};

const assetsUrl = (suffix = '', workspace = workspaceId) => `/api/workspaces/${workspace}/studio/assets${suffix}`;
const text = (ar: string, fr: string) => ({ ar: { value: ar, status: 'draft' }, fr: { value: fr, status: 'draft' } });

async function upload(session: Session, fileName: string, metadata: Record<string, unknown> = {}, workspace = workspaceId) {
  const response = await t.request(session, {
    method: 'POST',
    url: assetsUrl('', workspace),
    ...multipart(fileName, await pngOf(16, 12), { metadata: JSON.stringify(metadata) }),
  });
  return response;
}

async function list(session: Session, query = '') {
  const response = await t.request(session, { method: 'GET', url: assetsUrl(query) });
  expect(response.statusCode).toBe(200);
  return response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
}

const idsOf = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id).sort();

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  otherContributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  organisationId = (await t.make.organisation(workspaceId)).id;
  foreignOrganisationId = (await t.make.organisation(otherWorkspaceId)).id;
  const [campaign] = await t.platform.database.db
    .insert(campaigns)
    .values({ workspaceId, title: localized({ fr: 'Forum de Sfax' }), goalDate: '2026-11-20' })
    .returning({ id: campaigns.id });
  campaignId = (campaign as { id: string }).id;

  ids.mothers = (
    await upload(contributor, 'meres.png', {
      title: text('ورشة الأمهات في صفاقس', 'Atelier des mères à Sfax'),
      tags: ['atelier', 'sfax'],
      organisationId,
      campaignId,
      languages: ['ar'],
    })
  ).json().id;
  ids.solar = (
    await upload(officer, 'solaire.png', { title: text('الطاقة الشمسية', 'Énergie solaire'), tags: ['énergie'], languages: ['fr'] })
  ).json().id;
  ids.neutral = (await upload(officer, 'motif.png', { title: text('زخرفة', 'Motif'), tags: ['atelier'] })).json().id;
  ids.poster = (await upload(otherContributor, 'affiche.png', { title: text('ملصق المنتدى', 'Affiche du forum'), campaignId })).json().id;
  ids.doc = (
    await t.request(officer, {
      method: 'POST',
      url: assetsUrl(),
      ...multipart('charte.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), { metadata: JSON.stringify({ title: text('الميثاق', 'Charte') }) }),
    })
  ).json().id;
  ids.foreign = (await upload(outsider, 'autre.png', { title: text('أمهات', 'Mères') }, otherWorkspaceId)).json().id;
});
afterAll(() => t.close());

describe('search and filters', () => {
  it('finds Arabic titles whatever the hamza or taa marbuta typed, and French without accents', async () => {
    expect(idsOf(await list(viewer, '?q=امهات'))).toEqual([ids.mothers]);
    expect(idsOf(await list(viewer, `?q=${encodeURIComponent('ورشه')}`))).toEqual([ids.mothers]);
    expect(idsOf(await list(viewer, `?q=${encodeURIComponent('صفاقس')}`))).toEqual([ids.mothers]);
    expect(idsOf(await list(viewer, '?q=ENERGIE'))).toEqual([ids.solar]);
    // By tag text and by file name too.
    expect(idsOf(await list(viewer, '?q=affiche.png'))).toEqual([ids.poster]);
  });

  it('filters by tag, organisation, campaign, language (assets without text fit every language) and kind', async () => {
    expect(idsOf(await list(viewer, '?tag=atelier'))).toEqual([ids.mothers, ids.neutral].sort());
    expect(idsOf(await list(viewer, `?organisationId=${organisationId}`))).toEqual([ids.mothers]);
    expect(idsOf(await list(viewer, `?campaignId=${campaignId}`))).toEqual([ids.mothers, ids.poster].sort());
    expect(idsOf(await list(viewer, '?language=ar'))).toEqual([ids.mothers, ids.neutral, ids.poster, ids.doc].sort());
    expect(idsOf(await list(viewer, '?language=fr&kind=image'))).toEqual([ids.solar, ids.neutral, ids.poster].sort());
    expect(idsOf(await list(viewer, '?kind=document'))).toEqual([ids.doc]);
    const tags = await t.request(viewer, { method: 'GET', url: assetsUrl('/tags') });
    expect(tags.json().tags).toEqual(['atelier', 'sfax', 'énergie']);
  });

  it('pages newest first by keyset without repeating or skipping, and refuses a forged cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(viewer, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.doc, ids.poster, ids.neutral, ids.solar, ids.mothers]);
    const forged = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    const response = await t.request(viewer, { method: 'GET', url: assetsUrl(`?cursor=${forged}`) });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.cursor.code).toBe('INVALID_VALUE');
  });
});

describe('metadata', () => {
  it('lets the uploader edit alt text and caption per language, and audits it', async () => {
    const before = (await t.request(contributor, { method: 'GET', url: assetsUrl(`/${ids.mothers}`) })).json();
    expect(before.canEdit).toBe(true);
    const response = await t.request(contributor, {
      method: 'PATCH',
      url: assetsUrl(`/${ids.mothers}`),
      payload: {
        alt: text('أمهات يتعلّمن حول طاولة', 'Des mères apprennent autour d’une table'),
        caption: text('صفاقس، 2026', 'Sfax, 2026'),
        licence: 'CC BY 4.0',
        expectedUpdatedAt: before.updatedAt,
      },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ licence: 'CC BY 4.0', alt: { fr: { value: 'Des mères apprennent autour d’une table' } } });
    // The alt text is searchable too.
    expect(idsOf(await list(viewer, `?q=${encodeURIComponent('طاوله')}`))).toEqual([ids.mothers]);
    const stale = await t.request(contributor, {
      method: 'PATCH',
      url: assetsUrl(`/${ids.mothers}`),
      payload: { credit: 'x', expectedUpdatedAt: before.updatedAt },
    });
    expect(stale.statusCode).toBe(409);
    const { rows } = await t.platform.database.executeSql(
      "select action from audit_log where entity_type = 'asset' and entity_id = $1 order by id",
      [ids.mothers],
    );
    expect(rows.map((row) => (row as { action: string }).action)).toEqual(['create', 'update']);
  });

  it('refuses links to another workspace, and an empty title', async () => {
    const response = await t.request(officer, {
      method: 'PATCH',
      url: assetsUrl(`/${ids.solar}`),
      payload: { organisationId: foreignOrganisationId, title: { fr: { value: ' ', status: 'draft' } } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.title.code).toBe('LOCALIZED_REQUIRED');
    const foreign = await t.request(officer, {
      method: 'PATCH',
      url: assetsUrl(`/${ids.solar}`),
      payload: { organisationId: foreignOrganisationId },
    });
    expect(foreign.json().fields.organisationId.code).toBe('UNKNOWN_ORGANISATION');
    const atUpload = await upload(officer, 'x.png', { campaignId: '00000000-0000-4000-8000-000000000000' });
    expect(atUpload.json().fields.campaignId.code).toBe('UNKNOWN_CAMPAIGN');
  });

  it('archives (out of lists) and restores', async () => {
    expect((await t.request(officer, { method: 'DELETE', url: assetsUrl(`/${ids.neutral}`) })).statusCode).toBe(204);
    expect(idsOf(await list(viewer, '?tag=atelier'))).toEqual([ids.mothers]);
    expect(idsOf(await list(viewer, '?archived=true'))).toEqual([ids.neutral]);
    const restored = await t.request(officer, { method: 'PATCH', url: assetsUrl(`/${ids.neutral}`), payload: { isArchived: false } });
    expect(restored.json().isArchived).toBe(false);
    expect(idsOf(await list(viewer, '?tag=atelier'))).toEqual([ids.mothers, ids.neutral].sort());
  });
});

describe('rights', () => {
  it('lets a viewer read and download but not upload or edit', async () => {
    expect((await t.request(viewer, { method: 'GET', url: assetsUrl(`/${ids.poster}/download`) })).statusCode).toBe(200);
    expect((await upload(viewer, 'v.png')).statusCode).toBe(403);
    expect((await t.request(viewer, { method: 'PATCH', url: assetsUrl(`/${ids.poster}`), payload: { credit: 'v' } })).statusCode).toBe(403);
    expect((await t.request(viewer, { method: 'DELETE', url: assetsUrl(`/${ids.poster}`) })).statusCode).toBe(403);
  });

  it('lets a contributor upload and edit their own assets only; a brand manager edits any', async () => {
    const own = (await t.request(otherContributor, { method: 'GET', url: assetsUrl(`/${ids.poster}`) })).json();
    const others = (await t.request(otherContributor, { method: 'GET', url: assetsUrl(`/${ids.mothers}`) })).json();
    expect([own.canEdit, others.canEdit]).toEqual([true, false]);
    expect(
      (await t.request(otherContributor, { method: 'PATCH', url: assetsUrl(`/${ids.mothers}`), payload: { credit: 'x' } })).statusCode,
    ).toBe(403);
    expect(
      (await t.request(officer, { method: 'PATCH', url: assetsUrl(`/${ids.poster}`), payload: { credit: 'AlterMed' } })).statusCode,
    ).toBe(200);
  });

  it('answers 404 for another workspace, whichever way it is asked', async () => {
    expect(idsOf(await list(officer, '?q=امهات'))).not.toContain(ids.foreign);
    for (const suffix of ['', '/download', '/thumbnail', '/usage', '/consents']) {
      expect((await t.request(officer, { method: 'GET', url: assetsUrl(`/${ids.foreign}${suffix}`) })).statusCode, suffix).toBe(404);
    }
    expect((await t.request(officer, { method: 'PATCH', url: assetsUrl(`/${ids.foreign}`), payload: { credit: 'x' } })).statusCode).toBe(
      404,
    );
    expect((await t.request(outsider, { method: 'GET', url: assetsUrl() })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'GET', url: assetsUrl(`/${ids.mothers}`) })).statusCode).toBe(404);
    expect((await t.request(undefined, { method: 'GET', url: assetsUrl() })).statusCode).toBe(401);
  });
});
