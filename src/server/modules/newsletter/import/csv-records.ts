/**
 * CSV records from decoded text, streamed through csv-parse, with their line numbers. A broken quote
 * costs one row, not the file: when a quoted field swallows following lines (an opening quote never
 * closed, the record then has the wrong number of fields or holds another address) or runs to the
 * end of the file, the first line of that record is reported as broken and parsing starts again on
 * the next line.
 */
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { DELIMITER_CHARACTERS, type ImportDelimiter } from '../../../../shared/newsletter/import-api.schema.js';

export type CsvRecord =
  /** `line`: where the record starts in the file (1 is the first line). */
  { kind: 'cells'; line: number; cells: string[] } | { kind: 'broken'; line: number; raw: string };

const CHUNK = 65_536;
const EMAIL_LIKE = /[^\s@,;"]+@[^\s@,;"]+\.[^\s@,;"]+/;

function* chunksOf(text: string, from: number): Generator<string> {
  for (let index = from; index < text.length; index += CHUNK) yield text.slice(index, index + CHUNK);
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** A record spread over several lines that is really an unclosed quote eating the rows after it. */
function isSwallowingRecord(raw: string, cells: string[], expectedColumns: number | undefined): boolean {
  const body = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
  const firstNewline = body.indexOf('\n');
  if (firstNewline === -1) return false;
  if (expectedColumns !== undefined && cells.length !== expectedColumns) return true;
  return EMAIL_LIKE.test(body.slice(firstNewline + 1));
}

/**
 * Every non-blank record of `text` (line ends already `\n`), in order. `expectedColumns` is the
 * header's width; when omitted, the first record's.
 */
export async function* readCsvRecords(
  text: string,
  delimiter: ImportDelimiter,
  options: { expectedColumns?: number } = {},
): AsyncGenerator<CsvRecord> {
  let expectedColumns = options.expectedColumns;
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    const parser = parse({
      delimiter: DELIMITER_CHARACTERS[delimiter],
      record_delimiter: '\n',
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      raw: true,
      // With relaxed quotes and column counts, the one error left is a quote still open at the end
      // of the input. Skipping it (rather than failing) ends the stream normally, so every record
      // before it is still read; the skipped one starts where the last record read ended.
      skip_records_with_error: true,
    });
    let hasSkipped = false;
    parser.on('skip', () => {
      hasSkipped = true;
    });
    const source = Readable.from(chunksOf(text, offset), { objectMode: false });
    source.pipe(parser);
    let restart = false;
    try {
      for await (const { record, raw } of parser as AsyncIterable<{ record: string[]; raw: string }>) {
        if (isSwallowingRecord(raw, record, expectedColumns)) {
          restart = true;
          break;
        }
        const start = line;
        offset += raw.length;
        line += countNewlines(raw);
        if (isBlank(record)) continue;
        expectedColumns ??= record.length;
        yield { kind: 'cells', line: start, cells: record };
      }
    } catch {
      restart = true;
    } finally {
      source.unpipe(parser);
      source.destroy();
      parser.destroy();
    }
    if (!restart && !hasSkipped) return;
    const newline = text.indexOf('\n', offset);
    const end = newline === -1 ? text.length : newline;
    yield { kind: 'broken', line, raw: text.slice(offset, end) };
    offset = end + 1;
    line += 1;
  }
}
