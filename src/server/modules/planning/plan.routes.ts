/** Communication plan routes: a table of method, path, permission, schemas and one service call (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AudienceCreateSchema,
  AudienceSchema,
  AudienceUpdateSchema,
  ChannelCreateSchema,
  ChannelSchema,
  ChannelUpdateSchema,
  IndicatorCreateSchema,
  IndicatorSchema,
  IndicatorUpdateSchema,
  IndicatorValueCreateSchema,
  IndicatorValueListSchema,
  IndicatorValueSchema,
  KeyMessageCreateSchema,
  KeyMessageSchema,
  KeyMessageUpdateSchema,
  ObjectiveCreateSchema,
  ObjectiveSchema,
  ObjectiveUpdateSchema,
  PlanQuerySchema,
  PlanSchema,
} from '../../../shared/planning/plan.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createPlanService, type PlanPart } from './plan.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const ItemParams = WorkspaceParams.extend({ itemId: z.string().uuid() });
const tags = ['plan'];

export async function planRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createPlanService(db);
  const canRead = requirePermission(db, 'planning:read');
  const canWrite = requirePermission(db, 'plan:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/plan';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: PlanQuerySchema, response: { 200: PlanSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.query),
  });

  /** Create, edit, archive and restore routes of one part of the plan. */
  function partRoutes<P extends PlanPart>(part: P, path: string, schemas: { create: z.ZodType; update: z.ZodType; item: z.ZodType }) {
    const collection = `${base}/${path}`;
    const item = `${collection}/:itemId`;
    r.post(collection, {
      schema: { tags, params: WorkspaceParams, body: schemas.create, response: { 201: schemas.item } },
      onRequest: canWrite,
      handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), part, request.body as never)),
    });
    r.patch(item, {
      schema: { tags, params: ItemParams, body: schemas.update, response: { 200: schemas.item } },
      onRequest: canWrite,
      handler: (request) => service.update(contextOf(request), part, request.params.itemId, request.body as never),
    });
    r.post(`${item}/archive`, {
      schema: { tags, params: ItemParams, response: { 200: schemas.item } },
      onRequest: canWrite,
      handler: (request) => service.setArchived(contextOf(request), part, request.params.itemId, true),
    });
    r.post(`${item}/restore`, {
      schema: { tags, params: ItemParams, response: { 200: schemas.item } },
      onRequest: canWrite,
      handler: (request) => service.setArchived(contextOf(request), part, request.params.itemId, false),
    });
  }

  partRoutes('objective', 'objectives', { create: ObjectiveCreateSchema, update: ObjectiveUpdateSchema, item: ObjectiveSchema });
  partRoutes('audience', 'audiences', { create: AudienceCreateSchema, update: AudienceUpdateSchema, item: AudienceSchema });
  partRoutes('keyMessage', 'key-messages', { create: KeyMessageCreateSchema, update: KeyMessageUpdateSchema, item: KeyMessageSchema });
  partRoutes('channel', 'channels', { create: ChannelCreateSchema, update: ChannelUpdateSchema, item: ChannelSchema });
  partRoutes('indicator', 'indicators', { create: IndicatorCreateSchema, update: IndicatorUpdateSchema, item: IndicatorSchema });

  r.get(`${base}/indicators/:itemId/values`, {
    schema: { tags, params: ItemParams, response: { 200: IndicatorValueListSchema } },
    onRequest: canRead,
    handler: (request) => service.listValues(contextOf(request), request.params.itemId),
  });

  r.post(`${base}/indicators/:itemId/values`, {
    schema: { tags, params: ItemParams, body: IndicatorValueCreateSchema, response: { 201: IndicatorValueSchema } },
    onRequest: canWrite,
    handler: async (request, reply) =>
      reply.status(201).send(await service.recordValue(contextOf(request), request.params.itemId, request.body)),
  });
}
