/** Admin pages' data: the audit log, the mail outbox, and the job queue (list, pause/resume, retry, cancel). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuditListQuerySchema,
  AuditPageSchema,
  JobListQuerySchema,
  JobsOverviewSchema,
  OutboxListQuerySchema,
  OutboxPageSchema,
} from '../../../shared/admin/admin.schema.js';
import { contextOf, requirePermission } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { createAdminService } from './admin.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const JobParams = WorkspaceParams.extend({ name: z.string().max(100), jobId: z.string().uuid() });
const tags = ['admin'];

export async function adminRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createAdminService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/admin';

  r.get(`${base}/audit`, {
    schema: { tags, params: WorkspaceParams, querystring: AuditListQuerySchema, response: { 200: AuditPageSchema } },
    onRequest: requirePermission(db, 'audit:read'),
    handler: (request) => service.audit(contextOf(request), request.query),
  });

  r.get(`${base}/outbox`, {
    schema: { tags, params: WorkspaceParams, querystring: OutboxListQuerySchema, response: { 200: OutboxPageSchema } },
    onRequest: requirePermission(db, 'outbox:read'),
    handler: (request) => service.outbox(request.query),
  });

  r.get(`${base}/jobs`, {
    schema: { tags, params: WorkspaceParams, querystring: JobListQuerySchema, response: { 200: JobsOverviewSchema } },
    onRequest: requirePermission(db, 'jobs:manage'),
    handler: (request) => service.jobs(request.query.state),
  });

  r.post(`${base}/job-types/:name/pause`, {
    schema: { tags, params: WorkspaceParams.extend({ name: z.string().max(100) }) },
    onRequest: requirePermission(db, 'jobs:manage'),
    handler: async (request, reply) => {
      await service.setPaused(contextOf(request), request.params.name, true);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/job-types/:name/resume`, {
    schema: { tags, params: WorkspaceParams.extend({ name: z.string().max(100) }) },
    onRequest: requirePermission(db, 'jobs:manage'),
    handler: async (request, reply) => {
      await service.setPaused(contextOf(request), request.params.name, false);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/jobs/:name/:jobId/retry`, {
    schema: { tags, params: JobParams },
    onRequest: requirePermission(db, 'jobs:manage'),
    handler: async (request, reply) => {
      await service.retry(contextOf(request), request.params.name, request.params.jobId);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/jobs/:name/:jobId/cancel`, {
    schema: { tags, params: JobParams },
    onRequest: requirePermission(db, 'jobs:manage'),
    handler: async (request, reply) => {
      await service.cancel(contextOf(request), request.params.name, request.params.jobId);
      return reply.status(204).send();
    },
  });
}
