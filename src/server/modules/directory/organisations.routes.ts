/** Organisation routes: a table of method, path, permission, schemas and one service call (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  OrganisationCreateSchema,
  OrganisationListQuerySchema,
  OrganisationPageSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from '../../../shared/directory/organisation.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import { requestLocale } from '../../platform/http/request-locale.js';
import { WriteClearedCache } from '../../platform/http/write-cleared-cache.js';
import type { Platform } from '../../platform/platform.js';
import { exportOrganisationsCsv } from './directory.export.js';
import { createOrganisationsService } from './organisations.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const OrganisationParams = WorkspaceParams.extend({ organisationId: z.string().uuid() });
const tags = ['directory'];

export async function organisationRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  // Two seconds bound what a background job could change unseen; writes through the API clear it at once.
  const listCache = platform.database.driver === 'pglite' ? new WriteClearedCache<string>({ ttlMs: 2_000, maxEntries: 500 }) : undefined;
  const service = createOrganisationsService(db, { listCache });
  const canRead = requirePermission(db, 'directory:read');
  const canWrite = requirePermission(db, 'directory:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/organisations';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: OrganisationListQuerySchema, response: { 200: OrganisationPageSchema } },
    onRequest: canRead,
    // Sent as ready JSON (shaped by the response schema in listJson), so a cached page costs no serialisation.
    handler: async (request, reply) =>
      // A string is sent as it is: the schema already shaped it (the type provider expects the object).
      reply.type('application/json; charset=utf-8').send((await service.listJson(contextOf(request), request.query)) as never),
  });

  r.get(`${base}.csv`, {
    schema: { tags, params: WorkspaceParams, querystring: OrganisationListQuerySchema.omit({ limit: true, cursor: true }) },
    onRequest: canRead,
    handler: async (request, reply) => {
      const csv = await exportOrganisationsCsv(db, contextOf(request), request.query, requestLocale(request));
      return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="organisations.csv"').send(csv);
    },
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: OrganisationCreateSchema, response: { 201: OrganisationSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:organisationId`, {
    schema: { tags, params: OrganisationParams, response: { 200: OrganisationSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.organisationId),
  });

  r.patch(`${base}/:organisationId`, {
    schema: { tags, params: OrganisationParams, body: OrganisationUpdateSchema, response: { 200: OrganisationSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.organisationId, request.body),
  });

  r.post(`${base}/:organisationId/archive`, {
    schema: { tags, params: OrganisationParams, response: { 200: OrganisationSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.organisationId, true),
  });

  r.post(`${base}/:organisationId/restore`, {
    schema: { tags, params: OrganisationParams, response: { 200: OrganisationSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.organisationId, false),
  });
}
