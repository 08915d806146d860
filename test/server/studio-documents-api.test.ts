/**
 * Studio documents API: create, read, list (keyset, search by title, filter by layout), update with
 * a version (a stale one is refused), delete; field errors in the reader's language (French and
 * Arabic); audit entries; permissions and other workspaces.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import {
  AR_TEXT,
  createDocumentsFixture,
  type DocumentsFixture,
  doc,
  FR_TEXT,
  heading,
  paragraph,
  text,
} from '../helpers/documents-fixture.js';

let f: DocumentsFixture;
beforeAll(async () => {
  f = await createDocumentsFixture();
});
afterAll(() => f.t.close());

type Problem = { code: string; message: string; fields?: Record<string, { code: string; message: string }> };

async function auditActions(id: string): Promise<string[]> {
  const rows = await f.t.platform.database.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'studio.document'), eq(auditLog.entityId, id)))
    .orderBy(auditLog.createdAt);
  return rows.map((row) => row.action);
}

describe('creating and reading', () => {
  it('creates a draft at version 1 in the languages of its mode, audited', async () => {
    const created = await f.create({ languages: ['fr', 'ar'] });
    expect(created).toMatchObject({
      layout: 'advocacy-brief',
      mode: 'bilingual-sequential',
      languages: ['fr', 'ar'],
      version: 1,
      reviewState: 'draft',
      lastRender: null,
      bodies: {},
      warnings: [],
      export: { state: 'idle' },
      digits: 'western',
      cover: { imageAssetId: null },
    });
    expect(await f.get(created.id)).toMatchObject({ id: created.id, version: 1 });
    expect(await auditActions(created.id)).toEqual(['create']);

    const arabic = await f.create({ mode: 'ar' });
    expect(arabic.languages).toEqual(['ar']);
  });

  it('answers field errors in French and in Arabic', async () => {
    const payload = { title: { fr: { value: '  ', status: 'draft' } }, layout: 'poster', mode: 'ar', languages: ['fr'] };
    const french = await f.t.request(f.officer, { method: 'POST', url: f.documentsUrl(), payload });
    expect(french.statusCode).toBe(400);
    const body = french.json() as Problem;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.fields?.title).toMatchObject({ code: 'LOCALIZED_REQUIRED', message: 'Saisissez ce texte dans au moins une langue.' });
    expect(body.fields?.layout?.code).toBe('INVALID_VALUE');

    const arabic = await f.t.request(f.contributor, {
      method: 'POST',
      url: f.documentsUrl(),
      payload: { ...payload, layout: 'fact-sheet' },
    });
    const arabicBody = arabic.json() as Problem;
    expect(arabicBody.message).toMatch(/[\u0600-\u06FF]/);
    expect(arabicBody.fields?.title?.message).toMatch(/[\u0600-\u06FF]/);

    // An Arabic-only document cannot print French first.
    const mismatch = await f.t.request(f.officer, {
      method: 'POST',
      url: f.documentsUrl(),
      payload: { ...payload, title: { ar: { value: 'عنوان', status: 'draft' } }, layout: 'fact-sheet' },
    });
    expect((mismatch.json() as Problem).fields?.languages?.code).toBe('INVALID_VALUE');
  });
});

describe('updating', () => {
  it('saves bodies per language, raises the version and audits each save', async () => {
    const created = await f.create();
    const saved = await f.patch(created.id, { version: 1, bodies: { ar: doc(heading('التوصيات'), paragraph(AR_TEXT)) } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, bodyStatus: { ar: 'draft' } });
    const second = await f.patch(created.id, {
      version: 2,
      bodies: { fr: doc(heading('Recommandations'), paragraph(FR_TEXT)) },
      bodyStatus: { ar: 'reviewed' },
      layout: 'fact-sheet',
    });
    const document = second.json();
    expect(document).toMatchObject({ version: 3, layout: 'fact-sheet', bodyStatus: { ar: 'reviewed', fr: 'draft' } });
    expect(document.bodies.ar.content[1].content[0].text).toBe(AR_TEXT);
    expect(document.bodies.fr.content[0].content[0].text).toBe('Recommandations');

    // null removes a language; a save changing nothing keeps the version.
    const removed = (await f.patch(created.id, { version: 3, bodies: { fr: null } })).json();
    expect(removed.version).toBe(4);
    expect(removed.bodies.fr).toBeUndefined();
    expect((await f.patch(created.id, { version: 4, layout: 'fact-sheet' })).json().version).toBe(4);
    expect(await auditActions(created.id)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('refuses a save made on a version someone else has saved since (409, in the reader’s language)', async () => {
    const created = await f.create();
    const [first, second] = await Promise.all([
      f.patch(created.id, { version: 1, title: { fr: { value: 'Première version', status: 'draft' } } }, f.officer),
      f.patch(created.id, { version: 1, title: { fr: { value: 'Seconde version', status: 'draft' } } }, f.contributor),
    ]);
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect((loser.json() as Problem).code).toBe('CONFLICT');
    const winner = first.statusCode === 200 ? 'Première version' : 'Seconde version';
    const now = await f.get(created.id);
    expect(now).toMatchObject({ version: 2, title: { fr: { value: winner } } });
    // The contributor reads Arabic.
    const stale = await f.patch(created.id, { version: 1, layout: 'fact-sheet' }, f.contributor);
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as Problem).message).toMatch(/[\u0600-\u06FF]/);
  });

  it('names the field of a bad body node, its depth and its size', async () => {
    const created = await f.create();
    const badLink = doc({ type: 'paragraph', content: [text('lien', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])] });
    const response = await f.patch(created.id, { version: 1, bodies: { fr: badLink } }, f.officer);
    expect(response.statusCode).toBe(400);
    expect((response.json() as Problem).fields?.['bodies.fr.content.0.content.0.marks.0.attrs.href']).toEqual({
      code: 'LINK_INVALID',
      message: 'Lien invalide : il doit commencer par http://, https:// ou mailto:.',
    });

    let deep: Record<string, unknown> = { type: 'paragraph', content: [text('fond')] };
    for (let level = 0; level < 14; level += 1) deep = { type: 'blockquote', content: [deep] };
    const tooDeep = await f.patch(created.id, { version: 1, bodies: { ar: { type: 'doc', content: [deep] } } });
    expect((tooDeep.json() as Problem).fields?.['bodies.ar']).toMatchObject({ code: 'TOO_DEEP' });
    expect((tooDeep.json() as Problem).fields?.['bodies.ar']?.message).toMatch(/[\u0600-\u06FF]/);

    const long = doc(...Array.from({ length: 11 }, () => paragraph('ب'.repeat(19_000))));
    const tooLong = await f.patch(created.id, { version: 1, bodies: { ar: long } });
    expect((tooLong.json() as Problem).fields?.['bodies.ar']?.code).toBe('TOO_LONG');

    const badLevel = await f.patch(created.id, {
      version: 1,
      bodies: { fr: doc({ type: 'heading', attrs: { level: 4 }, content: [] } as never) },
    });
    expect(Object.keys((badLevel.json() as Problem).fields ?? {})).toEqual(['bodies.fr.content.0.attrs.level']);
    expect((await f.get(created.id)).version).toBe(1);
  });

  it('keeps the print order consistent with the mode', async () => {
    const created = await f.create({ languages: ['fr', 'ar'] });
    const arabicOnly = (await f.patch(created.id, { version: 1, mode: 'ar' })).json();
    expect(arabicOnly.languages).toEqual(['ar']);
    const back = (await f.patch(created.id, { version: 2, mode: 'bilingual-facing' })).json();
    expect(back.languages).toEqual(['fr', 'ar']);
    const refused = await f.patch(created.id, { version: 3, mode: 'fr', languages: ['ar'] });
    expect((refused.json() as Problem).fields?.languages?.code).toBe('INVALID_VALUE');
  });
});

describe('listing', () => {
  it('pages by last edit, searches titles in any language and filters by layout', async () => {
    const ids: string[] = [];
    for (const [index, layout] of ['research-report', 'research-report', 'awareness-guide'].entries()) {
      const created = await f.create({
        layout,
        title: {
          ar: { value: `تقرير التعاونيات رقم ${index}`, status: 'draft' },
          fr: { value: `Rapport Méditerranée ${index}`, status: 'draft' },
        },
      });
      ids.push(created.id);
    }
    const first = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl('?layout=research-report&limit=1') });
    expect(first.statusCode, first.body).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((item: { id: string }) => item.id)).toEqual([ids[1]]);
    expect(page1.items[0]).not.toHaveProperty('bodies');
    const second = await f.t.request(f.viewer, {
      method: 'GET',
      url: f.documentsUrl(`?layout=research-report&limit=1&cursor=${page1.nextCursor}`),
    });
    expect(second.json().items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.json().nextCursor).toBeNull();

    // Accents and Arabic letter variants are folded: "mediterranee", "التقرير" without the article.
    const latin = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl('?q=mediterranee 2') });
    expect(latin.json().items.map((item: { id: string }) => item.id)).toEqual([ids[2]]);
    const arabic = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`?q=${encodeURIComponent('تقرير التعاونيات')}`) });
    expect(
      arabic
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([...ids].sort());

    const badCursor = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl('?cursor=abc') });
    expect(badCursor.statusCode).toBe(400);
  });
});

describe('deleting, permissions and workspaces', () => {
  it('deletes with an audit entry; the document is gone', async () => {
    const created = await f.create();
    const deleted = await f.t.request(f.officer, { method: 'DELETE', url: f.documentsUrl(`/${created.id}`) });
    expect(deleted.statusCode).toBe(204);
    const after = await f.t.request(f.viewer, { method: 'GET', url: f.documentsUrl(`/${created.id}`) });
    expect(after.statusCode).toBe(404);
    expect(await auditActions(created.id)).toEqual(['create', 'delete']);
  });

  it('lets viewers and reviewers read but not write, and keeps other workspaces out', async () => {
    const created = await f.create();
    for (const session of [f.viewer, f.reviewer]) {
      expect((await f.t.request(session, { method: 'GET', url: f.documentsUrl(`/${created.id}`) })).statusCode).toBe(200);
      expect((await f.patch(created.id, { version: 1, layout: 'fact-sheet' }, session)).statusCode).toBe(403);
      expect((await f.t.request(session, { method: 'POST', url: f.documentsUrl(`/${created.id}/export`), payload: {} })).statusCode).toBe(
        403,
      );
    }
    const refused = await f.t.request(f.viewer, {
      method: 'POST',
      url: f.documentsUrl(),
      payload: { title: { fr: { value: 'x', status: 'draft' } }, layout: 'fact-sheet', mode: 'fr' },
    });
    expect(refused.statusCode).toBe(403);
    // The outsider's own workspace does not hold it, and ours is not theirs.
    const foreignUrl = `/api/workspaces/${f.otherWorkspaceId}/studio/documents/${created.id}`;
    expect((await f.t.request(f.outsider, { method: 'GET', url: foreignUrl })).statusCode).toBe(404);
    expect((await f.t.request(f.outsider, { method: 'GET', url: f.documentsUrl(`/${created.id}`) })).statusCode).toBe(404);
    expect(
      (await f.t.request(f.outsider, { method: 'GET', url: `/api/workspaces/${f.otherWorkspaceId}/studio/documents` })).json().items,
    ).toEqual([]);
  });
});
