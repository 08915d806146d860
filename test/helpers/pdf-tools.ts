/** Reads rendered PDFs back with poppler (pdftotext, pdffonts), as a reader's tools would. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

function withPdfFile<T>(pdf: Uint8Array, run: (file: string) => T): T {
  const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-pdf-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    return run(file);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Bidi controls poppler inserts around runs of the other direction. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text of a PDF, bidi controls removed and white space collapsed (lines joined by spaces). */
export function pdfText(pdf: Uint8Array): string {
  const text = withPdfFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
  return text.replace(BIDI_CONTROLS, '').replace(/\s+/g, ' ').trim();
}

export interface PdfFont {
  /** PostScript name without the subset prefix (`NotoSans-Bold`). */
  name: string;
  embedded: boolean;
}

/** The fonts a PDF uses, as `pdffonts` lists them. */
export function pdfFonts(pdf: Uint8Array): PdfFont[] {
  const listing = withPdfFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return listing
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const columns = line.trim().split(/\s+/);
      const name = (columns[0] ?? '').replace(/^[A-Z]{6}\+/, '');
      // Columns from the end: emb sub uni object-number generation.
      const embedded = columns[columns.length - 5] === 'yes';
      return { name, embedded };
    });
}

const ARABIC = /[\u0600-\u06ff]/;
/** Lam-alef ligatures and marks (harakat, shadda), which poppler extracts out of order. */
const POPPLER_ARABIC_ARTIFACTS = /\u0644[\u0622\u0623\u0625\u0627]|[\u064b-\u0652]/;

/**
 * Whether the words of `value` appear in `text` in the order they were typed. Poppler rebuilds
 * right-to-left lines from glyph positions: it reverses the two letters of the lam-alef ligature
 * (لا → ال), repeats some marks (shadda), and moves Latin words and digits inside Arabic lines —
 * for Chromium's PDFs as well as Typst's, whose ToUnicode maps are right. So in an Arabic `value`
 * the words with those are left out; the others, and every word of a French value, must come in
 * logical order.
 */
export function containsWordsInOrder(text: string, value: string): boolean {
  const isArabic = ARABIC.test(value);
  const words = value
    .split(/\s+/)
    .map((word) => word.replace(/[.,;:!?،؛؟()«»"“”—]/g, ''))
    .filter((word) => word !== '')
    .filter((word) => !isArabic || (ARABIC.test(word) && !POPPLER_ARABIC_ARTIFACTS.test(word) && !/[A-Za-z0-9]/.test(word)));
  let from = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    from = at + word.length;
  }
  return words.length > 0;
}
