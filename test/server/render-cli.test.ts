/** `tawasul render` as a real process: no database, no DATA_DIR, outputs checked on disk. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-tools.js';

const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-render-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function tawasul(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/tawasul.mjs', 'render', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    // A DATA_DIR that does not exist and no database: rendering must not need them.
    env: { ...process.env, DATA_DIR: path.join(folder, 'no-data-here'), DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tawasul render', () => {
  it('lists the templates', () => {
    const result = tawasul('--list');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^a4-brief\s+document\s+ar,fr,bilingual\s+pdf, svg, png 1240×1754/m);
    expect(result.stdout).toMatch(/^social-post\s+visual\s+ar,fr,bilingual\s+pdf, svg, png 1080×1080/m);
  }, 120_000);

  it('renders a PDF from a data file and a PNG with a logo', () => {
    const dataFile = path.join(folder, 'brief.json');
    writeFileSync(
      dataFile,
      JSON.stringify({
        title: { ar: 'مذكرة من سطر الأوامر', fr: 'Une note en ligne de commande' },
        sections: [{ heading: { ar: 'قسم', fr: 'Section' }, paragraphs: [{ ar: 'نص.', fr: 'Texte.' }] }],
      }),
    );
    const pdf = path.join(folder, 'brief.pdf');
    const pdfRun = tawasul('a4-brief', '--data', dataFile, '--out', pdf, '--variant', 'fr');
    expect(pdfRun.status, pdfRun.stderr).toBe(0);
    expect(pdfRun.stdout).toContain('a4-brief (fr), 1 page(s)');
    expect(pdfText(readFileSync(pdf))).toContain('Une note en ligne de commande');

    const png = path.join(folder, 'post.png');
    const pngRun = tawasul(
      'social-post',
      '--data',
      'templates/typst/social-post/sample.json',
      '--out',
      png,
      '--variant',
      'ar',
      '--asset',
      'logo=test/fixtures/render-assets/logo.svg',
    );
    expect(pngRun.status, pngRun.stderr).toBe(0);
    const bytes = readFileSync(png);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1080, 1080]);
  }, 180_000);

  it('explains what is wrong instead of crashing', () => {
    const unknown = tawasul('nope', '--out', path.join(folder, 'x.pdf'));
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown template "nope"\. Templates: .*a4-brief.*social-post/);
    const dataFile = path.join(folder, 'missing-arabic.json');
    writeFileSync(dataFile, JSON.stringify({ title: { fr: 'Seulement en français' } }));
    const invalid = tawasul('social-post', '--data', dataFile, '--out', path.join(folder, 'x.png'), '--variant', 'bilingual');
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('data.title.ar: REQUIRED');
    const badFormat = tawasul('social-post', '--out', path.join(folder, 'x.docx'));
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain('--out must end in .pdf, .svg, .png');
  }, 240_000);
});
