/** The wizard's preview: the first rows decoded and split, and a suggested mapping. Pure. */
import {
  type ImportDelimiter,
  type ImportEncoding,
  ImportLimits,
  type ImportPreview,
} from '../../../../shared/newsletter/import-api.schema.js';
import { readCsvRecords } from './csv-records.js';
import { countDataLines, unreadable } from './csv-text.js';
import { isHeaderRecord, suggestMapping } from './import-mapping.js';

/** The first records (a broken row shows as its raw line in the first cell). */
async function readHead(text: string, delimiter: ImportDelimiter): Promise<{ rows: string[][]; hasHeaderRow: boolean }> {
  const rows: string[][] = [];
  let hasHeaderRow = false;
  for await (const record of readCsvRecords(text, delimiter)) {
    if (rows.length === 0) hasHeaderRow = isHeaderRecord(record);
    rows.push(record.kind === 'cells' ? record.cells : [record.raw]);
    if (rows.length > ImportLimits.previewRows) break;
  }
  return { rows, hasHeaderRow };
}

export async function buildPreview(input: {
  importId: string;
  text: string;
  encoding: ImportEncoding;
  detectedEncoding: ImportEncoding;
  delimiter: ImportDelimiter;
  detectedDelimiter: ImportDelimiter;
}): Promise<ImportPreview> {
  const { rows: head, hasHeaderRow } = await readHead(input.text, input.delimiter);
  const first = head[0];
  if (!first) throw unreadable('NO_ROWS');
  const dataRows = (hasHeaderRow ? head.slice(1) : head).slice(0, ImportLimits.previewRows);
  const columnCount = Math.max(first.length, ...dataRows.map((row) => row.length));
  const pad = (row: string[]) => Array.from({ length: columnCount }, (_, column) => row[column] ?? '');
  const headers = hasHeaderRow ? pad(first).map((header) => header.trim()) : Array.from({ length: columnCount }, () => '');
  const rows = dataRows.map(pad);
  return {
    importId: input.importId,
    encoding: input.encoding,
    detectedEncoding: input.detectedEncoding,
    delimiter: input.delimiter,
    detectedDelimiter: input.detectedDelimiter,
    hasHeaderRow,
    headers,
    rows,
    estimatedRows: countDataLines(input.text, hasHeaderRow),
    suggestedMapping: suggestMapping(headers, rows, hasHeaderRow),
  };
}
