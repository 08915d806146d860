/** Shapes import rows for the API (explicit response shape, STYLE G3). */
import type { ImportDelimiter, ImportEncoding, ImportStatus, SubscriberImport } from '../../../../shared/newsletter/import-api.schema.js';
import type { ImportWithCreator } from './import.repo.js';

export function presentImport(row: ImportWithCreator): SubscriberImport {
  return {
    id: row.id,
    originalName: row.originalName,
    status: row.status as ImportStatus,
    encoding: row.encoding as ImportEncoding | null,
    delimiter: row.delimiter as ImportDelimiter | null,
    mapping: row.mapping,
    listIds: row.listIds,
    tags: row.tags,
    totalRows: row.totalRows,
    processedRows: row.processedRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    skippedCount: row.skippedCount,
    errorCount: row.errorCount,
    hasErrorReport: row.errorReportFileId !== null,
    failureCode: row.status === 'failed' ? (row.error ?? 'INTERNAL') : null,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
