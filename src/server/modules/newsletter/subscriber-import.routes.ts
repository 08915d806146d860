/** Routes of the newsletter's CSV import and export of subscribers: a table of method, path, permission, schemas, one call. */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ImportListOptionsSchema,
  ImportListQuerySchema,
  ImportPreviewQuerySchema,
  ImportPreviewSchema,
  ImportStartSchema,
  SubscriberExportQuerySchema,
  SubscriberImportPageSchema,
  SubscriberImportSchema,
} from '../../../shared/newsletter/import-api.schema.js';
import { AppError } from '../../platform/errors.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import { requestLocale } from '../../platform/http/request-locale.js';
import { translatorFor } from '../../platform/i18n.js';
import type { Platform } from '../../platform/platform.js';
import { registerFileReadRule } from '../../platform/storage/file-access.js';
import { createImportService } from './import/import.service.js';
import { createSubscriberExport } from './import/subscriber-export.js';
import { importFileReadRule } from './import-file-access.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const ImportParams = WorkspaceParams.extend({ importId: z.string().uuid() });
const LangQuery = z.strictObject({ lang: z.string().optional() });
const tags = ['newsletter-import'];

/** `attachment` with the name in ASCII and, for Arabic or accented names, in UTF-8 (RFC 6266). */
function sendCsvAttachment(reply: FastifyReply, fileName: string, body: string | Readable) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

export async function subscriberImportRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createImportService(platform);
  const exporter = createSubscriberExport(platform);
  const canManage = requirePermission(db, 'subscribers:manage');
  const canRead = requirePermission(db, 'subscribers:read');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/imports';
  // Uploaded CSVs and error reports are personal data: the general file route keeps them to subscribers:read.
  registerFileReadRule(importFileReadRule);

  // A file that cannot be read says why, in the reader's words, in the problem's message.
  app.setErrorHandler((error, request) => {
    if (error instanceof AppError && error.code === 'CSV_UNREADABLE' && typeof error.params.reasonCode === 'string') {
      error.params.reason = translatorFor(requestLocale(request))(`newsletterImport.unreadable.${error.params.reasonCode}`);
    }
    throw error;
  });

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: ImportListQuerySchema, response: { 200: SubscriberImportPageSchema } },
    onRequest: canManage,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, consumes: ['multipart/form-data'], response: { 201: SubscriberImportSchema } },
    onRequest: canManage,
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('VALIDATION_FAILED', { fields: { file: 'REQUIRED' } });
      const bytes = await part.toBuffer().catch((error: unknown) => {
        throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round(platform.config.uploadMaxBytes / 1048576) }, cause: error });
      });
      return reply.status(201).send(await service.upload(contextOf(request), { fileName: part.filename, bytes }));
    },
  });

  r.get(`${base}/lists`, {
    schema: { tags, params: WorkspaceParams, querystring: LangQuery, response: { 200: ImportListOptionsSchema } },
    onRequest: canManage,
    handler: (request) => service.listOptions(contextOf(request)),
  });

  r.get(`${base}/:importId`, {
    schema: { tags, params: ImportParams, querystring: LangQuery, response: { 200: SubscriberImportSchema } },
    onRequest: canManage,
    handler: (request) => service.get(contextOf(request), request.params.importId),
  });

  r.get(`${base}/:importId/preview`, {
    schema: { tags, params: ImportParams, querystring: ImportPreviewQuerySchema, response: { 200: ImportPreviewSchema } },
    onRequest: canManage,
    handler: (request) => service.preview(contextOf(request), request.params.importId, request.query),
  });

  r.post(`${base}/:importId/start`, {
    schema: { tags, params: ImportParams, body: ImportStartSchema, response: { 200: SubscriberImportSchema } },
    onRequest: canManage,
    handler: (request) => service.start(contextOf(request), request.params.importId, request.body),
  });

  r.get(`${base}/:importId/errors.csv`, {
    schema: { tags, params: ImportParams, querystring: LangQuery },
    onRequest: canManage,
    handler: async (request, reply) => {
      const report = await service.errorReport(contextOf(request), request.params.importId, translatorFor(requestLocale(request)));
      return sendCsvAttachment(reply, report.fileName, report.csv);
    },
  });

  r.get('/api/workspaces/:workspaceId/newsletter/subscribers/export.csv', {
    schema: { tags, params: WorkspaceParams, querystring: SubscriberExportQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const lines = await exporter.open(contextOf(request), request.query);
      return sendCsvAttachment(reply, 'subscribers.csv', Readable.from(lines));
    },
  });
}
