/**
 * What every e2e file needs: the web app built, a real server on a free loopback port with the demo
 * workspace, Debian's Chromium through playwright-core, axe-core checks and screenshots.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations.
import { buildWebIfNeeded } from '../../scripts/build-web-if-needed.mjs';
import { parseConfig } from '../../src/server/platform/config.js';
import { type RunningServer, startServer } from '../../src/server/server.js';

export const SCREENSHOT_DIR = 'test-results/e2e';
export const ADMIN = { email: 'admin@altermed.demo', password: 'altermed-demo-2026' };

export interface E2eContext {
  server: RunningServer;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Builds the app if its sources changed, starts the server on a fresh data folder and launches Chromium. */
export async function startE2e(): Promise<E2eContext> {
  (buildWebIfNeeded as () => void)();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tawasul-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startServer(
    parseConfig({
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'silent',
      SECRET_KEY: 'x'.repeat(64),
    }),
    { log: () => {} },
  );
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    server,
    browser,
    baseUrl,
    async close() {
      await browser.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A hovered button is checked in its hover colour; check the resting state a reader sees.
  await page.mouse.move(0, 0);
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 3).map((node) => ({ target: node.target, html: node.html.slice(0, 200) })),
    }));
  });
  const blocking = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(blocking, `${label}: ${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: false });
}

/**
 * The interface in `language`, through the switch in the header (which also saves the choice on the
 * account). Polled: the account's own language applies once it has loaded and may switch it back.
 */
export async function switchInterfaceLanguage(page: Page, language: 'fr' | 'ar'): Promise<void> {
  await expect
    .poll(
      async () => {
        const current = await page.locator('html').getAttribute('lang');
        if (current !== language) await page.getByTestId('language-switch').selectOption(language);
        return current;
      },
      { timeout: 15_000, interval: 500 },
    )
    .toBe(language);
}

/** The demo admin signed in a new browser context with the given locale, on the workspace's first page. */
export async function signInAsAdmin(
  e2e: E2eContext,
  locale: string,
  options: { timeout?: number } = {},
): Promise<{ context: BrowserContext; page: Page; workspaceUrl: string }> {
  const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(options.timeout ?? 15_000);
  await page.goto(`${e2e.baseUrl}/app/sign-in`);
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
  return { context, page, workspaceUrl: page.url().replace(/\/organisations$/, '') };
}
