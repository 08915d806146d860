/**
 * The calendar in French then Arabic: month, week and agenda views, a filter by campaign, the private
 * feed link, and a mirrored grid in Arabic. Campaigns and tasks are inserted in the demo workspace's
 * database directly, so this test does not depend on the campaigns pages.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, tasks } from '../../src/server/modules/planning/campaigns.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { addDays, calendarDateAt } from '../../src/shared/planning/calendar-date.js';
import { ADMIN, type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

describe('calendar', () => {
  let e2e: E2eContext;
  let context: BrowserContext;
  let page: Page;
  let workspaceUrl: string;
  const today = calendarDateAt(new Date(), 'Africa/Casablanca');
  // Everything sits in the current month's view, whatever the day the test runs.
  const monthStart = `${today.slice(0, 7)}-01`;
  const day = (offset: number) => addDays(monthStart, offset);

  beforeAll(async () => {
    e2e = await startE2e();
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
    workspaceUrl = page.url().replace(/\/organisations$/, '');
    const workspaceId = workspaceUrl.split('/').at(-1) as string;

    const db = e2e.server.platform.database.db;
    const [press, newsletter] = await db
      .insert(campaigns)
      .values([
        { workspaceId, title: localized({ fr: 'Conférence de presse E2E', ar: 'ندوة صحفية E2E' }), goalDate: day(20) },
        { workspaceId, title: localized({ fr: 'Lettre E2E', ar: 'نشرة E2E' }), goalDate: day(18) },
      ])
      .returning();
    await db.insert(tasks).values([
      {
        workspaceId,
        campaignId: press?.id,
        title: localized({ fr: 'Rédiger le communiqué E2E', ar: 'تحرير البلاغ E2E' }),
        startDate: day(8),
        dueDate: day(10),
      },
      {
        workspaceId,
        campaignId: press?.id,
        title: localized({ fr: 'Validation E2E', ar: 'المصادقة E2E' }),
        startDate: day(15),
        dueDate: day(15),
        isMilestone: true,
      },
      {
        workspaceId,
        campaignId: newsletter?.id,
        title: localized({ fr: 'Sommaire de la lettre E2E', ar: 'فهرس النشرة E2E' }),
        startDate: day(9),
        dueDate: day(9),
      },
    ]);
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('shows the month in French, switches to week and agenda, and filters by campaign', async () => {
    await page.getByRole('link', { name: 'Calendrier' }).click();
    await page.waitForURL(/\/calendar/);
    const month = page.getByTestId('calendar-month');
    await expect.poll(() => month.getByRole('link', { name: /Rédiger le communiqué E2E/ }).count()).toBe(3);
    expect(await month.getByRole('link', { name: /Validation E2E/ }).count()).toBe(1);
    expect(await month.getByRole('link', { name: /Conférence de presse E2E/ }).count()).toBe(1);
    await expectAccessible(page, 'calendar month fr');
    await screenshot(page, 'calendar-month-fr');

    await page.getByText('Semaine', { exact: true }).click();
    await expect.poll(() => page.getByTestId('calendar-week').count()).toBe(1);
    await expectAccessible(page, 'calendar week fr');

    await page.getByText('Agenda', { exact: true }).click();
    const agenda = page.getByTestId('calendar-agenda');
    await expect.poll(() => agenda.getByRole('link', { name: /Sommaire de la lettre E2E/ }).count()).toBe(1);

    await page.getByLabel('Campagne', { exact: true }).and(page.locator('input')).click();
    await page.getByRole('option', { name: 'Conférence de presse E2E' }).click();
    await expect.poll(() => agenda.getByRole('link', { name: /Sommaire de la lettre E2E/ }).count()).toBe(0);
    expect(await agenda.getByRole('link', { name: /Rédiger le communiqué E2E/ }).count()).toBeGreaterThan(0);
    expect(page.url()).toContain('campaignId=');
    await expectAccessible(page, 'calendar agenda fr');
    await screenshot(page, 'calendar-agenda-fr');
  });

  it('gives a private feed link once, which serves an iCalendar file', async () => {
    await page.getByRole('button', { name: 'Créer mon lien privé' }).click();
    const address = page.getByRole('textbox', { name: 'Adresse de l’abonnement' });
    await expect.poll(() => address.inputValue()).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const feed = await page.request.get(await address.inputValue());
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('SUMMARY:Conférence de presse E2E / ندوة صحفية E2E');
    await expectAccessible(page, 'calendar subscribe fr');
  });

  it('mirrors the month in Arabic: Monday on the right, days flowing right to left', async () => {
    await page.goto(`${workspaceUrl}/calendar`);
    await page.getByTestId('language-switch').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const month = page.getByTestId('calendar-month');
    await expect.poll(() => month.getByRole('link', { name: /تحرير البلاغ E2E/ }).count()).toBe(3);
    const cells = month.getByRole('listitem');
    const first = await cells.nth(0).boundingBox();
    const second = await cells.nth(1).boundingBox();
    expect(first && second && first.x > second.x).toBe(true);
    // Western digits by default, day names in Arabic.
    expect(await cells.nth(7).locator('[aria-hidden="true"]').first().textContent()).toMatch(/^\d{1,2}$/);
    await expectAccessible(page, 'calendar month ar');
    await screenshot(page, 'calendar-month-ar');
    await page.getByText('جدول الأعمال', { exact: true }).click();
    await expect.poll(() => page.getByTestId('calendar-agenda').count()).toBe(1);
    await expectAccessible(page, 'calendar agenda ar');
    await screenshot(page, 'calendar-agenda-ar');
  });
});
