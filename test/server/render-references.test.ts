/**
 * Rendered PNGs compared with reviewed reference images (STYLE G13): joined Arabic letters,
 * right-to-left order, mirrored layouts and fitted titles are checked by picture. A difference
 * writes the new image and a diff under test-results/render-references/. References change only by
 * the explicit command:
 *
 *   UPDATE_RENDER_REFERENCES=1 npx vitest run --project server test/server/render-references.test.ts
 *
 * then look at every changed image before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import type { RenderVariant } from '../../src/shared/render/render.schema.js';

const REFERENCES = path.resolve('test/fixtures/render-references');
const RESULTS = path.resolve('test-results/render-references');
const ASSETS = path.resolve('test/fixtures/render-assets');
const UPDATE = process.env.UPDATE_RENDER_REFERENCES === '1';
/** Per-pixel colour distance pixelmatch tolerates (anti-aliasing), and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERENT_SHARE = 0.002;

interface Case {
  name: string;
  template: string;
  variant: RenderVariant;
  withImages: boolean;
}

const CASES: Case[] = [
  ...(['ar', 'fr', 'bilingual'] as const).map((variant) => ({
    name: `social-post-${variant}`,
    template: 'social-post',
    variant,
    withImages: true,
  })),
  { name: 'social-post-ar-text-only', template: 'social-post', variant: 'ar', withImages: false },
  ...(['ar', 'fr', 'bilingual'] as const).map((variant) => ({
    name: `a4-brief-${variant}`,
    template: 'a4-brief',
    variant,
    withImages: false,
  })),
];

let renderer: Renderer;
beforeAll(async () => {
  renderer = await Renderer.create();
});

describe('rendered pictures match the reviewed references', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const template = renderer.registry.get(testCase.template);
      const assets: Record<string, Buffer> = testCase.withImages
        ? { logo: readFileSync(path.join(ASSETS, 'logo.svg')), image: readFileSync(path.join(ASSETS, 'photo.jpg')) }
        : {};
      const output = await renderer.render({
        template: testCase.template,
        variant: testCase.variant,
        data: template.sample,
        assets,
        format: 'png',
      });
      const file = path.join(REFERENCES, `${testCase.name}.png`);
      if (UPDATE) {
        mkdirSync(REFERENCES, { recursive: true });
        writeFileSync(file, output.bytes);
      }
      expect(existsSync(file), `missing reference ${file}: run the update command in this file's header`).toBe(true);
      const actual = PNG.sync.read(output.bytes);
      const reference = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([reference.width, reference.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const different = pixelmatch(actual.data, reference.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
      const share = different / (actual.width * actual.height);
      if (share > MAX_DIFFERENT_SHARE) {
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(path.join(RESULTS, `${testCase.name}.actual.png`), output.bytes);
        writeFileSync(path.join(RESULTS, `${testCase.name}.diff.png`), PNG.sync.write(diff));
      }
      expect(share, `${different} pixels differ; see ${RESULTS}`).toBeLessThanOrEqual(MAX_DIFFERENT_SHARE);
    });
  }
});
