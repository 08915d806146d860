/** Invitation routes: admins invite; anyone holding a valid link previews and accepts it. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InvitationAcceptSchema,
  InvitationCreateSchema,
  InvitationPreviewSchema,
  InvitationSchema,
} from '../../../shared/workspaces/workspace.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createInvitationsService } from './invitations.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const TokenParams = z.object({ token: z.string().min(20).max(100) });
const tags = ['workspaces'];

export async function invitationRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createInvitationsService({ db, auth: platform.auth, mailer: platform.mailer, publicUrl: platform.config.publicUrl });
  const canManage = requirePermission(db, 'members:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/invitations';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: z.array(InvitationSchema) } },
    onRequest: canManage,
    handler: (request) => service.list(contextOf(request)),
  });

  r.post(base, {
    schema: {
      tags,
      params: WorkspaceParams,
      body: InvitationCreateSchema,
      response: { 201: InvitationSchema.extend({ url: z.string() }) },
    },
    onRequest: canManage,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.delete(`${base}/:invitationId`, {
    schema: { tags, params: WorkspaceParams.extend({ invitationId: z.string().uuid() }) },
    onRequest: canManage,
    handler: async (request, reply) => {
      await service.revoke(contextOf(request), request.params.invitationId);
      return reply.status(204).send();
    },
  });

  r.get('/api/invitations/:token', {
    schema: { tags, params: TokenParams, response: { 200: InvitationPreviewSchema } },
    handler: (request) => service.preview(request.params.token),
  });

  r.post('/api/invitations/:token/accept', {
    schema: { tags, params: TokenParams, body: InvitationAcceptSchema, response: { 200: z.object({ email: z.string() }) } },
    config: { rateLimit: true },
    handler: (request) => service.accept(request.params.token, request.body),
  });
}
