/**
 * Bytes a visitor downloads, gzip-compressed (zlib level 6, what reverse proxies use by default):
 * the web app's first-load JavaScript (scripts and modulepreloads named by dist/web/index.html), and
 * the public home page's HTML and JavaScript (the latter must stay 0).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildApp } from '../src/server/app.js';
import { seedDemo } from '../src/server/demo/seed-demo.js';
import { parseConfig } from '../src/server/platform/config.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { note, printFigure } from './report.js';
import type { Scenario } from './run.js';

const WEB_DIST = path.resolve('dist/web');
const INDEX = path.join(WEB_DIST, 'index.html');

const gzipKib = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 6 }).byteLength / 1024;

/** Attribute values of tags that load JavaScript: `<script src>` and `<link rel="modulepreload" href>`. */
export function scriptUrls(html: string): { external: string[]; inline: string[] } {
  const external: string[] = [];
  const inline: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(match[1] ?? '')?.[1];
    if (src) external.push(src);
    else if ((match[2] ?? '').trim()) inline.push(match[2] ?? '');
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel=["']?modulepreload/i.test(match[0])) continue;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(match[0])?.[1];
    if (href) external.push(href);
  }
  return { external, inline };
}

/** The file under dist/web of an asset URL (`/app/assets/x.js` or `./assets/x.js`). */
function distFileOf(url: string): string | undefined {
  const pathname = new URL(url, 'http://local/app/').pathname;
  const relative = pathname.replace(/^\/app\//, '').replace(/^\//, '');
  const file = path.join(WEB_DIST, relative);
  return existsSync(file) ? file : undefined;
}

export const webAppSizeScenario: Scenario = {
  name: 'platform.app_js',
  figures: ['platform.app_js.gzip_kib'],
  async run() {
    if (!existsSync(INDEX)) {
      if (!existsSync('src/web') || !existsSync('vite.config.ts')) {
        note('platform.app_js: no web app sources yet; no figure printed');
        return;
      }
      note('dist/web is missing: building the web app…');
      try {
        // Build output goes to stderr so stdout keeps only figures.
        execFileSync(process.execPath, ['scripts/build-web-if-needed.mjs'], { stdio: ['ignore', 2, 2] });
      } catch (error) {
        note(`platform.app_js: the web build failed (${error instanceof Error ? error.message : String(error)}); no figure printed`);
        return;
      }
    }
    if (!existsSync(INDEX)) {
      note('platform.app_js: still no dist/web/index.html; no figure printed');
      return;
    }
    const { external, inline } = scriptUrls(readFileSync(INDEX, 'utf8'));
    const files = external.map((url) => ({ url, file: distFileOf(url) }));
    const missing = files.filter((entry) => !entry.file);
    // A build in progress elsewhere can leave index.html naming assets not yet written: say so, print nothing.
    if (missing.length > 0 || files.length === 0) {
      note(
        `platform.app_js: index.html names ${files.length} script(s), missing ${missing.map((entry) => entry.url).join(', ')}; no figure printed`,
      );
      return;
    }
    const unique = [...new Set(files.map((entry) => entry.file as string))];
    const total = unique.reduce((sum, file) => sum + gzipKib(readFileSync(file)), 0) + inline.reduce((sum, code) => sum + gzipKib(code), 0);
    note(`platform.app_js: ${unique.map((file) => path.relative(WEB_DIST, file)).join(', ')}`);
    printFigure('platform.app_js.gzip_kib', total, 'KiB');
  },
};

export const publicHomeSizeScenario: Scenario = {
  name: 'platform.public_home',
  figures: ['platform.public_home_js.gzip_kib', 'platform.public_home_html.gzip_kib'],
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-home-'));
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SECRET_KEY: randomBytes(32).toString('hex'), WORKERS: 'none' });
    const platform = await createPlatform(config);
    try {
      await seedDemo(platform);
      const app = await buildApp(platform);
      // The Arabic page of the demo consortium: the heavier of the two (Arabic letters take two bytes in UTF-8).
      const page = await app.inject({ method: 'GET', url: '/?lang=ar' });
      if (page.statusCode !== 200) throw new Error(`home page answered ${page.statusCode}`);
      const { external, inline } = scriptUrls(page.body);
      let javascript = inline.reduce((sum, code) => sum + gzipKib(code), 0);
      for (const url of external) javascript += gzipKib((await app.inject({ method: 'GET', url })).rawPayload);
      printFigure('platform.public_home_js.gzip_kib', javascript, 'KiB');
      printFigure('platform.public_home_html.gzip_kib', gzipKib(page.rawPayload), 'KiB');
      await app.close();
    } finally {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
