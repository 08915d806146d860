/**
 * The newsletter's public pages keep their styles where a page's styles belong: one stylesheet in the
 * head — the public site's rules, then the page's own — and no `<style>` element in the body (the
 * sign-up form, the pages behind email links, the archive and an archived issue with its email's
 * scoped rules). A page's extra rules cannot close the stylesheet they are written into.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterIssues } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { confirmUrl, preferencesUrl, unsubscribeUrl } from '../../src/server/modules/newsletter/newsletter-links.js';
import { html } from '../../src/server/public-site/html.js';
import { renderLayout } from '../../src/server/public-site/layout.js';
import { createPublicContext } from '../../src/server/public-site/public-context.js';
import { localized } from '../../src/shared/localized-text.js';
import { makeList } from '../helpers/newsletter-audience-fixture.js';
import { bilingualIssue, createIssue } from '../helpers/newsletter-issue-fixture.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let issueId: string;
let subscriberId: string;
let listId: string;

/** The head's and the body's markup of a page. */
function partsOf(page: string) {
  const [head = '', body = ''] = page.split('</head>');
  return { head, body };
}

function expectStylesInHead(page: string, ownRule: string) {
  const { head, body } = partsOf(page);
  expect(body).not.toMatch(/<style/i);
  const sheets = head.match(/<style>[\s\S]*?<\/style>/g) ?? [];
  expect(sheets).toHaveLength(1);
  const sheet = sheets[0] as string;
  // The shell's rules first, so the page's own come after them and win.
  expect(sheet.indexOf(':root{--brand:')).toBeGreaterThan(0);
  expect(sheet.indexOf(ownRule)).toBeGreaterThan(sheet.indexOf(':root{--brand:'));
}

beforeAll(async () => {
  t = await createTestApp();
  const workspaceId = (await t.make.workspace({ name: localized({ ar: 'ألترميد', fr: 'AlterMed' }) })).id;
  const officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  listId = await makeList(t, officer, workspaceId, { name: localized({ fr: 'Lettre', ar: 'الرسالة' }), visibility: 'public' });
  const added = await t.request(officer, {
    method: 'POST',
    url: `/api/workspaces/${workspaceId}/newsletter/subscribers`,
    payload: { email: 'salma@example.org', languages: ['ar'], listIds: [listId], consentText: 'Fiche du forum' },
  });
  subscriberId = added.json().id;
  issueId = (await createIssue(t, officer, workspaceId, bilingualIssue())).id;
  const at = new Date('2026-12-10T10:00:00Z');
  await t.platform.database.db
    .update(newsletterIssues)
    .set({ status: 'sent', startedAt: at, finishedAt: at })
    .where(eq(newsletterIssues.id, issueId));
});
afterAll(() => t.close());

describe('public newsletter pages', () => {
  it('put the form’s styles in the head, on the sign-up page and the pages behind email links', async () => {
    const pathOf = (url: string) => new URL(url).pathname;
    const config = t.platform.config;
    for (const url of [
      '/newsletter?lang=ar',
      `${pathOf(preferencesUrl(config, subscriberId))}?lang=fr`,
      `${pathOf(unsubscribeUrl(config, subscriberId))}?lang=ar`,
      `${pathOf(confirmUrl(config, subscriberId))}?lang=fr`,
    ]) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBeLessThan(500);
      expectStylesInHead(page.body, '.nl-');
    }
  });

  it('put the archive’s and the archived email’s styles in the head', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/newsletter/archive?lang=fr' });
    expectStylesInHead(list.body, '.archive-list');
    const issue = await t.app.inject({ method: 'GET', url: `/newsletter/archive/${issueId}?lang=ar` });
    expect(issue.statusCode).toBe(200);
    expectStylesInHead(issue.body, '.archive-list');
    expect(partsOf(issue.body).body).toContain('نشرة ألترميد — ديسمبر 2026');
  });

  it('never lets a page’s extra rules close the stylesheet', async () => {
    const ctx = await createPublicContext(t.platform.database.db, { lang: 'fr', publicUrl: t.platform.config.publicUrl });
    const page = renderLayout(ctx, {
      path: '/x',
      title: 'x',
      description: 'x',
      body: html`<p>x</p>`,
      extraCss: '.a{color:red}</style><script>alert(1)</script><style>',
    });
    // One closing tag only, the shell's own: what the rules carried stays text inside the stylesheet.
    expect(page.match(/<\/style/gi)).toHaveLength(1);
    expect(page.indexOf('<script>')).toBeLessThan(page.indexOf('</style>'));
    expect(partsOf(page).head).toContain('.a{color:red}');
  });
});
