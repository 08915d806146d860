/**
 * Runs one import: streams the file's records, and writes each batch of rows in one transaction that
 * also moves `processed_rows`. A run that dies is resumed by the next: it re-reads the rows already
 * done only to remember their addresses (for duplicates later in the file) and continues from
 * `processed_rows`, so no subscriber, subscription or consent record is written twice.
 */
import {
  IMPORT_SKIP_REASONS,
  type ImportDelimiter,
  type ImportEncoding,
  type ImportMapping,
} from '../../../../shared/newsletter/import-api.schema.js';
import { AppError } from '../../../platform/errors.js';
import type { Platform } from '../../../platform/platform.js';
import { findFile } from '../../../platform/storage/files.service.js';
import { refreshPlannerStatistics } from '../planner-statistics.js';
import { subscriberSearchText } from '../subscribers.repo.js';
import { type CsvRecord, readCsvRecords } from './csv-records.js';
import { decodeCsv } from './csv-text.js';
import {
  advanceImport,
  type BatchCounts,
  claimImportRun,
  findOpenListIds,
  finishImport,
  type ImportRow,
  insertFileRow,
  lockImportAt,
} from './import.repo.js';
import {
  checkBatchReferences,
  type ExistingSubscriber,
  findBatchPeople,
  type SubscriberWrite,
  skipRowForeignKeyChecks,
  writeBatchRows,
} from './import-batch.repo.js';
import { isHeaderRecord } from './import-mapping.js';
import { mergeBatchProblems, type RowProblem, saveBatchProblems } from './import-problems.js';
import { type CompiledMapping, compileMapping, type ImportCandidate, readRow } from './import-row.js';
import { timeOrderedId } from './time-ordered-id.js';

/**
 * Rows per batch (one transaction). 5,000 rather than 1,000: a batch's fixed cost (a transaction, five
 * small statements, a part of the error report) then weighs a fifth as much, while its JSON stays
 * about 1.5 MB and a retried batch redoes seconds of work at most.
 */
export const IMPORT_BATCH_SIZE = 5000;

/** Why a run stopped for good (`newsletterImport.failure.<code>`). */
export type ImportFailure = 'NOT_TEXT' | 'SPREADSHEET' | 'EMPTY' | 'NO_ROWS' | 'LISTS_CHANGED' | 'INTERNAL';

export interface ImportRunOptions {
  /** Called after each committed batch (tests stop a run there, as a crash would). */
  afterBatch?(batch: number): void | Promise<void>;
  /** Called inside a batch's transaction, its rows written but not committed (tests crash there). */
  beforeCommit?(batch: number): void | Promise<void>;
  batchSize?: number;
}

/** Another run moved the same import meanwhile: this batch is rolled back and the run stops. */
export class LostImportClaim extends Error {}

/** A chosen list was deleted or archived while the import ran. */
class ListsChanged extends Error {}

const SKIP_REASONS = new Set<string>(IMPORT_SKIP_REASONS);
const SUPPRESSION_REASON = {
  unsubscribed: 'UNSUBSCRIBED',
  bounced: 'BOUNCED',
  complained: 'COMPLAINED',
  hard: 'BOUNCED',
  complaint: 'COMPLAINED',
  erased: 'ERASED',
} as const;

function union(...lists: string[][]): string[] {
  return [...new Set(lists.flat())];
}

/** The row to write: a new subscriber, or the existing one with the file's values laid over it. */
function subscriberValues(row: ImportRow, candidate: ImportCandidate, existing: ExistingSubscriber | undefined): SubscriberWrite {
  const name = candidate.name ?? existing?.name ?? '';
  return {
    // Time-ordered (see time-ordered-id.ts); unused on update.
    id: timeOrderedId(),
    email: candidate.email,
    email_normalized: candidate.emailNormalized,
    name,
    search_text: subscriberSearchText(name, candidate.email),
    languages: candidate.languages ?? existing?.languages ?? ['fr'],
    country: candidate.country ?? existing?.country ?? null,
    organisation_name: candidate.organisationName ?? existing?.organisationName ?? '',
    tags: union(existing?.tags ?? [], candidate.tags, row.tags),
    attributes: { ...(existing?.attributes ?? {}), ...candidate.attributes },
    consent_ids: row.listIds.map(() => timeOrderedId()),
  };
}

interface Batch {
  index: number;
  from: number;
  records: CsvRecord[];
}

export function createImportRunner(platform: Pick<Platform, 'database' | 'storage'>) {
  const db = platform.database.db;
  const { storage } = platform;

  /** Reads a batch's rows; valid first occurrences of an address become candidates. */
  function sortRecords(records: CsvRecord[], mapping: CompiledMapping, seen: Set<string>) {
    const problems: RowProblem[] = [];
    const candidates: Array<{ line: number; candidate: ImportCandidate }> = [];
    for (const record of records) {
      if (record.kind === 'broken') {
        problems.push({ line: record.line, reason: 'BROKEN_QUOTES', value: record.raw.slice(0, 200) });
        continue;
      }
      const outcome = readRow(record.cells, mapping);
      if (!outcome.ok) problems.push({ line: record.line, reason: outcome.reason, value: outcome.value });
      else if (seen.has(outcome.candidate.emailNormalized)) {
        problems.push({ line: record.line, reason: 'DUPLICATE_IN_FILE', value: outcome.candidate.email });
      } else {
        seen.add(outcome.candidate.emailNormalized);
        candidates.push({ line: record.line, candidate: outcome.candidate });
      }
    }
    return { problems, candidates };
  }

  /** Writes one batch in one transaction; the parts of the error report are saved before it commits. */
  async function writeBatch(row: ImportRow, batch: Batch, mapping: CompiledMapping, seen: Set<string>, options: ImportRunOptions) {
    const { problems, candidates } = sortRecords(batch.records, mapping, seen);
    const counts: BatchCounts = { created: 0, updated: 0, skipped: 0, errors: 0 };
    await db.transaction(async (tx) => {
      if (!(await lockImportAt(tx, row.id, batch.from))) throw new LostImportClaim();
      const references = await checkBatchReferences(tx, { workspaceId: row.workspaceId, listIds: row.listIds, actorUserId: row.createdBy });
      if (!references.hasAllLists) throw new ListsChanged();
      if (platform.database.driver === 'pglite') await skipRowForeignKeyChecks(tx);
      const { existing, suppressed } = await findBatchPeople(
        tx,
        row.workspaceId,
        candidates.map((item) => item.candidate.emailNormalized),
      );
      const writes: SubscriberWrite[] = [];
      const lineOf = new Map<string, { line: number; email: string }>();
      for (const { line, candidate } of candidates) {
        const person = existing.get(candidate.emailNormalized);
        const suppression = person && person.status !== 'active' ? person.status : suppressed.get(candidate.emailNormalized);
        if (suppression) {
          const reason = SUPPRESSION_REASON[suppression as keyof typeof SUPPRESSION_REASON] ?? 'UNSUBSCRIBED';
          problems.push({ line, reason, value: candidate.email });
          continue;
        }
        writes.push(subscriberValues(row, candidate, person));
        lineOf.set(candidate.emailNormalized, { line, email: candidate.email });
      }
      const written = await writeBatchRows(tx, {
        workspaceId: row.workspaceId,
        listIds: row.listIds,
        importId: row.id,
        actorUserId: references.hasActor ? row.createdBy : null,
        consentText: row.consentText,
        rows: writes,
      });
      // Someone who unsubscribed between the read and the write was not touched: say so.
      for (const email of written.unwritten) {
        const origin = lineOf.get(email);
        if (origin) problems.push({ line: origin.line, reason: 'UNSUBSCRIBED', value: origin.email });
      }
      counts.created = written.created;
      counts.updated = written.updated;
      counts.skipped = problems.filter((problem) => SKIP_REASONS.has(problem.reason)).length;
      counts.errors = problems.length - counts.skipped;
      problems.sort((a, b) => a.line - b.line);
      await saveBatchProblems(storage, row.workspaceId, row.id, { from: batch.from, to: batch.from + batch.records.length }, problems);
      await advanceImport(tx, row.id, batch.from + batch.records.length, counts);
      await options.beforeCommit?.(batch.index);
    });
  }

  async function fail(row: ImportRow, failure: ImportFailure) {
    return finishImport(db, row.id, { status: 'failed', error: failure });
  }

  /** Refreshes the planner's statistics, merges the report's parts into one file and marks the import done. */
  async function complete(row: ImportRow, totalRows: number) {
    // The officer's next step is often a segment count or a send over these people: plan it for
    // the tables as they are now (PGlite never refreshes statistics by itself; on PostgreSQL
    // autovacuum would, within a minute).
    await refreshPlannerStatistics(db, ['subscribers', 'listSubscriptions', 'consentRecords']);
    const { parts, merged } = await mergeBatchProblems(storage, row.workspaceId, row.id, totalRows);
    const finished = await db.transaction(async (tx) => {
      const file = merged
        ? await insertFileRow(tx, {
            workspaceId: row.workspaceId,
            storageKey: merged.key,
            originalName: `${row.originalName.replace(/\.[a-z0-9]+$/i, '')}-errors.jsonl`.slice(0, 255),
            contentType: 'application/x-ndjson',
            byteSize: merged.bytes.byteLength,
            sha256: merged.sha256,
            createdBy: row.createdBy,
          })
        : undefined;
      return finishImport(tx, row.id, { status: 'done', totalRows, errorReportFileId: file?.id ?? null });
    });
    if (!finished && merged) await storage.delete(merged.key);
    for (const key of parts) await storage.delete(key);
    return finished;
  }

  /** Runs (or resumes) an import; returns its final row, or undefined when there was nothing to run. */
  async function run(importId: string, options: ImportRunOptions = {}): Promise<ImportRow | undefined> {
    const row = await claimImportRun(db, importId);
    if (!row) return undefined;
    const lists = await findOpenListIds(db, row.workspaceId, row.listIds);
    if (lists.size !== row.listIds.length) return fail(row, 'LISTS_CHANGED');
    const file = await findFile(db, row.workspaceId, row.fileId);
    if (!file) return fail(row, 'INTERNAL');
    let text: string;
    try {
      text = decodeCsv(await storage.get(file.storageKey), row.encoding as ImportEncoding);
    } catch (error) {
      if (error instanceof AppError && error.code === 'CSV_UNREADABLE') return fail(row, error.params.reasonCode as ImportFailure);
      throw error;
    }
    try {
      const totalRows = await writeRecords(row, text, options);
      return await complete(row, totalRows);
    } catch (error) {
      if (error instanceof ListsChanged) return fail(row, 'LISTS_CHANGED');
      throw error;
    }
  }

  /** Streams the records, skipping those an earlier run wrote, in batches; returns the number of data rows. */
  async function writeRecords(row: ImportRow, text: string, options: ImportRunOptions): Promise<number> {
    const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
    const mapping = compileMapping(row.mapping as ImportMapping);
    const seen = new Set<string>();
    let index = 0;
    let isFirst = true;
    let batch: Batch = { index: 0, from: 0, records: [] };
    for await (const record of readCsvRecords(text, row.delimiter as ImportDelimiter)) {
      if (isFirst) {
        isFirst = false;
        if (isHeaderRecord(record)) continue;
      }
      if (index < row.processedRows) {
        // Done by an earlier run: only its addresses matter now.
        sortRecords([record], mapping, seen);
        index += 1;
        continue;
      }
      if (batch.records.length === 0) batch = { index: Math.floor(index / batchSize), from: index, records: [] };
      batch.records.push(record);
      index += 1;
      if (batch.records.length === batchSize) {
        await writeBatch(row, batch, mapping, seen, options);
        await options.afterBatch?.(batch.index);
        batch = { index: batch.index + 1, from: index, records: [] };
      }
    }
    if (batch.records.length > 0) {
      await writeBatch(row, batch, mapping, seen, options);
      await options.afterBatch?.(batch.index);
    }
    return index;
  }

  return { run };
}
