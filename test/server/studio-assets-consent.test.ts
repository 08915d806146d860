/** Consent records of people in photos: CRUD, the picker hiding expired or missing consent per use, and usage warnings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designs, studioDocuments } from '../../src/server/modules/studio/studio.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { multipart, pngOf } from '../helpers/studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let viewer: Session;
let outsider: Session;
let workspaceId: string;
let otherWorkspaceId: string;
const ids = {} as Record<'landscape' | 'valid' | 'expired' | 'missing' | 'group', string>;

const FUTURE = '2100-01-01';
const PAST = '2000-01-01';
const assetsUrl = (suffix = '') => `/api/workspaces/${workspaceId}/studio/assets${suffix}`;

async function upload(name: string, showsPeople: boolean): Promise<string> {
  const response = await t.request(contributor, {
    method: 'POST',
    url: assetsUrl(),
    ...multipart(`${name}.png`, await pngOf(12, 12), { metadata: JSON.stringify({ showsPeople }) }),
  });
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

async function addConsent(session: Session, assetId: string, body: Record<string, unknown>) {
  return t.request(session, { method: 'POST', url: assetsUrl(`/${assetId}/consents`), payload: body });
}

async function picker(query: string): Promise<string[]> {
  const response = await t.request(viewer, { method: 'GET', url: assetsUrl(`?${query}`) });
  return (response.json().items as Array<{ id: string }>).map((item) => item.id).sort();
}

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor', 'ar')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  ids.landscape = await upload('paysage', false);
  ids.valid = await upload('valide', true);
  ids.expired = await upload('expire', true);
  ids.missing = await upload('sans-accord', true);
  ids.group = await upload('groupe', true);
  await addConsent(contributor, ids.valid, { personName: 'Salma B.', scope: ['web', 'social'], expiresOn: FUTURE });
  await addConsent(contributor, ids.expired, { personName: 'Karim T.', scope: ['print', 'web', 'social', 'press'], expiresOn: PAST });
  // Two people: one agreed to print and web, the other to web only, with no end date.
  await addConsent(contributor, ids.group, { personName: 'Hédi M.', scope: ['print', 'web'], expiresOn: FUTURE });
  await addConsent(contributor, ids.group, { personName: 'Amina R.', scope: ['web'] });
});
afterAll(() => t.close());

describe('asset picker', () => {
  it('hides, per use, the photos whose people lack a current consent for it', async () => {
    expect(await picker('usable=true&use=social')).toEqual([ids.landscape, ids.valid].sort());
    expect(await picker('usable=true&use=web')).toEqual([ids.landscape, ids.valid, ids.group].sort());
    expect(await picker('usable=true&use=print')).toEqual([ids.landscape]);
    expect(await picker('usable=true&use=press')).toEqual([ids.landscape]);
    // Without a use: any current consent will do, but never an expired or missing one.
    expect(await picker('usable=true')).toEqual([ids.landscape, ids.valid, ids.group].sort());
    // The library itself still lists everything.
    expect(await picker('limit=50')).toHaveLength(5);
  });

  it('summarises each asset’s consent on the asset itself', async () => {
    const summary = async (id: string) => (await t.request(viewer, { method: 'GET', url: assetsUrl(`/${id}`) })).json().consent;
    expect(await summary(ids.landscape)).toEqual({
      status: 'not_required',
      usableFor: ['print', 'web', 'social', 'press'],
      expiresOn: null,
    });
    expect(await summary(ids.valid)).toEqual({ status: 'valid', usableFor: ['web', 'social'], expiresOn: FUTURE });
    expect(await summary(ids.expired)).toEqual({ status: 'expired', usableFor: [], expiresOn: PAST });
    expect(await summary(ids.missing)).toEqual({ status: 'missing', usableFor: [], expiresOn: null });
    expect(await summary(ids.group)).toEqual({ status: 'valid', usableFor: ['web'], expiresOn: FUTURE });
  });

  it('shows a photo again once its expired consent is renewed, and hides it when one is added that has expired', async () => {
    const [consent] = (await t.request(contributor, { method: 'GET', url: assetsUrl(`/${ids.expired}/consents`) })).json().items;
    expect(consent.isExpired).toBe(true);
    const renewed = await t.request(officer, {
      method: 'PATCH',
      url: assetsUrl(`/${ids.expired}/consents/${consent.id}`),
      payload: { expiresOn: FUTURE },
    });
    expect(renewed.json()).toMatchObject({ isExpired: false, expiresOn: FUTURE });
    expect(await picker('usable=true&use=press')).toContain(ids.expired);
    await addConsent(officer, ids.expired, { personName: 'Walid S.', scope: ['press'], expiresOn: PAST });
    expect(await picker('usable=true&use=press')).not.toContain(ids.expired);
  });
});

describe('consent records', () => {
  it('checks the record: a name, at least one use, a real date, a form of this workspace', async () => {
    const foreignFile = await t.request(outsider, {
      method: 'POST',
      url: `/api/workspaces/${otherWorkspaceId}/files`,
      ...multipart('form.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')),
    });
    const response = await addConsent(contributor, ids.missing, { personName: '', scope: [], expiresOn: '2026-02-30' });
    expect(response.statusCode).toBe(400);
    expect(
      Object.fromEntries(Object.entries(response.json().fields).map(([field, value]) => [field, (value as { code: string }).code])),
    ).toEqual({
      personName: 'REQUIRED',
      scope: 'REQUIRED',
      expiresOn: 'INVALID_FORMAT',
    });
    const foreign = await addConsent(contributor, ids.missing, {
      personName: 'Nour',
      scope: ['web'],
      documentFileId: foreignFile.json().id,
    });
    expect(foreign.json().fields.documentFileId.code).toBe('UNKNOWN_FILE');
  });

  it('stores the scanned form, edits and deletes, and audits each step', async () => {
    const form = await t.request(contributor, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('accord.pdf', Buffer.from('%PDF-1.4\n%%EOF\n')),
    });
    const created = await addConsent(contributor, ids.missing, {
      personName: 'Nour El Houda',
      scope: ['social'],
      expiresOn: FUTURE,
      documentFileId: form.json().id,
      notes: 'Formulaire signé à Sfax.',
    });
    expect(created.statusCode).toBe(201);
    const consentUrl = assetsUrl(`/${ids.missing}/consents/${created.json().id}`);
    expect(
      (await t.request(contributor, { method: 'PATCH', url: consentUrl, payload: { scope: ['social', 'web'] } })).json().scope,
    ).toEqual(['social', 'web']);
    expect(await picker('usable=true&use=web')).toContain(ids.missing);
    expect((await t.request(contributor, { method: 'DELETE', url: consentUrl })).statusCode).toBe(204);
    expect(await picker('usable=true&use=web')).not.toContain(ids.missing);
    const { rows } = await t.platform.database.executeSql(
      "select action from audit_log where entity_type = 'asset_consent' and entity_id = $1 order by id",
      [created.json().id],
    );
    expect(rows.map((row) => (row as { action: string }).action)).toEqual(['create', 'update', 'delete']);
  });

  it('keeps records (they name people) from viewers, and from other workspaces', async () => {
    expect((await t.request(viewer, { method: 'GET', url: assetsUrl(`/${ids.valid}/consents`) })).statusCode).toBe(403);
    expect((await addConsent(viewer, ids.valid, { personName: 'X', scope: ['web'] })).statusCode).toBe(403);
    const outside = await t.request(outsider, {
      method: 'GET',
      url: `/api/workspaces/${otherWorkspaceId}/studio/assets/${ids.valid}/consents`,
    });
    expect(outside.statusCode).toBe(404);
  });
});

describe('usage', () => {
  it('lists the designs and documents using an asset and warns when its consent no longer holds', async () => {
    const db = t.platform.database.db;
    await db
      .insert(designs)
      .values({ workspaceId, title: 'Affiche atelier', template: 'a3-poster', variant: 'bilingual', data: {}, assetIds: [ids.missing] });
    await db.insert(studioDocuments).values({
      workspaceId,
      title: localized({ fr: 'Guide de sensibilisation' }),
      layout: 'awareness-guide',
      body: { fr: { type: 'doc', content: [{ type: 'image', attrs: { assetId: ids.missing } }] } },
    });
    const usage = await t.request(viewer, { method: 'GET', url: assetsUrl(`/${ids.missing}/usage`) });
    expect(usage.statusCode).toBe(200);
    expect(usage.json()).toMatchObject({
      designs: [{ title: 'Affiche atelier', template: 'a3-poster' }],
      documents: [{ title: { fr: { value: 'Guide de sensibilisation' } } }],
      warning: 'CONSENT_MISSING',
    });
    // A renewed consent with a newer, expired one beside it: used, so warned.
    await db
      .insert(designs)
      .values({ workspaceId, title: 'Carte', template: 'social-post', variant: 'ar', data: {}, assetIds: [ids.expired] });
    expect((await t.request(viewer, { method: 'GET', url: assetsUrl(`/${ids.expired}/usage`) })).json().warning).toBe('CONSENT_EXPIRED');
    const unused = await t.request(viewer, { method: 'GET', url: assetsUrl(`/${ids.valid}/usage`) });
    expect(unused.json()).toEqual({ designs: [], documents: [], warning: null });
  });
});
