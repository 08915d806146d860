/**
 * The visual templates compared by picture with reviewed references (STYLE G13): joined Arabic
 * letters, right-to-left order, mirrored layouts, fitted titles and nothing overflowing were looked
 * at in each reference before it was committed. Every template in every variant with its sample,
 * and each template's hard case (an over-long Arabic word, mixed Arabic/Latin lines) in Arabic.
 * References are kept at half the declared size in 256 colours (the full-size set would weigh
 * megabytes); the fresh render is reduced the same way before comparing. A difference writes the new picture and a
 * diff under test-results/render-references/. References change only by the explicit command:
 *
 *   UPDATE_RENDER_REFERENCES=1 npx vitest run --project server test/server/studio-visuals-references.test.ts
 *
 * then look at every changed image before committing it.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import { RENDER_VARIANTS, type RenderVariant } from '../../src/shared/render/render.schema.js';
import { assetsFor, STRESS_DATA, VISUAL_TEMPLATES, type VisualTemplate } from '../helpers/visuals-data.js';

const REFERENCES = path.resolve('test/fixtures/render-references');
const RESULTS = path.resolve('test-results/render-references');
const UPDATE = process.env.UPDATE_RENDER_REFERENCES === '1';
/** Per-pixel colour distance pixelmatch tolerates (anti-aliasing), and the share of pixels that may differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFFERENT_SHARE = 0.003;

interface Case {
  name: string;
  template: VisualTemplate;
  variant: RenderVariant;
  isStress: boolean;
}

const CASES: Case[] = [
  ...VISUAL_TEMPLATES.flatMap((template) =>
    RENDER_VARIANTS.map((variant) => ({ name: `${template}-${variant}`, template, variant, isStress: false })),
  ),
  ...VISUAL_TEMPLATES.map((template) => ({ name: `${template}-ar-long-words`, template, variant: 'ar' as const, isStress: true })),
];

let renderer: Renderer;
beforeAll(async () => {
  renderer = await Renderer.create();
});

/** A PNG at half its width (and height) in 256 colours, as the references are kept. */
async function halved(png: Buffer): Promise<Buffer> {
  const { width = 2 } = await sharp(png).metadata();
  return sharp(png)
    .resize({ width: Math.round(width / 2), kernel: 'lanczos3' })
    .png({ palette: true, colours: 256, dither: 0 })
    .toBuffer();
}

describe('visual templates match their reviewed references', () => {
  for (const testCase of CASES) {
    it(testCase.name, async () => {
      const template = renderer.registry.get(testCase.template);
      const data = testCase.isStress ? { ...(template.sample as object), ...STRESS_DATA[testCase.template] } : template.sample;
      const output = await renderer.render({
        template: testCase.template,
        variant: testCase.variant,
        data,
        assets: assetsFor(Object.keys(template.manifest.assets ?? {})),
        format: 'png',
      });
      const picture = await halved(output.bytes);
      const file = path.join(REFERENCES, `${testCase.name}.png`);
      if (UPDATE) {
        mkdirSync(REFERENCES, { recursive: true });
        writeFileSync(file, picture);
      }
      expect(existsSync(file), `missing reference ${file}: run the update command in this file's header`).toBe(true);
      const actual = PNG.sync.read(picture);
      const reference = PNG.sync.read(readFileSync(file));
      expect([actual.width, actual.height]).toEqual([reference.width, reference.height]);
      const diff = new PNG({ width: actual.width, height: actual.height });
      const different = pixelmatch(actual.data, reference.data, diff.data, actual.width, actual.height, { threshold: PIXEL_THRESHOLD });
      const share = different / (actual.width * actual.height);
      if (share > MAX_DIFFERENT_SHARE) {
        mkdirSync(RESULTS, { recursive: true });
        writeFileSync(path.join(RESULTS, `${testCase.name}.actual.png`), picture);
        writeFileSync(path.join(RESULTS, `${testCase.name}.diff.png`), PNG.sync.write(diff));
      }
      expect(share, `${different} pixels differ; see ${RESULTS}`).toBeLessThanOrEqual(MAX_DIFFERENT_SHARE);
    });
  }
});
