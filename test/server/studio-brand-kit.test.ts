/** Brand kit and partner logo strip: defaults, contrast warning, logos, fonts, order per language, rights. */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandKitForRender, partnerStripFor } from '../../src/server/modules/studio/brand-kit-render.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { multipart, pngOf, SAFE_SVG, SCRIPT_SVG } from '../helpers/studio-fixtures.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let viewer: Session;
let outsider: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let icosiId: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer', 'ar')).email);
  outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  icosiId = (await t.make.organisation(workspaceId, { name: localized({ fr: 'ICOSI', ar: 'إيكوسي' }) })).id;
});
afterAll(() => t.close());

const kitUrl = (workspace = workspaceId) => `/api/workspaces/${workspace}/studio/brand-kit`;

async function uploadLogo(session: Session, fileName: string, bytes: Buffer, workspace = workspaceId) {
  return t.request(session, { method: 'POST', url: `${kitUrl(workspace)}/logo-files`, ...multipart(fileName, bytes) });
}

async function logoId(name = 'logo.png'): Promise<string> {
  const response = await uploadLogo(officer, name, await pngOf(120, 60));
  expect(response.statusCode).toBe(201);
  return response.json().id;
}

const kitBody = (overrides: Record<string, unknown> = {}) => ({
  colors: { primary: '#0F766E', secondary: '#134e4a', accent: '#c2410c', text: '#1f2933', background: '#ffffff' },
  fonts: { arabic: 'Noto Naskh Arabic', arabicHeading: 'Noto Sans Arabic', latin: 'Noto Serif', latinHeading: 'Noto Sans' },
  logoLightFileId: null,
  logoDarkFileId: null,
  funderDisclaimer: {
    fr: { value: 'Ce projet est financé par l’Union européenne.', status: 'reviewed' },
    ar: { value: 'يموّل الاتحاد الأوروبي هذا المشروع.', status: 'reviewed' },
  },
  ...overrides,
});

describe('brand kit', () => {
  it('starts from the workspace brand colour and logo until one is saved', async () => {
    const logo = await logoId('workspace.png');
    await t.platform.database.db.update(workspaces).set({ brandColor: '#7c3aed', logoFileId: logo }).where(eq(workspaces.id, workspaceId));
    const response = await t.request(viewer, { method: 'GET', url: kitUrl() });
    expect(response.statusCode).toBe(200);
    const kit = response.json();
    expect(kit).toMatchObject({ isSaved: false, updatedAt: null, logoLightFileId: logo, logoDarkFileId: null, partners: [] });
    expect(kit.colors.primary).toBe('#7c3aed');
    expect(kit.fonts.latin).toBe('Noto Sans');
    expect(kit.contrast.isBelowAA).toBe(false);
  });

  it('saves a kit with a low-contrast warning instead of a refusal, and audits it', async () => {
    const light = await logoId('light.png');
    const dark = await uploadLogo(officer, 'dark.svg', SAFE_SVG);
    expect(dark.statusCode).toBe(201);
    expect(dark.json()).toMatchObject({ contentType: 'image/svg+xml', width: 120, height: 60 });
    const body = kitBody({
      colors: { ...kitBody().colors, text: '#777777' },
      logoLightFileId: light,
      logoDarkFileId: dark.json().id,
      expectedUpdatedAt: null,
    });
    const saved = await t.request(officer, { method: 'PUT', url: kitUrl(), payload: body });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ isSaved: true, logoLightFileId: light, logoDarkFileId: dark.json().id });
    expect(saved.json().colors.primary).toBe('#0f766e');
    expect(saved.json().contrast).toEqual({ ratio: 4.48, level: 'AA_LARGE', isBelowAA: true });
    const read = (await t.request(viewer, { method: 'GET', url: kitUrl() })).json();
    expect(read.fonts.latin).toBe('Noto Serif');
    expect(read.funderDisclaimer.ar.value).toBe('يموّل الاتحاد الأوروبي هذا المشروع.');
    const { rows } = await t.platform.database.executeSql(
      "select action from audit_log where workspace_id = $1 and entity_type = 'brand_kit' order by id",
      [workspaceId],
    );
    expect(rows.map((row) => (row as { action: string }).action)).toEqual(['create']);
    // Saving over a kit that someone else saved meanwhile is a conflict.
    const stale = await t.request(officer, { method: 'PUT', url: kitUrl(), payload: kitBody({ expectedUpdatedAt: null }) });
    expect(stale.statusCode).toBe(409);
  });

  it('names each bad field: colour, font, foreign logo, logo type, unsafe SVG', async () => {
    const foreign = await uploadLogo(outsider, 'theirs.png', await pngOf(10, 10), otherWorkspaceId);
    const gif = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('anim.gif', await pngOf(4, 4).then((png) => import('sharp').then(({ default: sharp }) => sharp(png).gif().toBuffer()))),
    });
    const script = await t.request(officer, {
      method: 'POST',
      url: `/api/workspaces/${workspaceId}/files`,
      ...multipart('x.svg', SCRIPT_SVG),
    });
    expect(gif.statusCode).toBe(201);
    expect(script.statusCode).toBe(201);
    const badColour = await t.request(officer, {
      method: 'PUT',
      url: `${kitUrl()}?lang=fr`,
      payload: kitBody({ colors: { ...kitBody().colors, accent: 'orange' }, fonts: { ...kitBody().fonts, latin: 'Comic Sans' } }),
    });
    expect(badColour.statusCode).toBe(400);
    expect(badColour.json().fields['colors.accent']).toEqual({ code: 'INVALID_COLOUR', message: expect.stringContaining('#') });
    expect(badColour.json().fields['fonts.latin'].code).toBe('INVALID_VALUE');
    const badLogos = await t.request(officer, {
      method: 'PUT',
      url: `${kitUrl()}?lang=ar`,
      payload: kitBody({ logoLightFileId: foreign.json().id, logoDarkFileId: gif.json().id }),
    });
    expect(badLogos.statusCode).toBe(400);
    expect(badLogos.json().fields.logoLightFileId.code).toBe('UNKNOWN_FILE');
    expect(badLogos.json().fields.logoDarkFileId.code).toBe('LOGO_TYPE');
    const unsafe = await t.request(officer, {
      method: 'PUT',
      url: `${kitUrl()}?lang=ar`,
      payload: kitBody({ logoDarkFileId: script.json().id }),
    });
    expect(unsafe.json().fields.logoDarkFileId.code).toBe('SVG_UNSAFE');
    expect(unsafe.json().fields.logoDarkFileId.message).toMatch(/[\u0600-\u06FF]/);
  });

  it('refuses an SVG logo with a script at upload, in the requester language', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: `${kitUrl()}/logo-files?lang=fr`,
      ...multipart('logo.svg', SCRIPT_SVG),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.file.code).toBe('SVG_UNSAFE');
    expect(response.json().fields.file.message).toContain('SVG');
    const pdf = await t.request(officer, {
      method: 'POST',
      url: `${kitUrl()}/logo-files`,
      ...multipart('logo.pdf', Buffer.from('%PDF-1.4\n%%EOF')),
    });
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().code).toBe('FILE_TYPE_MISMATCH');
  });

  it('lets everyone read the kit but only brand managers change it; other workspaces see nothing', async () => {
    for (const session of [viewer, contributor]) {
      expect((await t.request(session, { method: 'PUT', url: kitUrl(), payload: kitBody() })).statusCode).toBe(403);
      expect((await uploadLogo(session, 'l.png', await pngOf(8, 8))).statusCode).toBe(403);
    }
    expect((await t.request(contributor, { method: 'GET', url: kitUrl() })).statusCode).toBe(200);
    expect((await t.request(outsider, { method: 'GET', url: kitUrl() })).statusCode).toBe(404);
    expect((await t.request(outsider, { method: 'PUT', url: kitUrl(), payload: kitBody() })).statusCode).toBe(404);
    expect((await t.request(undefined, { method: 'GET', url: kitUrl() })).statusCode).toBe(401);
  });
});

describe('partner logo strip', () => {
  const partnersUrl = () => `${kitUrl()}/partners`;
  const ids: Record<string, string> = {};

  it('adds partners (a directory organisation lends its name) and a funder, each audited', async () => {
    const icosi = await t.request(officer, {
      method: 'POST',
      url: partnersUrl(),
      payload: { organisationId: icosiId, logoFileId: await logoId('icosi.png') },
    });
    expect(icosi.statusCode).toBe(201);
    expect(icosi.json()).toMatchObject({ role: 'partner', position: 0, organisationId: icosiId, languages: [] });
    expect(icosi.json().name.ar.value).toBe('إيكوسي');
    ids.icosi = icosi.json().id;
    const eu = await t.request(officer, {
      method: 'POST',
      url: partnersUrl(),
      payload: {
        name: { fr: { value: 'Union européenne', status: 'reviewed' }, ar: { value: 'الاتحاد الأوروبي', status: 'reviewed' } },
        logoFileId: await logoId('eu.png'),
        role: 'funder',
        mention: { fr: { value: 'Avec le soutien de', status: 'reviewed' }, ar: { value: 'بدعم من', status: 'reviewed' } },
      },
    });
    ids.eu = eu.json().id;
    const local = await t.request(officer, {
      method: 'POST',
      url: partnersUrl(),
      payload: { name: { fr: { value: 'Jeunesse Plus', status: 'draft' } }, logoFileId: await logoId('jp.png'), languages: ['fr'] },
    });
    ids.local = local.json().id;
    const nameless = await t.request(officer, { method: 'POST', url: partnersUrl(), payload: { logoFileId: await logoId() } });
    expect(nameless.statusCode).toBe(400);
    expect(nameless.json().fields.name.code).toBe('LOCALIZED_REQUIRED');
    const { rows } = await t.platform.database.executeSql(
      "select count(*)::int as n from audit_log where workspace_id = $1 and entity_type = 'brand_partner' and action = 'create'",
      [workspaceId],
    );
    expect(Number((rows[0] as { n: number }).n)).toBe(3);
  });

  it('reorders in one request, keeps funders last, and filters each language', async () => {
    const reordered = await t.request(officer, {
      method: 'PUT',
      url: `${partnersUrl()}/order`,
      payload: { ids: [ids.eu, ids.local, ids.icosi] },
    });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().items.map((item: { id: string }) => item.id)).toEqual([ids.local, ids.icosi, ids.eu]);
    const arabic = await partnerStripFor(t.platform.database.db, workspaceId, 'ar');
    expect(arabic.map((entry) => entry.name)).toEqual(['إيكوسي', 'الاتحاد الأوروبي']);
    expect(arabic[1]).toMatchObject({ role: 'funder', mention: 'بدعم من', logoContentType: 'image/png' });
    const french = await t.request(viewer, { method: 'GET', url: `${kitUrl()}/strip?language=fr` });
    expect(french.json().entries.map((entry: { name: string }) => entry.name)).toEqual(['Jeunesse Plus', 'ICOSI', 'Union européenne']);
    const partial = await t.request(officer, { method: 'PUT', url: `${partnersUrl()}/order`, payload: { ids: [ids.eu, ids.icosi] } });
    expect(partial.statusCode).toBe(400);
    expect(partial.json().fields.ids.code).toBe('INVALID_VALUE');
  });

  it('gives renderers the whole kit with one strip per content language', async () => {
    const kit = await brandKitForRender(t.platform.database.db, workspaceId);
    expect(kit.languages).toEqual(['ar', 'fr']);
    expect(kit.colors.text).toBe('#777777');
    expect(kit.fonts).toEqual(kitBody().fonts);
    expect(kit.logos.light?.contentType).toBe('image/png');
    expect(kit.logos.dark?.contentType).toBe('image/svg+xml');
    expect(kit.disclaimer.fr).toBe('Ce projet est financé par l’Union européenne.');
    expect(kit.partnerStrips.ar?.map((entry) => entry.id)).toEqual([ids.icosi, ids.eu]);
    expect(kit.partnerStrips.fr?.map((entry) => entry.id)).toEqual([ids.local, ids.icosi, ids.eu]);
  });

  it('edits and removes entries; other roles and workspaces cannot', async () => {
    const edited = await t.request(officer, {
      method: 'PATCH',
      url: `${partnersUrl()}/${ids.local}`,
      payload: { languages: ['ar', 'fr'] },
    });
    expect(edited.json().languages).toEqual(['ar', 'fr']);
    expect((await t.request(contributor, { method: 'DELETE', url: `${partnersUrl()}/${ids.local}` })).statusCode).toBe(403);
    expect(
      (
        await t.request(outsider, {
          method: 'PATCH',
          url: `/api/workspaces/${otherWorkspaceId}/studio/brand-kit/partners/${ids.local}`,
          payload: { languages: [] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.request(officer, { method: 'DELETE', url: `${partnersUrl()}/${ids.local}` })).statusCode).toBe(204);
    const list = (await t.request(viewer, { method: 'GET', url: partnersUrl() })).json();
    expect(list.items.map((item: { id: string }) => item.id)).toEqual([ids.icosi, ids.eu]);
  });
});

describe('shipped fonts', () => {
  it('serves the listed font files to signed-in members and nothing else', async () => {
    const font = await t.request(viewer, { method: 'GET', url: '/api/studio/fonts/NotoNaskhArabic-Regular.ttf' });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-type']).toBe('font/ttf');
    expect(font.rawPayload.subarray(0, 4).toString('hex')).toBe('00010000');
    expect((await t.request(viewer, { method: 'GET', url: '/api/studio/fonts/..%2F..%2Fpackage.json' })).statusCode).toBe(404);
    expect((await t.request(undefined, { method: 'GET', url: '/api/studio/fonts/NotoSans-Regular.ttf' })).statusCode).toBe(401);
  });
});
