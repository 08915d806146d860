/** Routes of the signed-in user and of workspace settings and members. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  MemberSchema,
  MemberUpdateSchema,
  MeSchema,
  MeUpdateSchema,
  WorkspaceSchema,
  WorkspaceUpdateSchema,
} from '../../../shared/workspaces/workspace.schema.js';
import { contextOf, requirePermission, requireUser } from '../../platform/http/guards.js';
import { csrfTokenFor } from '../../platform/http/session.js';
import type { Platform } from '../../platform/platform.js';
import { createWorkspacesService } from './workspaces.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const MemberParams = WorkspaceParams.extend({ userId: z.string().min(1).max(100) });
const tags = ['workspaces'];

export async function workspaceRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createWorkspacesService(db);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId';

  r.get('/api/me', {
    schema: { tags, response: { 200: MeSchema } },
    onRequest: requireUser,
    handler: (request) => {
      const actor = request.actor as NonNullable<typeof request.actor>;
      return service.me(actor, csrfTokenFor(platform.config.secretKey, actor.sessionId));
    },
  });

  r.patch('/api/me', {
    schema: { tags, body: MeUpdateSchema },
    onRequest: requireUser,
    handler: async (request, reply) => {
      await service.updateMe(request.actor as NonNullable<typeof request.actor>, request.body);
      return reply.status(204).send();
    },
  });

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: WorkspaceSchema } },
    onRequest: requirePermission(db, 'workspace:read'),
    handler: (request) => service.get(contextOf(request)),
  });

  r.patch(base, {
    schema: { tags, params: WorkspaceParams, body: WorkspaceUpdateSchema, response: { 200: WorkspaceSchema } },
    onRequest: requirePermission(db, 'workspace:manage'),
    handler: (request) => service.update(contextOf(request), request.body),
  });

  r.get(`${base}/members`, {
    schema: { tags, params: WorkspaceParams, response: { 200: z.array(MemberSchema) } },
    onRequest: requirePermission(db, 'members:manage'),
    handler: (request) => service.members(contextOf(request)),
  });

  r.patch(`${base}/members/:userId`, {
    schema: { tags, params: MemberParams, body: MemberUpdateSchema },
    onRequest: requirePermission(db, 'members:manage'),
    handler: async (request, reply) => {
      await service.setMemberRole(contextOf(request), request.params.userId, request.body.role);
      return reply.status(204).send();
    },
  });

  r.delete(`${base}/members/:userId`, {
    schema: { tags, params: MemberParams },
    onRequest: requirePermission(db, 'members:manage'),
    handler: async (request, reply) => {
      await service.setMemberRole(contextOf(request), request.params.userId, null);
      return reply.status(204).send();
    },
  });
}
