/**
 * What a render must never do: run user text as Typst, read a file of the machine, use a font of
 * the machine, or crash on a bad request or a template bug.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../src/server/platform/errors.js';
import { Renderer } from '../../src/server/platform/render/renderer.js';
import { TEMPLATES_DIR } from '../../src/server/platform/render/template-registry.js';
import { pdfFonts, pdfText } from '../helpers/pdf-tools.js';

const TEST_TEMPLATES = path.resolve('test/fixtures/render-templates');
const LOGO = readFileSync(path.resolve('test/fixtures/render-assets/logo.svg'));

/** Typst markup, code and file access, and HTML, as a user might type them. */
const HOSTILE = [
  '#import "x.typ": *',
  '#read("/etc/passwd")',
  '#let x = 1',
  '$x^2$',
  '@intro',
  '<label>',
  '\\ backslash',
  '[brackets]',
  '*bold* _em_ `code`',
  '#eval("1+1")',
  '<script>alert(1)</script>',
  '<b>gras</b> &amp;',
];

let renderer: Renderer;
beforeAll(async () => {
  renderer = await Renderer.create([TEMPLATES_DIR, TEST_TEMPLATES]);
});

async function failure(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the render to fail');
}

describe('user text is data, never code', () => {
  it('renders Typst syntax and HTML typed by a user as literal text', async () => {
    const hostile = HOSTILE.join(' ');
    const output = await renderer.render({
      template: 'a4-brief',
      variant: 'fr',
      data: {
        title: { fr: '#read("/etc/passwd") $x$ [titre]' },
        sections: [{ heading: { fr: '= Pas un titre Typst <h1>' }, paragraphs: [{ fr: hostile }] }],
        table: { columns: [{ fr: '#table()' }], rows: [[{ fr: '<td>$1$</td>' }]] },
      },
      format: 'pdf',
    });
    const text = pdfText(output.bytes);
    for (const piece of [...HOSTILE, '#read("/etc/passwd") $x$ [titre]', '= Pas un titre Typst <h1>', '#table()', '<td>$1$</td>']) {
      expect(text, piece).toContain(piece);
    }
    expect(text).not.toMatch(/root:x:0:0/);
  });

  it('keeps the same text literal in an Arabic visual', async () => {
    const output = await renderer.render({
      template: 'social-post',
      variant: 'ar',
      data: { title: { ar: 'عنوان #emph[x] $y$' }, subtitle: { ar: '#read("/etc/hostname") <script>' } },
      format: 'pdf',
    });
    const text = pdfText(output.bytes);
    // Poppler moves neutral signs (#, $, <, >) around inside right-to-left lines; evaluated, these
    // would have become an italic x and a file's content (or an error) instead of their words.
    for (const piece of ['emph[x]', 'read("/etc/hostname")', 'script']) expect(text).toContain(piece);
  });
});

describe('fonts', () => {
  it('never uses a font of the machine, even when a template names one', async () => {
    const output = await renderer.render({ template: 'system-fonts-test', variant: 'fr', data: {}, format: 'pdf' });
    const names = pdfFonts(output.bytes).map((font) => font.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names.join(' ')).not.toMatch(/DejaVu|Kufi/);
    expect(output.warnings.join(' ')).toMatch(/unknown font family: dejavu sans/i);
    expect(pdfText(output.bytes)).toContain('Bonjour DejaVu');
  });
});

describe('errors', () => {
  it('turns a template bug into RENDER_FAILED with a readable reason', async () => {
    const error = await failure(() =>
      renderer.render({ template: 'broken-test', variant: 'fr', data: { title: 'Bonjour' }, format: 'pdf' }),
    );
    expect(error.code).toBe('RENDER_FAILED');
    expect(String(error.params.reason)).toMatch(/templates\/broken-test\/template\.typ: .*subtitle/);
  });

  it('refuses an unknown template, variant, format, data or image slot with field codes', async () => {
    expect((await failure(() => renderer.render({ template: 'nope', variant: 'fr', data: {}, format: 'pdf' }))).code).toBe('NOT_FOUND');
    const error = await failure(() =>
      renderer.render({
        template: 'broken-test',
        variant: 'ar',
        data: { title: 3, extra: true },
        assets: { stamp: LOGO },
        format: 'png',
      }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({
      variant: 'UNSUPPORTED_VARIANT',
      format: 'UNSUPPORTED_FORMAT',
      'data.title': 'INVALID_TYPE',
      'data.extra': 'UNKNOWN_FIELD',
      'assets.stamp': 'UNKNOWN_ASSET',
    });
  });

  it('asks for the texts of every language the variant shows', async () => {
    const error = await failure(() =>
      renderer.render({
        template: 'social-post',
        variant: 'bilingual',
        data: { title: { fr: 'Seulement en français', ar: ' ' } },
        format: 'pdf',
      }),
    );
    expect(error.fields).toEqual({ 'data.title.ar': 'REQUIRED' });
    const brief = await failure(() =>
      renderer.render({
        template: 'a4-brief',
        variant: 'ar',
        data: { title: { ar: 'عنوان' }, sections: [{ heading: { fr: 'Section' }, paragraphs: [] }] },
        format: 'pdf',
      }),
    );
    expect(brief.fields).toEqual({ 'data.sections.0.heading.ar': 'REQUIRED' });
  });

  it('refuses images that are not images, and SVG images pointing outside themselves', async () => {
    const notImage = await failure(() =>
      renderer.render({
        template: 'social-post',
        variant: 'fr',
        data: { title: { fr: 'x' } },
        assets: { logo: Buffer.from('%PDF-1.7 …') },
        format: 'pdf',
      }),
    );
    expect(notImage.fields).toEqual({ 'assets.logo': 'RENDER_IMAGE_TYPE' });
    for (const svg of [
      '<svg xmlns="http://www.w3.org/2000/svg"><image href="/etc/hostname" width="10" height="10"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///srv/photo.png"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://tracker.example/x)"/></svg>',
      '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://tracker.example/x.css";</style></svg>',
    ]) {
      const error = await failure(() =>
        renderer.render({
          template: 'social-post',
          variant: 'fr',
          data: { title: { fr: 'x' } },
          assets: { logo: Buffer.from(svg) },
          format: 'pdf',
        }),
      );
      expect(error.fields, svg).toEqual({ 'assets.logo': 'SVG_UNSAFE' });
    }
    // An external entity: the sniffer does not even take a DOCTYPE with an internal subset for SVG.
    const entity = await failure(() =>
      renderer.render({
        template: 'social-post',
        variant: 'fr',
        data: { title: { fr: 'x' } },
        assets: {
          logo: Buffer.from('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg><text>&x;</text></svg>'),
        },
        format: 'pdf',
      }),
    );
    expect(entity.code).toBe('VALIDATION_FAILED');
  });
});
