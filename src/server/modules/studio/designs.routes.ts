/** Routes of the studio's visual designs: templates, saved designs, live preview and export (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DesignCreateSchema,
  DesignDuplicateSchema,
  DesignExportQuerySchema,
  DesignListQuerySchema,
  DesignPageSchema,
  DesignPreviewSchema,
  DesignSchema,
  DesignTemplateListSchema,
  DesignUpdateSchema,
  TemplateThumbnailQuerySchema,
} from '../../../shared/studio/designs.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createDesignsService } from './designs.service.js';
import { attachmentDisposition } from './designs-files.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const DesignParams = WorkspaceParams.extend({ designId: z.string().uuid() });
const TemplateParams = WorkspaceParams.extend({ templateName: z.string().max(60) });
const LangQuery = z.strictObject({ lang: z.string().optional() });
/** `v`: the design's update time, so a browser asks again after a save (the picture is cached privately). */
const ThumbnailQuery = LangQuery.extend({ v: z.string().max(40).optional() });
const tags = ['studio'];

export async function designRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createDesignsService(platform);
  const canRead = requirePermission(db, 'studio:read');
  const canWrite = requirePermission(db, 'studio:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/studio/designs';
  // Pictures of the workspace's own designs: private, and never taken for another type.
  const picture = (bytes: Buffer, reply: import('fastify').FastifyReply, cache: string) =>
    reply.type('image/png').header('cache-control', cache).header('x-content-type-options', 'nosniff').send(bytes);

  r.get(`${base}/templates`, {
    schema: { tags, params: WorkspaceParams, querystring: LangQuery, response: { 200: DesignTemplateListSchema } },
    onRequest: canRead,
    handler: () => service.templates(),
  });

  r.get(`${base}/templates/:templateName/thumbnail`, {
    schema: { tags, params: TemplateParams, querystring: TemplateThumbnailQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const bytes = await service.templateThumbnail(contextOf(request), request.params.templateName, request.query.variant);
      return picture(bytes, reply, 'private, max-age=300');
    },
  });

  r.post(`${base}/preview`, {
    schema: { tags, params: WorkspaceParams, body: DesignPreviewSchema },
    onRequest: canRead,
    handler: async (request, reply) => picture(await service.preview(contextOf(request), request.body), reply, 'no-store'),
  });

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: DesignListQuerySchema, response: { 200: DesignPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: DesignCreateSchema, response: { 201: DesignSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:designId`, {
    schema: { tags, params: DesignParams, querystring: LangQuery, response: { 200: DesignSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.designId),
  });

  r.patch(`${base}/:designId`, {
    schema: { tags, params: DesignParams, body: DesignUpdateSchema, response: { 200: DesignSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.designId, request.body),
  });

  r.post(`${base}/:designId/duplicate`, {
    schema: { tags, params: DesignParams, body: DesignDuplicateSchema, response: { 201: DesignSchema } },
    onRequest: canWrite,
    handler: async (request, reply) =>
      reply.status(201).send(await service.duplicate(contextOf(request), request.params.designId, request.body)),
  });

  r.delete(`${base}/:designId`, {
    schema: { tags, params: DesignParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.designId);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/:designId/thumbnail`, {
    schema: { tags, params: DesignParams, querystring: ThumbnailQuery },
    onRequest: canRead,
    handler: async (request, reply) =>
      picture(await service.thumbnail(contextOf(request), request.params.designId), reply, 'private, no-cache'),
  });

  r.get(`${base}/:designId/export`, {
    schema: { tags, params: DesignParams, querystring: DesignExportQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const file = await service.exportDesign(contextOf(request), request.params.designId, request.query.format);
      return reply
        .type(file.contentType)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.bytes);
    },
  });
}
