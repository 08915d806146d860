/** Routes of the studio: the brand kit, the partner logo strip, and the shipped fonts (STYLE G2). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BrandKitSchema,
  BrandKitUpdateSchema,
  BrandPartnerCreateSchema,
  BrandPartnerOrderSchema,
  BrandPartnerSchema,
  BrandPartnerUpdateSchema,
  PartnerStripQuerySchema,
  PartnerStripSchema,
  UploadedLogoSchema,
} from '../../../shared/studio/brand-kit.schema.js';
import { SHIPPED_FONT_FILES } from '../../../shared/studio/fonts.js';
import { AppError } from '../../platform/errors.js';
import { contextOf, requirePermission, requireUser } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createBrandKitService } from './brand-kit.service.js';
import { createBrandPartnersService } from './brand-partners.service.js';
import { FONTS_DIR } from './shipped-fonts.js';
import { readUpload } from './studio-upload.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const PartnerParams = WorkspaceParams.extend({ partnerId: z.string().uuid() });
const tags = ['studio'];

export async function brandKitRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const kits = createBrandKitService(platform);
  const partners = createBrandPartnersService(platform);
  const canRead = requirePermission(db, 'studio:read');
  const canManage = requirePermission(db, 'brand:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/studio/brand-kit';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: BrandKitSchema } },
    onRequest: canRead,
    handler: (request) => kits.get(contextOf(request)),
  });

  r.put(base, {
    schema: { tags, params: WorkspaceParams, body: BrandKitUpdateSchema, response: { 200: BrandKitSchema } },
    onRequest: canManage,
    handler: (request) => kits.update(contextOf(request), request.body),
  });

  r.post(`${base}/logo-files`, {
    schema: { tags, params: WorkspaceParams, consumes: ['multipart/form-data'], response: { 201: UploadedLogoSchema } },
    onRequest: canManage,
    handler: async (request, reply) => {
      const upload = await readUpload(request, platform.config.uploadMaxBytes);
      return reply.status(201).send(await kits.uploadLogo(contextOf(request), upload));
    },
  });

  r.get(`${base}/partners`, {
    schema: { tags, params: WorkspaceParams, response: { 200: z.object({ items: z.array(BrandPartnerSchema) }) } },
    onRequest: canRead,
    handler: async (request) => ({ items: await partners.list(contextOf(request)) }),
  });

  r.post(`${base}/partners`, {
    schema: { tags, params: WorkspaceParams, body: BrandPartnerCreateSchema, response: { 201: BrandPartnerSchema } },
    onRequest: canManage,
    handler: async (request, reply) => reply.status(201).send(await partners.create(contextOf(request), request.body)),
  });

  r.put(`${base}/partners/order`, {
    schema: {
      tags,
      params: WorkspaceParams,
      body: BrandPartnerOrderSchema,
      response: { 200: z.object({ items: z.array(BrandPartnerSchema) }) },
    },
    onRequest: canManage,
    handler: async (request) => ({ items: await partners.reorder(contextOf(request), request.body) }),
  });

  r.patch(`${base}/partners/:partnerId`, {
    schema: { tags, params: PartnerParams, body: BrandPartnerUpdateSchema, response: { 200: BrandPartnerSchema } },
    onRequest: canManage,
    handler: (request) => partners.update(contextOf(request), request.params.partnerId, request.body),
  });

  r.delete(`${base}/partners/:partnerId`, {
    schema: { tags, params: PartnerParams },
    onRequest: canManage,
    handler: async (request, reply) => {
      await partners.remove(contextOf(request), request.params.partnerId);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/strip`, {
    schema: { tags, params: WorkspaceParams, querystring: PartnerStripQuerySchema, response: { 200: PartnerStripSchema } },
    onRequest: canRead,
    handler: (request) => partners.strip(contextOf(request), request.query.language),
  });

  // The shipped fonts, so the brand kit page shows its samples in the very fonts renders use.
  r.get('/api/studio/fonts/:fileName', {
    schema: { tags, params: z.object({ fileName: z.string().max(100) }) },
    onRequest: requireUser,
    handler: async (request, reply) => {
      // Only the listed names: nothing else of the disk can be asked for.
      if (!SHIPPED_FONT_FILES.includes(request.params.fileName)) throw new AppError('NOT_FOUND');
      const bytes = await readFile(path.join(FONTS_DIR, request.params.fileName)).catch((error: unknown) => {
        throw new AppError('NOT_FOUND', { cause: error });
      });
      return reply.type('font/ttf').header('cache-control', 'private, max-age=86400').send(bytes);
    },
  });
}
