/**
 * Rules of the subscriber import (T3): upload (text only, within the size limit) → preview with the
 * detected or chosen encoding and separator → start with a mapping, lists, tags and the consent text
 * the officer confirms → a job writes the rows. Every step is scoped to the workspace and audited.
 */
import type { Translate } from '../../../../shared/i18n/translator.js';
import {
  type ImportDelimiter,
  type ImportEncoding,
  type ImportListOptions,
  type ImportListQuery,
  type ImportPreview,
  type ImportPreviewQuery,
  type ImportStart,
  ImportStartSchema,
  type SubscriberImport,
  type SubscriberImportPage,
} from '../../../../shared/newsletter/import-api.schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../../platform/db/pagination.js';
import { AppError } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/http/guards.js';
import type { Platform } from '../../../platform/platform.js';
import { findFile } from '../../../platform/storage/files.service.js';
import { newStorageKey } from '../../../platform/storage/storage.js';
import { SUBSCRIBER_IMPORT_JOB } from '../subscriber-import.job.js';
import { countDataLines, decodeCsv, detectDelimiter, detectEncoding } from './csv-text.js';
import { presentImport } from './import.presenter.js';
import {
  findImport,
  findImports,
  findListOptions,
  findOpenListIds,
  type ImportWithCreator,
  insertFileRow,
  insertImport,
  queueImport,
  unqueueImport,
} from './import.repo.js';
import { buildPreview } from './import-preview.js';
import { parseProblems, renderProblemReport } from './import-problems.js';

export function createImportService(platform: Pick<Platform, 'database' | 'storage' | 'config' | 'jobs'>) {
  const db = platform.database.db;
  const { storage } = platform;

  async function loadImport(ctx: ServiceContext, id: string): Promise<ImportWithCreator> {
    const row = await findImport(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function readBytes(row: ImportWithCreator): Promise<Buffer> {
    const file = await findFile(db, row.workspaceId, row.fileId);
    if (!file) throw new AppError('NOT_FOUND');
    return storage.get(file.storageKey);
  }

  async function previewOf(row: ImportWithCreator, choice: { encoding?: ImportEncoding; delimiter?: ImportDelimiter }) {
    const bytes = await readBytes(row);
    const detectedEncoding = detectEncoding(bytes);
    const encoding = choice.encoding ?? detectedEncoding;
    const text = decodeCsv(bytes, encoding);
    const detectedDelimiter = detectDelimiter(text);
    const delimiter = choice.delimiter ?? detectedDelimiter;
    return { text, preview: await buildPreview({ importId: row.id, text, encoding, detectedEncoding, delimiter, detectedDelimiter }) };
  }

  return {
    /** Stores an uploaded CSV (refused when it is not text) and records the import as `uploaded`. */
    async upload(ctx: ServiceContext, input: { fileName: string; bytes: Buffer }): Promise<SubscriberImport> {
      const workspaceId = ctx.membership.workspaceId;
      const maxBytes = platform.config.uploadMaxBytes;
      if (input.bytes.byteLength > maxBytes) throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round(maxBytes / 1048576) } });
      const encoding = detectEncoding(input.bytes);
      const delimiter = detectDelimiter(decodeCsv(input.bytes, encoding));
      const { key, sha256 } = newStorageKey(workspaceId, input.bytes);
      await storage.put(key, input.bytes);
      try {
        const row = await db.transaction(async (tx) => {
          const file = await insertFileRow(tx, {
            workspaceId,
            storageKey: key,
            originalName: input.fileName.slice(0, 255),
            contentType: 'text/csv',
            byteSize: input.bytes.byteLength,
            sha256,
            createdBy: ctx.actor.user.id,
          });
          const created = await insertImport(tx, {
            workspaceId,
            fileId: file.id,
            originalName: file.originalName,
            encoding,
            delimiter,
            createdBy: ctx.actor.user.id,
          });
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: 'create',
            entityType: 'subscriber_import',
            entityId: created.id,
            after: { originalName: created.originalName, byteSize: file.byteSize, encoding, delimiter },
          });
          return created;
        });
        return presentImport({ ...row, createdByName: ctx.actor.user.name });
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
    },

    /** The first rows as they would be read with the detected, or chosen, encoding and separator. */
    async preview(ctx: ServiceContext, id: string, query: ImportPreviewQuery): Promise<ImportPreview> {
      const row = await loadImport(ctx, id);
      return (await previewOf(row, query)).preview;
    },

    /** Saves the officer's choices and queues the job; only an `uploaded` import starts. */
    async start(ctx: ServiceContext, id: string, body: ImportStart): Promise<SubscriberImport> {
      const input = ImportStartSchema.parse(body);
      const workspaceId = ctx.membership.workspaceId;
      const row = await loadImport(ctx, id);
      if (row.status !== 'uploaded') throw new AppError('INVALID_STATE', { params: { state: row.status } });
      const { text, preview } = await previewOf(row, input);
      const outside = Object.keys(input.mapping).find((column) => Number(column) >= preview.headers.length);
      if (outside !== undefined) throw new AppError('VALIDATION_FAILED', { fields: { [`mapping.${outside}`]: 'UNKNOWN_COLUMN' } });
      const openLists = await findOpenListIds(db, workspaceId, input.listIds);
      const unknown = input.listIds.findIndex((listId) => !openLists.has(listId));
      if (unknown >= 0) throw new AppError('VALIDATION_FAILED', { fields: { [`listIds.${unknown}`]: 'UNKNOWN_LIST' } });
      const queued = await db.transaction(async (tx) => {
        const updated = await queueImport(tx, workspaceId, id, {
          encoding: input.encoding,
          delimiter: input.delimiter,
          mapping: input.mapping,
          listIds: input.listIds,
          tags: [...new Set(input.tags)],
          consentText: input.consentText,
          totalRows: countDataLines(text, preview.hasHeaderRow),
        });
        if (!updated) throw new AppError('INVALID_STATE', { params: { state: 'queued' } });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'start',
          entityType: 'subscriber_import',
          entityId: id,
          before: { status: row.status },
          after: {
            status: updated.status,
            encoding: input.encoding,
            delimiter: input.delimiter,
            mapping: input.mapping,
            listIds: input.listIds,
            tags: updated.tags,
            consentText: input.consentText,
          },
        });
        return updated;
      });
      try {
        await platform.jobs.send(SUBSCRIBER_IMPORT_JOB, { importId: id }, { singletonKey: id });
      } catch (error) {
        // Without its job the import would wait forever: give it back to the officer.
        await unqueueImport(db, id);
        throw error;
      }
      return presentImport({ ...queued, createdByName: row.createdByName });
    },

    async get(ctx: ServiceContext, id: string): Promise<SubscriberImport> {
      return presentImport(await loadImport(ctx, id));
    },

    /** Imports newest first, by keyset on (created_at, id). */
    async list(ctx: ServiceContext, query: ImportListQuery): Promise<SubscriberImportPage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findImports(db, ctx.membership.workspaceId, query.limit, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ item, createdByName }) => presentImport({ ...item, createdByName })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.item.id }) : null,
      };
    },

    async listOptions(ctx: ServiceContext): Promise<ImportListOptions> {
      const rows = await findListOptions(db, ctx.membership.workspaceId);
      return { items: rows.map((row) => ({ id: row.id, name: row.name as ImportListOptions['items'][number]['name'] })) };
    },

    /** The rows left out, worded in the reader's language; the download is audited (it holds addresses). */
    async errorReport(ctx: ServiceContext, id: string, t: Translate): Promise<{ fileName: string; csv: string }> {
      const row = await loadImport(ctx, id);
      if (!row.errorReportFileId) throw new AppError('NOT_FOUND');
      const file = await findFile(db, row.workspaceId, row.errorReportFileId);
      if (!file) throw new AppError('NOT_FOUND');
      const problems = parseProblems(await storage.get(file.storageKey));
      await recordAudit(db, {
        workspaceId: row.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'export',
        entityType: 'subscriber_import',
        entityId: row.id,
        after: { report: 'errors', rows: problems.length },
      });
      const base = row.originalName.replace(/\.[a-z0-9]+$/i, '') || 'import';
      return { fileName: `${base}-errors.csv`, csv: renderProblemReport(problems, t) };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
