/** Routes of mailing lists (registered by subscribers.routes.ts): a table of thin routes (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MailingListCreateSchema,
  MailingListQuerySchema,
  MailingListSchema,
  MailingListsSchema,
  MailingListUpdateSchema,
} from '../../../shared/newsletter/audience-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createListsService } from './lists.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const ListParams = WorkspaceParams.extend({ listId: z.string().uuid() });
const tags = ['newsletter-lists'];

export async function listRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createListsService(platform);
  const canRead = requirePermission(db, 'subscribers:read');
  const canManage = requirePermission(db, 'subscribers:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/lists';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: MailingListQuerySchema, response: { 200: MailingListsSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query.archived),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: MailingListCreateSchema, response: { 201: MailingListSchema } },
    onRequest: canManage,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:listId`, {
    schema: { tags, params: ListParams, response: { 200: MailingListSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.listId),
  });

  r.patch(`${base}/:listId`, {
    schema: { tags, params: ListParams, body: MailingListUpdateSchema, response: { 200: MailingListSchema } },
    onRequest: canManage,
    handler: (request) => service.update(contextOf(request), request.params.listId, request.body),
  });

  r.post(`${base}/:listId/archive`, {
    schema: { tags, params: ListParams, response: { 200: MailingListSchema } },
    onRequest: canManage,
    handler: (request) => service.archive(contextOf(request), request.params.listId),
  });

  r.post(`${base}/:listId/restore`, {
    schema: { tags, params: ListParams, response: { 200: MailingListSchema } },
    onRequest: canManage,
    handler: (request) => service.restore(contextOf(request), request.params.listId),
  });

  /** Only a list nobody was ever on; others are archived. */
  r.delete(`${base}/:listId`, {
    schema: { tags, params: ListParams },
    onRequest: canManage,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.listId);
      return reply.status(204).send();
    },
  });
}
