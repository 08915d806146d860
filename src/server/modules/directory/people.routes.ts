/** People routes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PersonCreateSchema,
  PersonListQuerySchema,
  PersonPageSchema,
  PersonSchema,
  PersonUpdateSchema,
} from '../../../shared/directory/person.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import { requestLocale } from '../../platform/http/request-locale.js';
import type { Platform } from '../../platform/platform.js';
import { exportPeopleCsv } from './directory.export.js';
import { createPeopleService } from './people.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const PersonParams = WorkspaceParams.extend({ personId: z.string().uuid() });
const tags = ['directory'];

export async function peopleRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createPeopleService(db);
  const canRead = requirePermission(db, 'directory:read');
  const canWrite = requirePermission(db, 'directory:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/people';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: PersonListQuerySchema, response: { 200: PersonPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.get(`${base}.csv`, {
    schema: { tags, params: WorkspaceParams, querystring: PersonListQuerySchema.omit({ limit: true, cursor: true }) },
    onRequest: canRead,
    handler: async (request, reply) => {
      const csv = await exportPeopleCsv(db, contextOf(request), request.query, requestLocale(request));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="people.csv"').send(csv);
    },
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: PersonCreateSchema, response: { 201: PersonSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:personId`, {
    schema: { tags, params: PersonParams, response: { 200: PersonSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.personId),
  });

  r.patch(`${base}/:personId`, {
    schema: { tags, params: PersonParams, body: PersonUpdateSchema, response: { 200: PersonSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.personId, request.body),
  });

  r.post(`${base}/:personId/archive`, {
    schema: { tags, params: PersonParams, response: { 200: PersonSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.personId, true),
  });

  r.post(`${base}/:personId/restore`, {
    schema: { tags, params: PersonParams, response: { 200: PersonSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.personId, false),
  });
}
