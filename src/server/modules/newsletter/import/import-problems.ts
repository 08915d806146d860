/**
 * Rows an import left out, kept as codes (the report is worded when downloaded, in the reader's
 * language). Each batch writes its rows to its own storage object, keyed by the batch's first row,
 * before the batch commits: a retried batch starts at the same row and overwrites its part, so no line
 * is ever written twice. The finished import merges the parts into one file
 * (`subscriber_import.error_report_file_id`) and removes them.
 */

import type { Translate } from '../../../../shared/i18n/translator.js';
import type { ImportRowReason } from '../../../../shared/newsletter/import-api.schema.js';
import { toCsv } from '../../../platform/csv.js';
import type { FileStorage } from '../../../platform/storage/storage.js';
import { newStorageKey } from '../../../platform/storage/storage.js';

export interface RowProblem {
  /** Line of the file where the row starts. */
  line: number;
  reason: ImportRowReason;
  value: string;
}

const partKey = (workspaceId: string, importId: string, from: number) => `${workspaceId}/imports/${importId}/problems-${from}.json`;

/**
 * Writes one batch's part, keyed by its first row and naming where the next batch starts, even when
 * empty: the merge walks from part to part, whatever batch sizes the runs used.
 */
export async function saveBatchProblems(
  storage: FileStorage,
  workspaceId: string,
  importId: string,
  batch: { from: number; to: number },
  problems: RowProblem[],
) {
  await storage.put(partKey(workspaceId, importId, batch.from), Buffer.from(JSON.stringify({ to: batch.to, problems })));
}

/** The parts of rows 0…totalRows as one JSON-lines document (undefined when no row was left out), and the parts read. */
export async function mergeBatchProblems(storage: FileStorage, workspaceId: string, importId: string, totalRows: number) {
  const lines: string[] = [];
  const parts: string[] = [];
  for (let from = 0; from < totalRows; ) {
    const key = partKey(workspaceId, importId, from);
    // A part lost from the store ends the report there rather than failing a finished import.
    if (!(await storage.exists(key))) break;
    const part = JSON.parse((await storage.get(key)).toString('utf8')) as { to: number; problems: RowProblem[] };
    parts.push(key);
    for (const problem of part.problems) lines.push(JSON.stringify([problem.line, problem.reason, problem.value]));
    if (part.to <= from) break;
    from = part.to;
  }
  if (lines.length === 0) return { parts, merged: undefined };
  const bytes = Buffer.from(`${lines.join('\n')}\n`);
  const { key, sha256 } = newStorageKey(workspaceId, bytes);
  await storage.put(key, bytes);
  return { parts, merged: { key, sha256, bytes } };
}

export function parseProblems(bytes: Buffer): RowProblem[] {
  return bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [row, reason, value] = JSON.parse(line) as [number, ImportRowReason, string];
      return { line: row, reason, value };
    });
}

/** The report as a spreadsheet reads it: row, value, reason in words; formulas neutralised. */
export function renderProblemReport(problems: RowProblem[], t: Translate): string {
  return toCsv(
    [t('newsletterImport.report.row'), t('newsletterImport.report.value'), t('newsletterImport.report.reason')],
    problems.map((problem) => [problem.line, problem.value, t(`newsletterImport.reason.${problem.reason}`)]),
  );
}
