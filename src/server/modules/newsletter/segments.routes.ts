/** Routes of segments and of the audience count (registered by subscribers.routes.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AudienceCountQuerySchema,
  AudienceCountSchema,
  SegmentCreateSchema,
  SegmentSchema,
  SegmentsSchema,
  SegmentUpdateSchema,
} from '../../../shared/newsletter/audience-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createSegmentsService } from './segments.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const SegmentParams = WorkspaceParams.extend({ segmentId: z.string().uuid() });
const tags = ['newsletter-segments'];

export async function segmentRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createSegmentsService(platform);
  const canRead = requirePermission(db, 'subscribers:read');
  const canManage = requirePermission(db, 'subscribers:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/segments';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: SegmentsSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request)),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: SegmentCreateSchema, response: { 201: SegmentSchema } },
    onRequest: canManage,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:segmentId`, {
    schema: { tags, params: SegmentParams, response: { 200: SegmentSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.segmentId),
  });

  r.patch(`${base}/:segmentId`, {
    schema: { tags, params: SegmentParams, body: SegmentUpdateSchema, response: { 200: SegmentSchema } },
    onRequest: canManage,
    handler: (request) => service.update(contextOf(request), request.params.segmentId, request.body),
  });

  /** Refused (409) while an issue not yet sent uses the segment. */
  r.delete(`${base}/:segmentId`, {
    schema: { tags, params: SegmentParams },
    onRequest: canManage,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.segmentId);
      return reply.status(204).send();
    },
  });

  /**
   * The composer's recipient count (`listIds` + `segmentId`) and the segment builder's live count
   * (`filter`, an unsaved segment as JSON). Counts need no subscriber data, so `newsletter:read` is enough.
   */
  r.get('/api/workspaces/:workspaceId/newsletter/audience/count', {
    schema: { tags, params: WorkspaceParams, querystring: AudienceCountQuerySchema, response: { 200: AudienceCountSchema } },
    onRequest: requirePermission(db, 'newsletter:read'),
    handler: (request) => service.count(contextOf(request), request.query),
  });
}
