/**
 * Social insights in the browser, French then Arabic, on the demo workspace whose sandbox page's month
 * was read by the demo seed: key figures with their change, the daily curve (right to left in
 * Arabic), bars per campaign and per language, best posts, another period, refresh now. Screens pass
 * axe-core and are photographed.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/platform/auth/auth.tables.js';
import { ADMIN, type E2eContext, expectAccessible, SCREENSHOT_DIR, screenshot, signInAsAdmin, startE2e } from './e2e-harness.js';

const WAIT = { timeout: 20_000 };

async function hideStickyHeader(page: Page): Promise<void> {
  await page.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden; }' });
}

/** x of the first and last dates under the curve. */
async function dateEnds(page: Page): Promise<{ first: number; last: number }> {
  const xs = await page
    .getByTestId('trend-chart')
    .locator('text[data-day]')
    .evaluateAll((nodes) => nodes.map((node) => ({ day: node.getAttribute('data-day') ?? '', x: Number(node.getAttribute('x')) })));
  const sorted = xs.sort((a, b) => a.day.localeCompare(b.day));
  return { first: sorted[0]?.x ?? 0, last: sorted.at(-1)?.x ?? 0 };
}

describe('social insights', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('shows the sandbox page’s month in French: figures, curve, campaigns, languages, best posts', async () => {
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'fr-FR');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/social/insights`);
    await expect.poll(() => page.getByRole('heading', { name: 'Statistiques de la page', level: 1 }).count(), WAIT).toBe(1);
    await expect
      .poll(() => page.getByTestId('metric-followers').getByTestId('metric-total').textContent(), WAIT)
      .toMatch(/^\d[\d\s\u202f]*$/);
    expect(await page.getByTestId('insights-sandbox').count()).toBe(1);
    expect(await page.getByRole('img', { name: /Couverture par jour/ }).count()).toBe(1);
    const ends = await dateEnds(page);
    expect(ends.first).toBeLessThan(ends.last);
    await expect.poll(() => page.getByTestId('campaign-bars').getByTestId('bar-row').count(), WAIT).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('campaign-bars').getByText(/Sfax/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('language-bars').getByText('Bilingue').count()).toBe(1);
    await expect.poll(() => page.getByTestId('top-post').count(), WAIT).toBe(10);
    await expectAccessible(page, 'insights fr');
    await screenshot(page, 'social-insights-fr');
    await hideStickyHeader(page);
    await page.getByTestId('campaign-bars').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'social-insights-bars-fr.png') });

    await page.getByTestId('metric-followers').click();
    await expect.poll(() => page.getByRole('img', { name: /Abonnés par jour/ }).count(), WAIT).toBe(1);
    const before = await page.getByTestId('insights-range').textContent();
    await page.getByText('7 jours', { exact: true }).click();
    await expect.poll(() => page.getByTestId('insights-range').textContent(), WAIT).not.toBe(before);
    expect(await page.getByTestId('trend-chart').locator('circle').count()).toBe(7);
    await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
    await expect.poll(() => page.getByText(/Lecture des chiffres demandée/).count(), WAIT).toBe(1);
  });

  it('shows the same page in Arabic, mirrored, time running from right to left', async () => {
    await e2e.server.platform.database.db.update(users).set({ locale: 'ar' }).where(eq(users.email, ADMIN.email));
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'ar-MA');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/social/insights`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), WAIT).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { name: 'إحصاءات الصفحة', level: 1 }).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /الوصول يومًا بيوم/ }).count(), WAIT).toBe(1);
    const ends = await dateEnds(page);
    expect(ends.first).toBeGreaterThan(ends.last);
    expect(await page.getByTestId('trend-chart').getAttribute('data-dir')).toBe('rtl');
    await expect.poll(() => page.getByTestId('language-bars').getByText('ثنائي اللغة').count(), WAIT).toBe(1);
    await expect.poll(() => page.getByTestId('top-post').count(), WAIT).toBe(10);
    await expectAccessible(page, 'insights ar');
    await screenshot(page, 'social-insights-ar');
    await hideStickyHeader(page);
    await page.getByTestId('campaign-bars').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'social-insights-bars-ar.png') });
    await page.getByTestId('top-posts').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'social-insights-top-ar.png') });
  });
});
