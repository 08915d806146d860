/**
 * The other pages of the app in French: people (create with a LocalizedText role, then its detail
 * page), account, and the admin pages (invite and copy the link, settings with the logo upload and a
 * light brand colour, jobs, audit, outbox). Each passes axe-core.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('people, account and admin pages', () => {
  let e2e: E2eContext;
  let context: BrowserContext;
  let page: Page;
  let workspaceUrl: string;

  beforeAll(async () => {
    e2e = await startE2e();
    context = await e2e.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
    workspaceUrl = page.url().replace(/\/organisations$/, '');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('creates a person and lists them', async () => {
    await page.goto(`${workspaceUrl}/people/new`);
    await page.getByRole('textbox', { name: 'Nom (العربية)', exact: true }).fill('سلمى الإدريسي');
    await page.getByRole('textbox', { name: 'Nom (Français)', exact: true }).fill('Salma Idrissi');
    await page.getByLabel('E-mail').fill('pas-un-email');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // Client-side check with the shared schema: the message sits next to the field, the input is kept.
    await expect.poll(() => page.getByText('Adresse e-mail invalide.').count()).toBe(1);
    await page.getByLabel('E-mail').fill('salma@example.org');
    await page.getByRole('textbox', { name: 'Rôle dans le projet (Français)', exact: true }).fill('Coordinatrice');
    await expectAccessible(page, 'person form');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/people$/);
    await expect.poll(() => page.getByText('Salma Idrissi').count()).toBe(1);
    await expectAccessible(page, 'people');
    await screenshot(page, 'people-fr');
  });

  it('opens the person detail page from the list', async () => {
    await page.getByRole('link', { name: 'Salma Idrissi' }).click();
    await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Salma Idrissi' }).count()).toBe(1);
    await expect.poll(() => page.getByRole('link', { name: 'salma@example.org' }).getAttribute('href')).toBe('mailto:salma@example.org');
    expect(await page.getByText('Coordinatrice').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'person detail');
    await screenshot(page, 'person-detail-fr');
    await page.getByRole('button', { name: 'Archiver' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Restaurer' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Restaurer' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Archiver' }).count()).toBe(1);
  });

  it('shows the account page', async () => {
    await page.goto(`${e2e.baseUrl}/app/account`);
    await expect.poll(() => page.getByRole('heading', { name: 'Mon compte' }).count()).toBe(1);
    await expectAccessible(page, 'account');
  });

  it('invites a member and shows the link to copy', async () => {
    await page.goto(`${workspaceUrl}/admin/members`);
    await page.getByLabel('E-mail').fill('nouvelle@example.org');
    await page.getByRole('button', { name: 'Inviter' }).click();
    await expect.poll(() => page.getByText(/\/app\/invitation\//).count()).toBe(1);
    await screenshot(page, 'members-fr');
    await expectAccessible(page, 'members');
  });

  it('uploads a logo in the settings, shows it, explains a refused file and removes it', async () => {
    await page.goto(`${workspaceUrl}/admin/settings`);
    await expect.poll(() => page.getByText('Aucun logo').count()).toBe(1);
    await page.locator('input[type="file"]').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
    const logo = page.getByRole('img', { name: 'Logo actuel de l’espace' });
    await expect.poll(() => logo.count()).toBe(1);
    // The image is really served to the signed-in admin, not a broken link.
    await expect.poll(() => logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
    await expectAccessible(page, 'settings with logo');
    await screenshot(page, 'settings-logo-fr');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('pas une image') });
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('ne correspond pas à son extension');
    expect(await logo.count()).toBe(1);
    await page.getByRole('button', { name: 'Retirer le logo' }).click();
    await expect.poll(() => page.getByText('Aucun logo').count()).toBe(1);
  });

  it('chooses the countries whose holidays count and the time zone', async () => {
    await page.goto(`${workspaceUrl}/admin/settings`);
    const algeria = page.getByRole('checkbox', { name: 'Algérie' });
    await expect.poll(() => algeria.isChecked()).toBe(true);
    await algeria.uncheck();
    const zone = page.getByRole('combobox', { name: 'Fuseau horaire' });
    await zone.fill('Europe/Par');
    await page.getByRole('option', { name: 'Europe/Paris' }).click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Enregistré.').count()).toBe(1);
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: 'Fuseau horaire' }).inputValue()).toBe('Europe/Paris');
    expect(await page.getByRole('checkbox', { name: 'Algérie' }).isChecked()).toBe(false);
    await expectAccessible(page, 'settings with holiday countries');
  });

  it('applies a light brand colour, darkened enough for white text', async () => {
    await page.goto(`${workspaceUrl}/admin/settings`);
    const colour = page.getByLabel('Couleur de la marque');
    await colour.fill('#ffd43b');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Enregistré.').count()).toBe(1);
    const save = page.getByRole('button', { name: 'Enregistrer' });
    // Yellow is the brand, yet the filled button is a darker yellow-brown under its white text.
    await expect.poll(() => save.evaluate((button) => getComputedStyle(button).backgroundColor)).not.toBe('rgb(255, 212, 59)');
    const background = await save.evaluate((button) => getComputedStyle(button).backgroundColor);
    const [red, green, blue] = (background.match(/\d+/g) ?? []).map(Number);
    expect(red).toBeGreaterThan(blue ?? 0);
    expect(green).toBeGreaterThan(blue ?? 0);
    await expectAccessible(page, 'settings in a light brand colour');
  });

  it('opens settings, jobs, audit and outbox', async () => {
    for (const [path, heading] of [
      ['settings', 'Paramètres de l’espace'],
      ['jobs', 'Tâches de fond'],
      ['audit', 'Journal d’audit'],
      ['outbox', 'Boîte d’envoi'],
    ] as const) {
      await page.goto(`${workspaceUrl}/admin/${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1, name: heading }).count()).toBe(1);
      await expectAccessible(page, path);
      await screenshot(page, `admin-${path}-fr`);
    }
    await page.goto(`${workspaceUrl}/admin/outbox`);
    await expect.poll(() => page.getByText('nouvelle@example.org').count()).toBeGreaterThan(0);
  });
});
