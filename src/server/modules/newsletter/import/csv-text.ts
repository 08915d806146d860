/**
 * From uploaded bytes to text: refuse what is not text, detect the encoding (byte-order marks, then
 * strict UTF-8, then Windows-1256 against Windows-1252 by what the high bytes spell) and the field
 * separator. Everything here is pure; the import reads whole files (the upload limit bounds them).
 */
import iconv from 'iconv-lite';
import { DELIMITER_CHARACTERS, type ImportDelimiter, type ImportEncoding } from '../../../../shared/newsletter/import-api.schema.js';
import { AppError } from '../../../platform/errors.js';

/** Why a file cannot be read as CSV (`newsletterImport.unreadable.<code>`). */
export type UnreadableReason = 'NOT_TEXT' | 'SPREADSHEET' | 'EMPTY' | 'NO_ROWS';

export function unreadable(reason: UnreadableReason, cause?: unknown): AppError {
  return new AppError('CSV_UNREADABLE', { params: { reasonCode: reason }, fields: { file: `CSV_${reason}` }, cause });
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Known binary formats, by magic bytes: Excel and OpenDocument files first (people upload them for CSV). */
function binaryKind(bytes: Uint8Array): UnreadableReason | undefined {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'SPREADSHEET';
  const signatures = [
    [0x25, 0x50, 0x44, 0x46], // PDF
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x47, 0x49, 0x46, 0x38], // GIF
    [0x1f, 0x8b], // gzip
    [0x7f, 0x45, 0x4c, 0x46], // ELF
  ];
  return signatures.some((signature) => startsWith(bytes, signature)) ? 'NOT_TEXT' : undefined;
}

/** UTF-16 without a byte-order mark: one byte of each pair is zero in Latin text. */
function utf16WithoutBom(bytes: Uint8Array): ImportEncoding | undefined {
  const length = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0 && bytes[index + 1] !== 0) evenZeros += 1;
    if (bytes[index + 1] === 0 && bytes[index] !== 0) oddZeros += 1;
  }
  const pairs = length / 2;
  if (oddZeros > pairs * 0.4) return 'utf-16le';
  if (evenZeros > pairs * 0.4) return 'utf-16be';
  return undefined;
}

const HIGH_BYTES = Buffer.from(Array.from({ length: 128 }, (_, index) => 0x80 + index));
const WINDOWS_1256 = iconv.decode(HIGH_BYTES, 'windows-1256');
const WINDOWS_1252 = iconv.decode(HIGH_BYTES, 'windows-1252');
const ARABIC_LETTER = /[\u0621-\u064a]/;
const LATIN_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u017f]/;
const ASCII_LETTER = (byte: number | undefined) => byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));

/**
 * Windows-1256 keeps French's lower-case accents where Windows-1252 has them, so only bytes the two
 * read differently count: an Arabic letter next to another high byte (Arabic words are runs of
 * them) votes 1256; a Latin letter next to an ASCII letter (an accent inside a French word) votes 1252.
 */
export function scoreSingleByteEncodings(bytes: Uint8Array): { arabic: number; latin: number } {
  let arabic = 0;
  let latin = 0;
  const end = Math.min(bytes.length, 1_000_000);
  for (let index = 0; index < end; index += 1) {
    const byte = bytes[index] as number;
    if (byte < 0x80) continue;
    const as1256 = WINDOWS_1256[byte - 0x80] as string;
    const as1252 = WINDOWS_1252[byte - 0x80] as string;
    if (as1256 === as1252) continue;
    const previous = bytes[index - 1];
    const next = bytes[index + 1];
    if (ARABIC_LETTER.test(as1256) && ((previous ?? 0) >= 0x80 || (next ?? 0) >= 0x80)) arabic += 1;
    else if (LATIN_LETTER.test(as1252) && (ASCII_LETTER(previous) || ASCII_LETTER(next))) latin += 1;
  }
  return { arabic, latin };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The encoding of a CSV file's bytes. */
export function detectEncoding(bytes: Uint8Array): ImportEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return utf16;
  try {
    strictUtf8.decode(bytes);
    return 'utf-8';
  } catch {
    const { arabic, latin } = scoreSingleByteEncodings(bytes);
    return arabic > latin ? 'windows-1256' : 'windows-1252';
  }
}

/** Control characters other than tab, line feed and carriage return, of which a text file has (almost) none. */
function countControls(text: string): { controls: number; hasNul: boolean } {
  let controls = 0;
  let hasNul = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) {
      controls += 1;
      if (code === 0) hasNul = true;
    }
  }
  return { controls, hasNul };
}

/**
 * Decodes with the given encoding (a byte-order mark is dropped), or refuses bytes that are not text.
 * Line ends become `\n`.
 */
export function decodeCsv(bytes: Uint8Array, encoding: ImportEncoding): string {
  if (bytes.length === 0) throw unreadable('EMPTY');
  const kind = binaryKind(bytes);
  if (kind) throw unreadable(kind);
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
  const head = text.slice(0, 65_536);
  const { controls, hasNul } = countControls(head);
  if (hasNul || controls > head.length / 100) throw unreadable('NOT_TEXT');
  if (text.trim() === '') throw unreadable('EMPTY');
  return text.replace(/\r\n?/g, '\n');
}

/** Occurrences of `character` outside double quotes in one line. */
function countOutsideQuotes(line: string, character: string): number {
  let count = 0;
  let isQuoted = false;
  for (const char of line) {
    if (char === '"') isQuoted = !isQuoted;
    else if (char === character && !isQuoted) count += 1;
  }
  return count;
}

/**
 * The separator that splits the first lines into the same number of fields most often (a file of
 * addresses alone, with none, reads as comma-separated).
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const lines = text
    .slice(0, 65_536)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 30);
  let best: { delimiter: ImportDelimiter; consistent: number; fields: number } = { delimiter: 'comma', consistent: 0, fields: 0 };
  for (const delimiter of ['tab', 'semicolon', 'comma'] as const) {
    const counts = lines.map((line) => countOutsideQuotes(line, DELIMITER_CHARACTERS[delimiter]));
    const frequency = new Map<number, number>();
    for (const count of counts) if (count > 0) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    for (const [fields, consistent] of frequency) {
      if (consistent > best.consistent || (consistent === best.consistent && fields > best.fields)) {
        best = { delimiter, consistent, fields };
      }
    }
  }
  return best.delimiter;
}

/** Data lines in the text (non-blank lines after the header), an estimate until the import has run. */
export function countDataLines(text: string, hasHeaderRow: boolean): number {
  let count = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    for (let index = start; index < end; index += 1) {
      const code = text.charCodeAt(index);
      if (code !== 0x20 && code !== 0x09 && code !== 0x2c && code !== 0x3b) {
        count += 1;
        break;
      }
    }
    start = end + 1;
  }
  return Math.max(0, count - (hasHeaderRow ? 1 : 0));
}
