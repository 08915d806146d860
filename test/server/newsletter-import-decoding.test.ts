/**
 * Import decoding: files written in each encoding (generated here with iconv-lite) read back as the
 * right Arabic and French text; separators are detected; broken quotes cost one row, not the file.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type CsvRecord, readCsvRecords } from '../../src/server/modules/newsletter/import/csv-records.js';
import { countDataLines, decodeCsv, detectDelimiter, detectEncoding } from '../../src/server/modules/newsletter/import/csv-text.js';
import { AppError } from '../../src/server/platform/errors.js';
import type { ImportDelimiter, ImportEncoding } from '../../src/shared/newsletter/import-api.schema.js';

const ARABIC = 'email;name;country\nfatima@example.ma;فاطمة الزهراء بنعلي;MA\nyoussef@example.tn;يوسف الطرابلسي;TN\n';
const FRENCH =
  'email;name;country\nhelene@example.fr;Hélène Lefèvre;FR\nfrancois@example.fr;François Ménard;FR\nzoe@example.fr;Zoé Dubœuf;FR\n';

async function records(text: string, delimiter: ImportDelimiter = 'comma'): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of readCsvRecords(text, delimiter)) out.push(record);
  return out;
}

function roundTrip(text: string, encoding: ImportEncoding, withBom: boolean): { detected: ImportEncoding; decoded: string } {
  const bytes = iconv.encode(text, encoding, { addBOM: withBom });
  const detected = detectEncoding(bytes);
  return { detected, decoded: decodeCsv(bytes, detected) };
}

describe('encoding detection', () => {
  it('reads UTF-8 without a byte-order mark', () => {
    const { detected, decoded } = roundTrip(ARABIC + FRENCH, 'utf-8', false);
    expect(detected).toBe('utf-8');
    expect(decoded).toContain('فاطمة الزهراء بنعلي');
    expect(decoded).toContain('Hélène Lefèvre');
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    const { detected, decoded } = roundTrip(ARABIC, 'utf-8', true);
    expect(detected).toBe('utf-8');
    expect(decoded.startsWith('email;name')).toBe(true);
  });

  it('reads UTF-16 little- and big-endian with a byte-order mark', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const { detected, decoded } = roundTrip(ARABIC + FRENCH, encoding, true);
      expect(detected, encoding).toBe(encoding);
      expect(decoded.startsWith('email;name'), encoding).toBe(true);
      expect(decoded).toContain('يوسف الطرابلسي');
      expect(decoded).toContain('Zoé Dubœuf');
    }
  });

  it('reads Windows-1256 Arabic, even with French accents in it', () => {
    const mixed = `${ARABIC}amel@example.dz;آمال بن عيسى (Amel, née à Oran);DZ\n`;
    const { detected, decoded } = roundTrip(mixed, 'windows-1256', false);
    expect(detected).toBe('windows-1256');
    expect(decoded).toContain('فاطمة الزهراء بنعلي');
    expect(decoded).toContain('آمال بن عيسى (Amel, née à Oran)');
  });

  it('reads Windows-1252 French accents', () => {
    const { detected, decoded } = roundTrip(`${FRENCH}eloise@example.fr;Éloïse Œuvray;FR\n`, 'windows-1252', false);
    expect(detected).toBe('windows-1252');
    expect(decoded).toContain('Hélène Lefèvre');
    expect(decoded).toContain('Éloïse Œuvray');
  });

  it('decodes with a chosen encoding, and turns CRLF line ends into LF', () => {
    const bytes = iconv.encode('email,name\r\nsalma@example.ma,سلمى\r\n', 'windows-1256');
    expect(decodeCsv(bytes, 'windows-1256')).toBe('email,name\nsalma@example.ma,سلمى\n');
  });

  it('refuses spreadsheets, binaries and empty files with a reason', () => {
    const reasonOf = (bytes: Uint8Array) => {
      try {
        decodeCsv(bytes, detectEncoding(bytes));
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        return (error as AppError).params.reasonCode;
      }
      return 'read';
    };
    expect(reasonOf(Buffer.from('PK\x03\x04 xl/workbook.xml', 'latin1'))).toBe('SPREADSHEET');
    expect(reasonOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('NOT_TEXT');
    expect(reasonOf(Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x05, 0x06, 0x07, 0x41, 0x00, 0x00, 0x00]))).toBe('NOT_TEXT');
    expect(reasonOf(Buffer.from(''))).toBe('EMPTY');
    expect(reasonOf(Buffer.from('email\nsalma@example.ma\n'))).toBe('read');
  });
});

describe('separator detection', () => {
  it('finds commas, semicolons and tabs, ignoring those inside quotes', () => {
    expect(detectDelimiter('email,name\na@example.org,"Ben Ali, Mohamed"\nb@example.org,Sara\n')).toBe('comma');
    expect(detectDelimiter('EMAIL;PRENOM;NOM\na@example.org;Mohamed;"Ben Ali, fils"\nb@example.org;Sara;Idrissi\n')).toBe('semicolon');
    expect(detectDelimiter('email\tname\ta;b\na@example.org\tSara, Idrissi\tx\n')).toBe('tab');
    expect(detectDelimiter('email\na@example.org\nb@example.org\n')).toBe('comma');
  });

  it('counts data lines without the header and blank lines', () => {
    expect(countDataLines('email\na@example.org\n\n;;\nb@example.org', true)).toBe(2);
    expect(countDataLines('a@example.org\nb@example.org\n', false)).toBe(2);
  });
});

describe('records', () => {
  it('reads quoted separators, doubled quotes and multi-line cells, with the line each record starts on', async () => {
    const out = await records(
      'email,name,notes\na@example.org,"Ben Ali, Mohamed","dit ""Simo"""\n\nb@example.org,Sara,"deux\nlignes"\nc@example.org,Nour,\n',
    );
    expect(out).toEqual([
      { kind: 'cells', line: 1, cells: ['email', 'name', 'notes'] },
      { kind: 'cells', line: 2, cells: ['a@example.org', 'Ben Ali, Mohamed', 'dit "Simo"'] },
      { kind: 'cells', line: 4, cells: ['b@example.org', 'Sara', 'deux\nlignes'] },
      { kind: 'cells', line: 6, cells: ['c@example.org', 'Nour', ''] },
    ]);
  });

  it('keeps a stray quote inside a field as text', async () => {
    const out = await records('email,name\na@example.org,Sa"id\nb@example.org,"Sara"x\n');
    expect(out.slice(1)).toEqual([
      { kind: 'cells', line: 2, cells: ['a@example.org', 'Sa"id'] },
      { kind: 'cells', line: 3, cells: ['b@example.org', '"Sara"x'] },
    ]);
  });

  it('reports an unclosed quote in the middle as one broken row and reads the rows after it', async () => {
    const out = await records(
      'email;name\na@example.org;"Said\nb@example.org;Sara\nc@example.org;"Nour"\nd@example.org;Dina\n',
      'semicolon',
    );
    expect(out.slice(1)).toEqual([
      { kind: 'broken', line: 2, raw: 'a@example.org;"Said' },
      { kind: 'cells', line: 3, cells: ['b@example.org', 'Sara'] },
      { kind: 'cells', line: 4, cells: ['c@example.org', 'Nour'] },
      { kind: 'cells', line: 5, cells: ['d@example.org', 'Dina'] },
    ]);
  });

  it('reports an unclosed quote running to the end of the file as one broken row', async () => {
    let text = 'email,name\n';
    for (let index = 0; index < 3000; index += 1) text += `person${index}@example.org,Person ${index}\n`;
    text += 'x@example.org,"never closed\ny@example.org,Yasmine\nz@example.org,Zineb\n';
    const out = await records(text);
    expect(out).toHaveLength(3004);
    expect(out[3001]).toEqual({ kind: 'broken', line: 3002, raw: 'x@example.org,"never closed' });
    expect(out.slice(3002)).toEqual([
      { kind: 'cells', line: 3003, cells: ['y@example.org', 'Yasmine'] },
      { kind: 'cells', line: 3004, cells: ['z@example.org', 'Zineb'] },
    ]);
  });

  it('reads tab-separated UTF-16 text decoded beforehand', async () => {
    const bytes = iconv.encode('email\tname\nmeriem@example.dz\tمريم\n', 'utf-16le', { addBOM: true });
    const out = await records(decodeCsv(bytes, detectEncoding(bytes)), 'tab');
    expect(out[1]).toEqual({ kind: 'cells', line: 2, cells: ['meriem@example.dz', 'مريم'] });
  });
});
