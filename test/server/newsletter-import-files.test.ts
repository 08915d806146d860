/**
 * An imported subscriber CSV and its error report are file rows like any other, but personal data:
 * the general file route gives them only to members who may read subscribers (admins, officers);
 * viewers, reviewers and contributors get 404 as if they did not exist. Other files stay open to
 * every member.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subscriberImports } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { createImportFixture, type ImportFixture, multipart } from '../helpers/newsletter-import-fixture.js';
import { pngBytes } from '../helpers/newsletter-issue-fixture.js';
import type { Session } from '../helpers/test-app.js';

const CSV = ['email;name', 'salma@example.org;سلمى الإدريسي', 'not-an-address;Nom'].join('\n');

let f: ImportFixture;
let sessions: Record<'admin' | 'viewer' | 'reviewer' | 'contributor', Session>;
let csvFileId: string;
let reportFileId: string;

const fileUrl = (id: string) => `/api/workspaces/${f.workspaceId}/files/${id}`;

beforeAll(async () => {
  f = await createImportFixture();
  sessions = {
    admin: await f.signInAs('admin'),
    viewer: await f.signInAs('viewer'),
    reviewer: await f.signInAs('reviewer'),
    contributor: await f.signInAs('contributor'),
  };
  const done = await f.importFile('abonnes.csv', CSV);
  expect(done).toMatchObject({ status: 'done', errorCount: 1, hasErrorReport: true });
  const [row] = await f.t.platform.database.db.select().from(subscriberImports).where(eq(subscriberImports.id, done.id));
  csvFileId = row?.fileId as string;
  reportFileId = row?.errorReportFileId as string;
});
afterAll(() => f.close());

describe('import files through the general file route', () => {
  it('gives the uploaded CSV and the error report to officers and admins', async () => {
    for (const session of [f.session, sessions.admin]) {
      const csv = await f.t.request(session, { method: 'GET', url: fileUrl(csvFileId) });
      expect(csv.statusCode).toBe(200);
      expect(csv.body).toBe(CSV);
      const report = await f.t.request(session, { method: 'GET', url: fileUrl(reportFileId) });
      expect(report.statusCode).toBe(200);
      expect(report.body).toContain('not-an-address');
    }
  });

  it('answers 404 to members who may not read subscribers, as for a file that does not exist', async () => {
    for (const [role, session] of Object.entries({
      viewer: sessions.viewer,
      reviewer: sessions.reviewer,
      contributor: sessions.contributor,
    })) {
      for (const id of [csvFileId, reportFileId]) {
        const response = await f.t.request(session, { method: 'GET', url: fileUrl(id) });
        expect(response.statusCode, `${role} ${id}`).toBe(404);
        expect(response.body).not.toContain('salma@example.org');
        expect(response.body).not.toContain('not-an-address');
      }
    }
  });

  it('still serves an ordinary upload to every member', async () => {
    const uploaded = await f.t.request(f.session, {
      method: 'POST',
      url: `/api/workspaces/${f.workspaceId}/files`,
      ...multipart('banniere.png', await pngBytes(), 'image/png'),
    });
    expect(uploaded.statusCode).toBe(201);
    const image = await f.t.request(sessions.viewer, { method: 'GET', url: fileUrl(uploaded.json().id) });
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
  });
});
