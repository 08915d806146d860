/** Needs register routes: a table of method, path, permission, schemas and one service call (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NeedCreateSchema,
  NeedHistorySchema,
  NeedListQuerySchema,
  NeedPageSchema,
  NeedSchema,
  NeedTriageSchema,
  NeedUpdateSchema,
} from '../../../shared/planning/needs.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createNeedsService } from './needs.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const NeedParams = WorkspaceParams.extend({ needId: z.string().uuid() });
const tags = ['needs'];

export async function needRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createNeedsService(platform);
  const canRead = requirePermission(db, 'planning:read');
  const canSubmit = requirePermission(db, 'needs:submit');
  const canTriage = requirePermission(db, 'needs:triage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/needs';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: NeedListQuerySchema, response: { 200: NeedPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: NeedCreateSchema, response: { 201: NeedSchema } },
    onRequest: canSubmit,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:needId`, {
    schema: { tags, params: NeedParams, response: { 200: NeedSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.needId),
  });

  r.patch(`${base}/:needId`, {
    schema: { tags, params: NeedParams, body: NeedUpdateSchema, response: { 200: NeedSchema } },
    onRequest: canSubmit,
    handler: (request) => service.update(contextOf(request), request.params.needId, request.body),
  });

  r.post(`${base}/:needId/triage`, {
    schema: { tags, params: NeedParams, body: NeedTriageSchema, response: { 200: NeedSchema } },
    onRequest: canTriage,
    handler: (request) => service.triage(contextOf(request), request.params.needId, request.body),
  });

  r.get(`${base}/:needId/history`, {
    schema: { tags, params: NeedParams, response: { 200: NeedHistorySchema } },
    onRequest: canRead,
    handler: (request) => service.history(contextOf(request), request.params.needId),
  });
}
