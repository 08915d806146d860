/**
 * Newsletter settings and statistics in the browser, in French then Arabic: the admin sets the sender
 * and pace, turns tracking on, generates a DKIM key and copies its DNS record, creates the bounce
 * webhook and marks a bounce by hand; an issue that went out shows its figures per language; a forged
 * tracked link gets the refusal page. Screens pass axe-core and are photographed.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterClicks, newsletterIssues } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { users } from '../../src/server/platform/auth/auth.tables.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { trackingFixture } from '../helpers/tracking-fixture.js';
import { ADMIN, type E2eContext, expectAccessible, SCREENSHOT_DIR, screenshot, signInAsAdmin, startE2e } from './e2e-harness.js';

/** An issue of the demo workspace that went out to 40 readers in three versions, with opens, clicks and bounces. */
async function seedSentIssue(e2e: E2eContext, workspaceId: string): Promise<string> {
  const fixture = trackingFixture(e2e.server.platform);
  const db = e2e.server.platform.database.db;
  const issue = await fixture.issue(workspaceId);
  await db
    .update(newsletterIssues)
    .set({ subject: localized({ ar: 'نشرة ألترميد — نوفمبر', fr: 'Lettre AlterMed — novembre' }) })
    .where(eq(newsletterIssues.id, issue.id));
  const links = [
    'https://altermed.example/forum-sfax?utm_source=newsletter',
    'https://altermed.example/rapport-2026?utm_source=newsletter',
  ];
  for (let index = 0; index < 40; index += 1) {
    const variant = index % 5 === 0 ? 'bilingual' : index % 2 === 0 ? 'ar' : 'fr';
    const subscriber = await fixture.subscriber(workspaceId, { email: `lecteur-${index}@altermed.example` });
    const isOpened = index % 3 !== 0;
    const clicks = index % 4 === 1 ? 2 : index % 7 === 2 ? 1 : 0;
    const delivery = await fixture.delivery(workspaceId, issue.id, subscriber, {
      variant,
      state: index === 39 ? 'bounced' : 'sent',
      bounceType: index === 39 ? 'hard' : index === 38 ? 'soft' : null,
      openedAt: isOpened ? new Date() : null,
      openCount: isOpened ? 1 + (index % 3) : 0,
      clickedAt: clicks > 0 ? new Date() : null,
      clickCount: clicks,
      unsubscribedAt: index === 10 ? new Date() : null,
    });
    for (let click = 0; click < clicks; click += 1) {
      await db.insert(newsletterClicks).values({ issueId: issue.id, deliveryId: delivery.id, url: links[(index + click) % 2] as string });
    }
  }
  return issue.id;
}

/** Pictures of one part of the page: the app's sticky header would otherwise cover its top. */
async function hideStickyHeader(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden; }' });
}

/** Writes go through a busy two-core machine: give the page time to show their result. */
const WAIT = { timeout: 15_000 };

describe('newsletter settings and statistics', () => {
  let e2e: E2eContext;
  let workspaceId: string;
  let issueId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
    const [workspace] = await e2e.server.platform.database.db.select().from(workspaces).where(eq(workspaces.slug, 'altermed'));
    workspaceId = (workspace as { id: string }).id;
    issueId = await seedSentIssue(e2e, workspaceId);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('lets the admin set up sending in French: pace, tracking, DKIM, webhook and a manual bounce', async () => {
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'fr-FR', { timeout: 10_000 });
    contexts.push(context);
    await page.goto(`${workspaceUrl}/newsletter/settings`);
    await page.getByLabel('Nom de l’expéditeur').fill('AlterMed — ICOSI');
    await page.getByLabel('Adresse postale').fill('12 rue de Marseille, 1000 Tunis');
    await page.getByRole('button', { name: 'Relais Gmail : 2 000 par 24 h' }).click();
    await expect.poll(() => page.getByTestId('throttle-summary').textContent(), WAIT).toContain('toutes les 24 heures');
    await page.getByRole('switch', { name: 'Suivre les ouvertures' }).check({ force: true });
    await page.getByRole('switch', { name: 'Suivre les clics' }).check({ force: true });
    await page.getByLabel('Domaine').fill('altermed.example');
    await page.getByLabel('Sélecteur').fill('tawasul');
    await page.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await expect.poll(() => page.getByText('Réglages enregistrés.').count(), WAIT).toBe(1);
    await page.getByRole('button', { name: 'Générer une paire de clés' }).click();
    await expect.poll(() => page.getByLabel('Valeur de l’enregistrement TXT').inputValue(), WAIT).toMatch(/^v=DKIM1; k=rsa; p=/);
    expect(await page.getByLabel('Nom de l’enregistrement TXT').inputValue()).toBe('tawasul._domainkey.altermed.example');
    await page.getByRole('button', { name: 'Créer l’adresse' }).click();
    await expect.poll(() => page.getByLabel('Adresse du webhook').inputValue(), WAIT).toContain(`/n/bounces/${workspaceId}/`);
    await page.getByLabel('Marquer des rebonds à la main').fill('lecteur-7@altermed.example\ninconnu@altermed.example');
    await page.getByRole('button', { name: 'Marquer ces adresses' }).click();
    await expect.poll(() => page.getByTestId('manual-bounce-result').textContent(), WAIT).toContain('1 adresse marquée.');
    await expect.poll(() => page.getByTestId('bounces-table').getByText('lecteur-7@altermed.example').count(), WAIT).toBe(1);
    await expectAccessible(page, 'newsletter settings fr');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'newsletter-settings-fr');
    await hideStickyHeader(page);
    await page.getByRole('region', { name: 'Signature DKIM' }).screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-dkim-fr.png') });
    await page.getByTestId('bounces-section').screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-bounces-fr.png') });

    await page.goto(`${workspaceUrl}/newsletter/issues/${issueId}`);
    const panel = page.getByTestId('issue-stats');
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => panel.getByTestId('stats-card-total').textContent(), WAIT).toContain('40 destinataires');
    await expectAccessible(page, 'issue stats fr');
    await hideStickyHeader(page);
    await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-stats-fr.png') });
  });

  it('shows the same screens in Arabic, mirrored, with URLs and addresses left to right', async () => {
    await e2e.server.platform.database.db.update(users).set({ locale: 'ar' }).where(eq(users.email, ADMIN.email));
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'ar-MA', { timeout: 10_000 });
    contexts.push(context);
    await page.goto(`${workspaceUrl}/newsletter/settings`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), WAIT).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { name: 'إعدادات الإرسال', level: 1 }).count(), WAIT).toBe(1);
    expect(await page.getByLabel('اسم المُرسِل').inputValue()).toBe('AlterMed — ICOSI');
    await expect.poll(() => page.getByText('يوجد مفتاح محفوظ.').count(), WAIT).toBe(1);
    await expectAccessible(page, 'newsletter settings ar');
    await screenshot(page, 'newsletter-settings-ar');
    await hideStickyHeader(page);
    await page.getByRole('region', { name: 'توقيع DKIM' }).screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-dkim-ar.png') });
    await page
      .getByRole('region', { name: 'تتبّع الفتح والنقر' })
      .screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-tracking-ar.png') });
    await page.getByTestId('bounces-section').screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-bounces-ar.png') });

    await page.goto(`${workspaceUrl}/newsletter/issues/${issueId}`);
    const panel = page.getByTestId('issue-stats');
    await panel.scrollIntoViewIfNeeded();
    await expect.poll(() => panel.getByTestId('stats-card-total').textContent(), WAIT).toContain('40 مستلمًا');
    expect(await panel.getByRole('link', { name: /forum-sfax/ }).getAttribute('dir')).toBe('ltr');
    await expectAccessible(page, 'issue stats ar');
    await hideStickyHeader(page);
    await panel.screenshot({ path: path.join(SCREENSHOT_DIR, 'newsletter-stats-ar.png') });

    const refused = await page.goto(`${e2e.baseUrl}/n/click/forged.token`);
    expect(refused?.status()).toBe(400);
    await expect.poll(() => page.getByRole('heading', { name: 'رابط غير صالح' }).count(), WAIT).toBe(1);
    await screenshot(page, 'newsletter-link-invalid-ar');
  });
});
