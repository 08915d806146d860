/** Routes of the studio: the asset library: uploads, metadata, consent, search (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssetListQuerySchema,
  AssetPageSchema,
  AssetSchema,
  AssetTagsSchema,
  AssetUpdateSchema,
  AssetUsageSchema,
  ConsentCreateSchema,
  ConsentListSchema,
  ConsentSchema,
  ConsentUpdateSchema,
} from '../../../shared/studio/assets.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createAssetConsentsService } from './asset-consents.service.js';
import { createAssetsService } from './assets.service.js';
import { readUpload } from './studio-upload.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const AssetParams = WorkspaceParams.extend({ assetId: z.string().uuid() });
const ConsentParams = AssetParams.extend({ consentId: z.string().uuid() });
const tags = ['studio'];

/** `attachment` with the original name (ASCII fallback plus the UTF-8 form for Arabic names). */
function attachmentHeader(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function assetRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createAssetsService(platform);
  const consents = createAssetConsentsService(platform);
  const canRead = requirePermission(db, 'studio:read');
  const canWrite = requirePermission(db, 'studio:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/studio/assets';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: AssetListQuerySchema, response: { 200: AssetPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, consumes: ['multipart/form-data'], response: { 201: AssetSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => {
      const upload = await readUpload(request, platform.config.uploadMaxBytes);
      return reply.status(201).send(await service.upload(contextOf(request), upload));
    },
  });

  r.get(`${base}/tags`, {
    schema: { tags, params: WorkspaceParams, response: { 200: AssetTagsSchema } },
    onRequest: canRead,
    handler: (request) => service.tags(contextOf(request)),
  });

  r.get(`${base}/:assetId`, {
    schema: { tags, params: AssetParams, response: { 200: AssetSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.assetId),
  });

  r.patch(`${base}/:assetId`, {
    schema: { tags, params: AssetParams, body: AssetUpdateSchema, response: { 200: AssetSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.assetId, request.body),
  });

  r.delete(`${base}/:assetId`, {
    schema: { tags, params: AssetParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await service.update(contextOf(request), request.params.assetId, { isArchived: true });
      return reply.status(204).send();
    },
  });

  r.get(`${base}/:assetId/usage`, {
    schema: { tags, params: AssetParams, response: { 200: AssetUsageSchema } },
    onRequest: canRead,
    handler: (request) => service.usage(contextOf(request), request.params.assetId),
  });

  for (const variant of ['download', 'thumbnail'] as const) {
    r.get(`${base}/:assetId/${variant}`, {
      schema: { tags, params: AssetParams },
      onRequest: canRead,
      handler: async (request, reply) => {
        const file = await service.download(contextOf(request), request.params.assetId, variant === 'download' ? 'file' : 'thumbnail');
        if (variant === 'download') reply.header('content-disposition', attachmentHeader(file.fileName));
        // Uploaded files never run as a page of ours (an SVG is checked, a PDF may still carry scripts).
        return reply
          .type(file.contentType)
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .send(file.bytes);
      },
    });
  }

  r.get(`${base}/:assetId/consents`, {
    schema: { tags, params: AssetParams, response: { 200: ConsentListSchema } },
    onRequest: canWrite,
    handler: (request) => consents.list(contextOf(request), request.params.assetId),
  });

  r.post(`${base}/:assetId/consents`, {
    schema: { tags, params: AssetParams, body: ConsentCreateSchema, response: { 201: ConsentSchema } },
    onRequest: canWrite,
    handler: async (request, reply) =>
      reply.status(201).send(await consents.create(contextOf(request), request.params.assetId, request.body)),
  });

  r.patch(`${base}/:assetId/consents/:consentId`, {
    schema: { tags, params: ConsentParams, body: ConsentUpdateSchema, response: { 200: ConsentSchema } },
    onRequest: canWrite,
    handler: (request) => consents.update(contextOf(request), request.params.assetId, request.params.consentId, request.body),
  });

  r.delete(`${base}/:assetId/consents/:consentId`, {
    schema: { tags, params: ConsentParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await consents.remove(contextOf(request), request.params.assetId, request.params.consentId);
      return reply.status(204).send();
    },
  });
}
