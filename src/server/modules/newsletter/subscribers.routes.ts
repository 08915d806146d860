/**
 * Routes of the newsletter's audience: subscribers here; lists and segments (with the audience count)
 * in their own plugins, registered from this one. Thin routes (STYLE G2); subscribers are personal
 * data, so reading them needs `subscribers:read` (admins and officers).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SubscriberCreateSchema,
  SubscriberListQuerySchema,
  SubscriberPageSchema,
  SubscriberSchema,
  SubscriberUpdateSchema,
  SubscriptionAddSchema,
} from '../../../shared/newsletter/audience-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { listRoutes } from './lists.routes.js';
import { segmentRoutes } from './segments.routes.js';
import { createSubscriberListsService } from './subscriber-lists.service.js';
import { createSubscribersService } from './subscribers.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const SubscriberParams = WorkspaceParams.extend({ subscriberId: z.string().uuid() });
const MembershipParams = SubscriberParams.extend({ listId: z.string().uuid() });
const tags = ['newsletter-subscribers'];

export async function subscriberRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createSubscribersService(platform);
  const memberships = createSubscriberListsService(platform);
  const canRead = requirePermission(db, 'subscribers:read');
  const canManage = requirePermission(db, 'subscribers:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/subscribers';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: SubscriberListQuerySchema, response: { 200: SubscriberPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: SubscriberCreateSchema, response: { 201: SubscriberSchema } },
    onRequest: canManage,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:subscriberId`, {
    schema: { tags, params: SubscriberParams, response: { 200: SubscriberSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.subscriberId),
  });

  r.patch(`${base}/:subscriberId`, {
    schema: { tags, params: SubscriberParams, body: SubscriberUpdateSchema, response: { 200: SubscriberSchema } },
    onRequest: canManage,
    handler: (request) => service.update(contextOf(request), request.params.subscriberId, request.body),
  });

  /** Erasure on request: the person is deleted; a hash of the address keeps them from being re-imported. */
  r.delete(`${base}/:subscriberId`, {
    schema: { tags, params: SubscriberParams },
    onRequest: canManage,
    handler: async (request, reply) => {
      await service.erase(contextOf(request), request.params.subscriberId);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/:subscriberId/unsubscribe`, {
    schema: { tags, params: SubscriberParams, response: { 200: SubscriberSchema } },
    onRequest: canManage,
    handler: (request) => service.unsubscribe(contextOf(request), request.params.subscriberId),
  });

  r.put(`${base}/:subscriberId/lists/:listId`, {
    schema: { tags, params: MembershipParams, body: SubscriptionAddSchema, response: { 200: SubscriberSchema } },
    onRequest: canManage,
    handler: (request) => memberships.addToList(contextOf(request), request.params.subscriberId, request.params.listId, request.body),
  });

  r.delete(`${base}/:subscriberId/lists/:listId`, {
    schema: { tags, params: MembershipParams, response: { 200: SubscriberSchema } },
    onRequest: canManage,
    handler: (request) => memberships.removeFromList(contextOf(request), request.params.subscriberId, request.params.listId),
  });

  await app.register(listRoutes, { platform });
  await app.register(segmentRoutes, { platform });
}
