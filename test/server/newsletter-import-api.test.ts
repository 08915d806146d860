/**
 * The import wizard through the API: upload, preview (detected and chosen encoding and separator),
 * start, the job, the import's status; refusals (binary files, wrong state, unknown lists); roles and
 * another workspace's import.
 */

import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentRecords, listSubscriptions, mailingLists, subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { auditLog } from '../../src/server/platform/platform.tables.js';
import { CONSENT, createImportFixture, type ImportFixture, multipart } from '../helpers/newsletter-import-fixture.js';

const MAILCHIMP_1256 = iconv.encode(
  [
    'Email Address;First Name;Last Name;CC;TAGS;MEMBER_RATING',
    'khadija.amrani@example.ma;خديجة;العمراني;MA;شباب;2',
    'Rachid.Haddad@Example.DZ;رشيد;حداد;DZ;;3',
    'leila@example.tn;Leïla;Ben Salem;TN;femmes, Sfax;2',
  ].join('\r\n'),
  'windows-1256',
);

let f: ImportFixture;
beforeAll(async () => {
  f = await createImportFixture();
});
afterAll(() => f.close());

describe('import wizard', () => {
  it('uploads, previews, starts and imports a Windows-1256 Mailchimp export', async () => {
    const listId = await f.makeList('Lettre mensuelle');
    const uploaded = await f.upload('mailchimp.csv', MAILCHIMP_1256);
    expect(uploaded).toMatchObject({ status: 'uploaded', originalName: 'mailchimp.csv', encoding: 'windows-1256', delimiter: 'semicolon' });

    const preview = await f.preview(uploaded.id);
    expect(preview).toMatchObject({
      encoding: 'windows-1256',
      detectedEncoding: 'windows-1256',
      delimiter: 'semicolon',
      hasHeaderRow: true,
      headers: ['Email Address', 'First Name', 'Last Name', 'CC', 'TAGS', 'MEMBER_RATING'],
      estimatedRows: 3,
      suggestedMapping: { '0': 'email', '1': 'first_name', '2': 'last_name', '3': 'country', '4': 'tags', '5': 'ignore' },
    });
    expect(preview.rows[0]).toEqual(['khadija.amrani@example.ma', 'خديجة', 'العمراني', 'MA', 'شباب', '2']);

    // Read as Windows-1252 the Arabic is mojibake; the officer can see it and choose back.
    const wrong = await f.preview(uploaded.id, '?encoding=windows-1252&delimiter=comma');
    expect(wrong).toMatchObject({
      encoding: 'windows-1252',
      detectedEncoding: 'windows-1256',
      delimiter: 'comma',
      detectedDelimiter: 'semicolon',
    });
    expect(wrong.rows[0]?.join('')).not.toContain('خديجة');

    const started = await f.start(uploaded.id, {
      encoding: preview.encoding,
      delimiter: preview.delimiter,
      mapping: { '0': 'email', '1': 'first_name', '2': 'last_name', '3': 'country', '4': 'tags', '5': 'ignore' },
      listIds: [listId],
      tags: ['import-2026'],
      consentText: CONSENT,
    });
    expect(started).toMatchObject({ status: 'queued', totalRows: 3, processedRows: 0 });
    await f.runJobs();

    const done = await f.get(uploaded.id);
    expect(done).toMatchObject({
      status: 'done',
      totalRows: 3,
      processedRows: 3,
      createdCount: 3,
      updatedCount: 0,
      skippedCount: 0,
      errorCount: 0,
      hasErrorReport: false,
    });
    const khadija = await f.subscriberByEmail('khadija.amrani@example.ma');
    expect(khadija).toMatchObject({
      name: 'خديجة العمراني',
      country: 'MA',
      tags: ['شباب', 'import-2026'],
      languages: ['fr'],
      status: 'active',
    });
    const rachid = await f.subscriberByEmail('rachid.haddad@example.dz');
    expect(rachid).toMatchObject({ email: 'Rachid.Haddad@Example.DZ', name: 'رشيد حداد' });
    expect((await f.subscriberByEmail('leila@example.tn'))?.tags).toEqual(['femmes', 'Sfax', 'import-2026']);
    expect(await f.subscriptionsOf(khadija?.id as string)).toEqual([{ listId, status: 'confirmed' }]);
    const consents = await f.consentsOf(khadija?.id as string);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      action: 'subscribe',
      source: 'import',
      consentText: CONSENT,
      listId,
      importId: uploaded.id,
      actorUserId: f.session.userId,
    });

    const audit = await f.t.platform.database.db.select().from(auditLog).where(eq(auditLog.entityId, uploaded.id));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'start']);
  });

  it('lists past imports newest first, with their counts', async () => {
    const first = await f.upload('a.csv', 'email\nimport-list-a@example.org\n');
    const second = await f.upload('b.csv', 'email\nimport-list-b@example.org\n');
    const page = await f.t.request(f.session, { method: 'GET', url: `${f.base}?limit=2` });
    expect(page.statusCode).toBe(200);
    const body = page.json() as { items: Array<{ id: string }>; nextCursor: string | null };
    expect(body.items.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(body.nextCursor).not.toBeNull();
    const next = await f.t.request(f.session, { method: 'GET', url: `${f.base}?limit=2&cursor=${body.nextCursor}` });
    expect((next.json() as { items: unknown[] }).items.length).toBeGreaterThan(0);
  });

  it('offers the workspace’s open lists', async () => {
    const listId = await f.makeList('Partenaires');
    const response = await f.t.request(f.session, { method: 'GET', url: `${f.base}/lists` });
    expect(response.statusCode).toBe(200);
    expect((response.json() as { items: Array<{ id: string }> }).items.map((item) => item.id)).toContain(listId);
  });

  it('refuses a spreadsheet or a binary file, saying why in the reader’s language', async () => {
    const xlsx = await f.t.request(f.session, {
      method: 'POST',
      url: `${f.base}?lang=fr`,
      ...multipart('abonnes.xlsx', Buffer.from('PK\x03\x04xl/workbook.xml', 'latin1')),
    });
    expect(xlsx.statusCode).toBe(422);
    expect(xlsx.json()).toMatchObject({ code: 'CSV_UNREADABLE', params: { reasonCode: 'SPREADSHEET' } });
    expect((xlsx.json() as { message: string }).message).toContain('Enregistrez-le au format CSV');
    expect((xlsx.json() as { fields: Record<string, { code: string }> }).fields.file?.code).toBe('CSV_SPREADSHEET');

    const png = await f.t.request(f.session, {
      method: 'POST',
      url: `${f.base}?lang=ar`,
      ...multipart('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])),
    });
    expect(png.statusCode).toBe(422);
    expect((png.json() as { message: string }).message).toContain('ليس ملفًا نصيًا');
  });

  it('refuses a file over the upload limit', async () => {
    const small = await createImportFixture({ UPLOAD_MAX_MB: '1' });
    try {
      const big = `email\n${'x'.repeat(1_100_000)}@example.org\n`;
      const response = await small.t.request(small.session, { method: 'POST', url: small.base, ...multipart('big.csv', big) });
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'FILE_TOO_LARGE', params: { maxMb: 1 } });
    } finally {
      await small.close();
    }
  });

  it('checks the start request: mapping, lists, state', async () => {
    const uploaded = await f.upload('check.csv', 'email,name\ncheck@example.org,Check\n');
    const start = (body: Record<string, unknown>) =>
      f.t.request(f.session, {
        method: 'POST',
        url: `${f.base}/${uploaded.id}/start`,
        payload: { encoding: 'utf-8', delimiter: 'comma', mapping: { '0': 'email' }, listIds: [], consentText: CONSENT, ...body },
      });
    const noEmail = await start({ mapping: { '0': 'name' } });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json()).toMatchObject({ code: 'VALIDATION_FAILED', fields: { mapping: { code: 'EMAIL_COLUMN_REQUIRED' } } });
    const outside = await start({ mapping: { '0': 'email', '7': 'name' } });
    expect(outside.json()).toMatchObject({ fields: { 'mapping.7': { code: 'UNKNOWN_COLUMN' } } });
    const elsewhere = await f.t.make.workspace();
    const foreignList = await f.makeList('Ailleurs', elsewhere.id);
    const unknownList = await start({ listIds: [foreignList] });
    expect(unknownList.statusCode).toBe(400);
    expect(unknownList.json()).toMatchObject({ fields: { 'listIds.0': { code: 'UNKNOWN_LIST' } } });
    const noConsent = await start({ consentText: '   ' });
    expect(noConsent.statusCode).toBe(400);

    expect((await start({})).statusCode).toBe(200);
    const again = await start({});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('marks an import failed when a chosen list is gone before the job runs', async () => {
    const listId = await f.makeList('Éphémère');
    const uploaded = await f.upload('gone.csv', 'email\ngone@example.org\n');
    await f.start(uploaded.id, {
      encoding: 'utf-8',
      delimiter: 'comma',
      mapping: { '0': 'email' },
      listIds: [listId],
      consentText: CONSENT,
    });
    await f.t.platform.database.db.delete(mailingLists).where(eq(mailingLists.id, listId));
    await f.runJobs();
    expect(await f.get(uploaded.id)).toMatchObject({ status: 'failed', failureCode: 'LISTS_CHANGED', processedRows: 0 });
    expect(await f.subscriberByEmail('gone@example.org')).toBeUndefined();
  });
});

describe('who may import', () => {
  it('lets admins and officers in, and nobody else', async () => {
    for (const role of ['reviewer', 'contributor', 'viewer'] as const) {
      const session = await f.signInAs(role);
      const list = await f.t.request(session, { method: 'GET', url: f.base });
      expect(list.statusCode, role).toBe(403);
      const upload = await f.t.request(session, { method: 'POST', url: f.base, ...multipart('x.csv', 'email\nx@example.org\n') });
      expect(upload.statusCode, role).toBe(403);
    }
    const admin = await f.signInAs('admin');
    expect((await f.t.request(admin, { method: 'GET', url: f.base })).statusCode).toBe(200);
    expect((await f.t.request(undefined, { method: 'GET', url: f.base })).statusCode).toBe(401);
  });

  it('answers 404 for another workspace’s import, whichever path is used', async () => {
    const uploaded = await f.upload('mine.csv', 'email\nmine@example.org\n');
    const other = await f.t.make.workspace();
    const stranger = await f.t.make.member(other.id, 'officer');
    const session = await f.t.signIn(stranger.email);
    const otherBase = `/api/workspaces/${other.id}/newsletter/imports`;
    for (const suffix of ['', '/preview', '/errors.csv']) {
      const response = await f.t.request(session, { method: 'GET', url: `${otherBase}/${uploaded.id}${suffix}` });
      expect(response.statusCode, suffix).toBe(404);
    }
    const start = await f.t.request(session, {
      method: 'POST',
      url: `${otherBase}/${uploaded.id}/start`,
      payload: { encoding: 'utf-8', delimiter: 'comma', mapping: { '0': 'email' }, listIds: [], consentText: CONSENT },
    });
    expect(start.statusCode).toBe(404);
    // And through the owner's workspace path, a non-member is told the workspace does not exist.
    expect((await f.t.request(session, { method: 'GET', url: `${f.base}/${uploaded.id}` })).statusCode).toBe(404);
    expect(await f.get(uploaded.id)).toMatchObject({ status: 'uploaded' });
  });
});

describe('nothing is written outside the job', () => {
  it('writes no subscriber, subscription or consent before the job runs', async () => {
    const db = f.t.platform.database.db;
    const uploaded = await f.upload('later.csv', 'email\nlater@example.org\n');
    await f.start(uploaded.id, { encoding: 'utf-8', delimiter: 'comma', mapping: { '0': 'email' }, listIds: [], consentText: CONSENT });
    expect(await db.select().from(subscribers).where(eq(subscribers.emailNormalized, 'later@example.org'))).toHaveLength(0);
    await f.runJobs();
    const [row] = await db.select().from(subscribers).where(eq(subscribers.emailNormalized, 'later@example.org'));
    expect(row).toBeDefined();
    expect(
      await db
        .select()
        .from(listSubscriptions)
        .where(eq(listSubscriptions.subscriberId, row?.id as string)),
    ).toHaveLength(0);
    expect(
      await db
        .select()
        .from(consentRecords)
        .where(eq(consentRecords.subscriberId, row?.id as string)),
    ).toHaveLength(0);
  });
});
