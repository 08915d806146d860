/** Where each word of a PDF's pages sits, as `pdftotext -bbox` reads it (points, origin top left). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The pages' sizes and every word with its box. */
export function pdfWords(pdf: Uint8Array): { pages: PdfPage[]; words: PdfWord[] } {
  const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-words-'));
  try {
    const file = path.join(folder, 'document.pdf');
    writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const pages: PdfPage[] = [];
    const words: PdfWord[] = [];
    for (const match of html.matchAll(
      /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*?)<\/word>/g,
    )) {
      if (match[1]) pages.push({ width: Number(match[1]), height: Number(match[2]) });
      else
        words.push({
          page: pages.length,
          text: decodeEntities(match[7] ?? ''),
          xMin: Number(match[3]),
          yMin: Number(match[4]),
          xMax: Number(match[5]),
          yMax: Number(match[6]),
        });
    }
    return { pages, words };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
