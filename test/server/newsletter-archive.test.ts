/**
 * The public archive of sent issues: the list (newest first, paged, drafts never shown), and one
 * issue as a page of the public site — in the visitor's language, merge fields filled with neutral
 * values, no tracking, the email's styles kept inside its own container.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterIssues } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { bilingualIssue, createIssue } from '../helpers/newsletter-issue-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let officer: Session;
let bilingualId: string;
let perLanguageId: string;
let draftId: string;
let foreignSentId: string;

async function markSent(id: string, finishedAt: Date) {
  await t.platform.database.db
    .update(newsletterIssues)
    .set({ status: 'sent', startedAt: finishedAt, finishedAt })
    .where(eq(newsletterIssues.id, id));
}

beforeAll(async () => {
  t = await createTestApp();
  // The public site publishes the oldest workspace.
  workspaceId = (await t.make.workspace({ name: localized({ ar: 'ألترميد', fr: 'AlterMed' }) })).id;
  const otherWorkspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  const outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'officer')).email);
  bilingualId = (await createIssue(t, officer, workspaceId, bilingualIssue())).id;
  perLanguageId = (
    await createIssue(t, officer, workspaceId, {
      ...bilingualIssue(),
      sendMode: 'per_language',
      subject: localized({ ar: 'عدد نوفمبر', fr: 'Numéro de novembre' }),
    })
  ).id;
  draftId = (await createIssue(t, officer, workspaceId, { subject: localized({ fr: 'Brouillon secret' }) })).id;
  foreignSentId = (await createIssue(t, outsider, otherWorkspaceId, { subject: localized({ fr: 'Lettre d’un autre espace' }) })).id;
  await markSent(perLanguageId, new Date('2026-11-28T10:00:00Z'));
  await markSent(bilingualId, new Date('2026-12-10T10:00:00Z'));
  await markSent(foreignSentId, new Date('2026-12-11T10:00:00Z'));
});
afterAll(() => t.close());

describe('archive list', () => {
  it('lists sent issues newest first in the visitor’s language, and never drafts or other workspaces', async () => {
    const arabic = await t.request(undefined, { method: 'GET', url: '/newsletter/archive?lang=ar' });
    expect(arabic.statusCode).toBe(200);
    expect(arabic.headers['content-language']).toBe('ar');
    expect(arabic.body).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.body).toContain('أرشيف النشرة الإخبارية');
    expect(arabic.body.indexOf('نشرة ألترميد — ديسمبر 2026')).toBeGreaterThan(0);
    expect(arabic.body.indexOf('نشرة ألترميد — ديسمبر 2026')).toBeLessThan(arabic.body.indexOf('عدد نوفمبر'));
    expect(arabic.body).toContain(`href="/newsletter/archive/${bilingualId}?lang=ar"`);
    expect(arabic.body).not.toContain('Brouillon secret');
    expect(arabic.body).not.toContain('Lettre d’un autre espace');
    const french = await t.request(undefined, { method: 'GET', url: '/newsletter/archive?lang=fr' });
    expect(french.body).toContain('Lettre AlterMed — décembre 2026');
    expect(french.body).toContain('hreflang="ar"');
  });

  it('pages older issues behind a link', async () => {
    const base = new Date('2025-01-01T00:00:00Z').getTime();
    const rows = Array.from({ length: 30 }, (_, index) => ({
      workspaceId,
      subject: localized({ fr: `Ancien numéro ${index + 1}` }),
      status: 'sent',
      finishedAt: new Date(base + index * 86_400_000),
    }));
    await t.platform.database.db.insert(newsletterIssues).values(rows);
    const first = await t.request(undefined, { method: 'GET', url: '/newsletter/archive?lang=fr' });
    expect(first.body).toContain('Ancien numéro 3<');
    expect(first.body).not.toContain('Ancien numéro 2<');
    const older = first.body.match(/href="(\/newsletter\/archive\?lang=fr&amp;cursor=[^"]+)"/)?.[1];
    expect(older).toBeTruthy();
    const second = await t.request(undefined, { method: 'GET', url: (older as string).replaceAll('&amp;', '&') });
    expect(second.body).toContain('Ancien numéro 2<');
    expect(second.body).toContain('Ancien numéro 1<');
    expect(second.body).not.toContain('Ancien numéro 3<');
    expect(second.body).not.toContain('cursor=');
    // A cursor that is not one of ours shows the first page rather than an error.
    expect((await t.request(undefined, { method: 'GET', url: '/newsletter/archive?cursor=%7B' })).statusCode).toBe(200);
  });
});

describe('archived issue', () => {
  it('shows the bilingual email as a page, neutral merge values, no tracking, its styles scoped', async () => {
    const page = await t.request(undefined, { method: 'GET', url: `/newsletter/archive/${bilingualId}?lang=fr` });
    expect(page.statusCode).toBe(200);
    const body = page.body;
    expect(body).toContain('<html lang="fr" dir="ltr">');
    expect(body).toContain('class="tw-lang-ar" lang="ar" dir="rtl"');
    expect(body).toContain('class="tw-lang-fr" lang="fr" dir="ltr"');
    expect(body).toContain('مرحباً صديقنا،');
    expect(body).toContain('Bonjour ami·e,');
    expect(body).not.toContain('{{');
    expect(body).not.toMatch(/\/n\/(open|click|unsubscribe|preferences)\//);
    expect(body).toContain('href="http://tawasul.test/newsletter?lang=ar"');
    expect(body).toContain('.tw-archive-email p{ display:block;margin:13px 0; }');
    expect(body).not.toMatch(/(^|\n)\s*body \{ margin:0/);
    expect(body).not.toContain('<!--[if');
    expect(body).toContain('<title>Lettre AlterMed — décembre 2026 — AlterMed</title>');
  });

  it('shows a per-language issue in the visitor’s language', async () => {
    const arabic = await t.request(undefined, { method: 'GET', url: `/newsletter/archive/${perLanguageId}?lang=ar` });
    expect(arabic.body).toContain('class="tw-lang-ar" lang="ar" dir="rtl"');
    expect(arabic.body).not.toContain('class="tw-lang-fr"');
    const french = await t.request(undefined, { method: 'GET', url: `/newsletter/archive/${perLanguageId}?lang=fr` });
    expect(french.body).toContain('class="tw-lang-fr" lang="fr" dir="ltr"');
    expect(french.body).not.toContain('class="tw-lang-ar"');
  });

  it('answers drafts, other workspaces’ issues and unknown ids as absent', async () => {
    for (const id of [draftId, foreignSentId, crypto.randomUUID(), 'not-an-id']) {
      expect((await t.request(undefined, { method: 'GET', url: `/newsletter/archive/${id}` })).statusCode).toBe(404);
    }
  });
});
