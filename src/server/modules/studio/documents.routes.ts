/** Routes of the studio: documents laid out as branded PDFs (STYLE G2; shapes in documents-api.schema.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DOCUMENT_API_LIMITS,
  DocumentCreateSchema,
  DocumentExportRequestSchema,
  DocumentExportSchema,
  DocumentListQuerySchema,
  DocumentPageSchema,
  DocumentPreviewQuerySchema,
  DocumentSchema,
  DocumentUpdateSchema,
} from '../../../shared/studio/documents-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { registerReviewableContent } from '../../platform/review/review.registry.js';
import { attachmentDisposition } from './designs-files.js';
import { studioDocumentContent } from './documents.review.js';
import { createDocumentsService } from './documents.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const DocumentParams = WorkspaceParams.extend({ documentId: z.uuid() });
const LangQuery = z.strictObject({ lang: z.string().optional() });
const DownloadQuery = LangQuery.extend({ v: z.string().max(40).optional() });
const tags = ['studio'];

export async function studioDocumentRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  registerReviewableContent(studioDocumentContent);
  const db = platform.database.db;
  const service = createDocumentsService(platform);
  const canRead = requirePermission(db, 'studio:read');
  const canWrite = requirePermission(db, 'studio:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/studio/documents';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: DocumentListQuerySchema, response: { 200: DocumentPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: DocumentCreateSchema, response: { 201: DocumentSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:documentId`, {
    schema: { tags, params: DocumentParams, querystring: LangQuery, response: { 200: DocumentSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.documentId),
  });

  r.patch(`${base}/:documentId`, {
    schema: { tags, params: DocumentParams, body: DocumentUpdateSchema, response: { 200: DocumentSchema } },
    // Both bodies at their largest are more than the default request size.
    bodyLimit: DOCUMENT_API_LIMITS.requestBytes,
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.documentId, request.body),
  });

  r.delete(`${base}/:documentId`, {
    schema: { tags, params: DocumentParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.documentId);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/:documentId/export`, {
    schema: {
      tags,
      params: DocumentParams,
      body: DocumentExportRequestSchema,
      response: { 200: DocumentExportSchema, 202: DocumentExportSchema },
    },
    onRequest: canWrite,
    handler: async (request, reply) => {
      const outcome = await service.exportDocument(contextOf(request), request.params.documentId, request.body);
      return reply.status(outcome.state === 'queued' ? 202 : 200).send(outcome);
    },
  });

  r.get(`${base}/:documentId/download`, {
    schema: { tags, params: DocumentParams, querystring: DownloadQuery },
    onRequest: canRead,
    handler: async (request, reply) => {
      const file = await service.download(contextOf(request), request.params.documentId);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  });

  r.get(`${base}/:documentId/preview.png`, {
    schema: { tags, params: DocumentParams, querystring: DocumentPreviewQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const { bytes, pages } = await service.preview(contextOf(request), request.params.documentId, request.query);
      return reply
        .type('image/png')
        .header('x-page-count', String(pages))
        .header('cache-control', 'private, no-cache')
        .header('x-content-type-options', 'nosniff')
        .send(bytes);
    },
  });
}
