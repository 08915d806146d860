/**
 * Every visual template in every variant, read back as a reader's tools would: the PDF with poppler
 * (only shipped fonts, embedded; titles extracted in the order typed; every word inside the page),
 * the PNG with pngjs (the declared size). Then the hard cases: an Arabic word longer than a line,
 * lines mixing Arabic with Latin names, digits and addresses, and text full of Typst syntax and HTML.
 */
import { readdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import { FONTS_DIR } from '../../src/server/platform/render/typst-engine.js';
import { RENDER_VARIANTS, type RenderVariant } from '../../src/shared/render/render.schema.js';
import { containsWordsInOrder, pdfFonts, pdfText } from '../helpers/pdf-tools.js';
import { pdfWords } from '../helpers/pdf-words.js';
import {
  assetsFor,
  HOSTILE_TEXT,
  LONG_ARABIC_WORD,
  MIXED_ARABIC_LINE,
  MIXED_FRENCH_LINE,
  STRESS_DATA,
  VISUAL_TEMPLATES,
  type VisualTemplate,
} from '../helpers/visuals-data.js';

const SHIPPED_FONTS = new Set(
  readdirSync(FONTS_DIR)
    .filter((name) => name.endsWith('.ttf'))
    .map((name) => name.replace(/\.ttf$/, '')),
);
/** Words must stay this far inside the page's edges (the templates' margins are all wider). */
const EDGE = 8;

let renderer: Renderer;
beforeAll(async () => {
  renderer = await Renderer.create();
});

/**
 * `containsWordsInOrder`, also leaving out words with the lam–alef-maqsura ligature (إلى, على),
 * which poppler extracts reversed like lam–alef.
 */
function arabicInOrder(text: string, value: string): boolean {
  return containsWordsInOrder(
    text,
    value
      .split(' ')
      .filter((word) => !/ل[ىي]/.test(word))
      .join(' '),
  );
}

/** The text field every template requires. */
const mainField = (name: VisualTemplate) => (name === 'quote-card' ? 'quote' : 'title');
const languagesOf = (variant: RenderVariant): Array<'ar' | 'fr'> => (variant === 'bilingual' ? ['ar', 'fr'] : [variant]);

async function render(name: VisualTemplate, variant: RenderVariant, data: unknown, format: 'pdf' | 'png') {
  const template = renderer.registry.get(name);
  return renderer.render({ template: name, variant, data, assets: assetsFor(Object.keys(template.manifest.assets ?? {})), format });
}

/** Words of a PDF outside its pages (less the edge), as "word (page)". */
function wordsOutside(pdf: Buffer): string[] {
  const { pages, words } = pdfWords(pdf);
  return words
    .filter((word) => {
      const page = pages[word.page - 1];
      if (!page) return true;
      return word.xMin < EDGE || word.yMin < EDGE || word.xMax > page.width - EDGE || word.yMax > page.height - EDGE;
    })
    .map((word) => `${word.text} (${word.page})`);
}

describe.each(VISUAL_TEMPLATES)('%s', (name) => {
  const pages = name === 'a5-flyer' ? 2 : 1;

  it('renders each variant to a PDF of shipped, embedded fonts, with its titles in typed order and every word inside the page', async () => {
    const template = renderer.registry.get(name);
    expect(template.manifest.variants).toEqual([...RENDER_VARIANTS]);
    const sample = template.sample as Record<string, Record<'ar' | 'fr', string>>;
    for (const variant of RENDER_VARIANTS) {
      const output = await render(name, variant, sample, 'pdf');
      expect(output.warnings, variant).toEqual([]);
      expect(output.pageCount, variant).toBe(pages);
      for (const font of pdfFonts(output.bytes)) {
        expect(SHIPPED_FONTS.has(font.name), `${variant}: ${font.name}`).toBe(true);
        expect(font.embedded, `${variant}: ${font.name} embedded`).toBe(true);
      }
      const text = pdfText(output.bytes);
      for (const language of languagesOf(variant)) {
        const value = sample[mainField(name)]?.[language] ?? '';
        expect(containsWordsInOrder(text, value), `${variant}/${language}: «${value}» in ${text}`).toBe(true);
      }
      expect(wordsOutside(output.bytes), variant).toEqual([]);
    }
  });

  it('renders each variant to a PNG at the declared size', async () => {
    const template = renderer.registry.get(name);
    const size = template.manifest.outputs.png;
    expect(size).toBeDefined();
    for (const variant of RENDER_VARIANTS) {
      const output = await render(name, variant, template.sample, 'png');
      expect(output.contentType).toBe('image/png');
      const png = PNG.sync.read(output.bytes);
      expect([png.width, png.height], variant).toEqual([size?.width, size?.height]);
    }
  });

  it('keeps an over-long Arabic word and mixed Arabic/Latin lines on the page, in order', async () => {
    const data = { ...(renderer.registry.get(name).sample as object), ...STRESS_DATA[name] };
    for (const variant of RENDER_VARIANTS) {
      const output = await render(name, variant, data, 'pdf');
      expect(output.pageCount, variant).toBe(pages);
      expect(wordsOutside(output.bytes), variant).toEqual([]);
      const text = pdfText(output.bytes);
      if (variant !== 'fr') {
        expect(text, variant).toContain(LONG_ARABIC_WORD);
        // Poppler rebuilds a mixed line of a left-to-right page (bilingual) in visual order: the
        // order is checked on the Arabic page here, and by picture for bilingual ones.
        if (variant === 'ar' && name !== 'quote-card') expect(arabicInOrder(text, MIXED_ARABIC_LINE), text).toBe(true);
        for (const token of ['AlterMed', 'ICOSI', '2026', '09:30']) expect(text, variant).toContain(token);
      }
      if (variant !== 'ar' && name !== 'quote-card')
        expect(containsWordsInOrder(text, MIXED_FRENCH_LINE), `${variant}: ${text}`).toBe(true);
    }
  });

  it('prints Typst syntax and HTML typed by a user as these very characters', async () => {
    const field = mainField(name);
    const data = { ...(renderer.registry.get(name).sample as object), [field]: { ar: `عنوان ${HOSTILE_TEXT}`, fr: HOSTILE_TEXT } };
    const output = await render(name, 'bilingual', data, 'pdf');
    const compact = (value: string) => value.replace(/\s+/g, '');
    expect(compact(pdfText(output.bytes))).toContain(compact(HOSTILE_TEXT));
    expect(output.pageCount).toBe(pages);
    // `#set page(fill: red)` did not run: the page's corner keeps the template's colour.
    const png = PNG.sync.read((await render(name, 'fr', data, 'png')).bytes);
    expect([png.data[0], png.data[1], png.data[2]]).not.toEqual([255, 0, 0]);
  });
});

describe('layout rules of the screen formats', () => {
  it('keeps the texts of a story between the apps’ top and bottom controls (250 px each)', async () => {
    const sample = renderer.registry.get('story').sample as { organisation: Record<'ar' | 'fr', string> };
    for (const variant of RENDER_VARIANTS) {
      const { words } = pdfWords((await render('story', variant, sample, 'pdf')).bytes);
      // Poppler writes the words of right-to-left lines reversed in its word boxes.
      const names = new Set(Object.values(sample.organisation).flatMap((name) => [name, [...name].reverse().join('')]));
      const outside = words.filter((word) => !names.has(word.text) && (word.yMin < 250 || word.yMax > 1670));
      expect(
        outside.map((word) => word.text),
        variant,
      ).toEqual([]);
    }
  });

  it('keeps the texts of a Facebook cover in the middle zone smartphones show', async () => {
    for (const variant of RENDER_VARIANTS) {
      const { words } = pdfWords((await render('facebook-cover', variant, renderer.registry.get('facebook-cover').sample, 'pdf')).bytes);
      expect(words.length).toBeGreaterThan(5);
      const outside = words.filter((word) => word.xMin < 264.9 || word.xMax > 1375.1);
      expect(
        outside.map((word) => word.text),
        variant,
      ).toEqual([]);
    }
  });

  it('mirrors the layout in Arabic: the picture sits on the other side of a web banner', async () => {
    const data = renderer.registry.get('web-banner').sample;
    const centre = async (variant: RenderVariant) => {
      const { words } = pdfWords((await render('web-banner', variant, data, 'pdf')).bytes);
      return words.reduce((sum, word) => sum + (word.xMin + word.xMax) / 2, 0) / words.length;
    };
    // Texts on the left half in French, on the right half in Arabic.
    expect(await centre('fr')).toBeLessThan(600);
    expect(await centre('ar')).toBeGreaterThan(600);
  });
});
