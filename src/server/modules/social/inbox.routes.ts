/** Routes of social: the comments inbox (list, reply, hide, handled, refresh) — thin (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  InboxHandledSchema,
  InboxHideSchema,
  InboxListQuerySchema,
  InboxPageSchema,
  InboxPostListSchema,
  InboxRefreshSchema,
  InboxReplyCreateSchema,
  InboxStatusSchema,
  InboxThreadSchema,
} from '../../../shared/social/inbox.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createInboxService } from './inbox.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const CommentParams = WorkspaceParams.extend({ commentId: z.string().uuid() });
const tags = ['social'];

export async function socialInboxRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createInboxService(platform);
  const canRead = requirePermission(db, 'social:read');
  const canEngage = requirePermission(db, 'social:engage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/social/inbox';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: InboxListQuerySchema, response: { 200: InboxPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.get(`${base}/posts`, {
    schema: { tags, params: WorkspaceParams, response: { 200: InboxPostListSchema } },
    onRequest: canRead,
    handler: (request) => service.posts(contextOf(request)),
  });

  r.get(`${base}/status`, {
    schema: { tags, params: WorkspaceParams, response: { 200: InboxStatusSchema } },
    onRequest: canRead,
    handler: (request) => service.status(contextOf(request)),
  });

  r.post(`${base}/refresh`, {
    schema: { tags, params: WorkspaceParams, response: { 200: InboxRefreshSchema } },
    onRequest: canEngage,
    handler: (request) => service.refresh(contextOf(request)),
  });

  // 201 with the thread for a new reply; 200 with the same thread when the idempotency key was seen before.
  r.post(`${base}/comments/:commentId/replies`, {
    schema: { tags, params: CommentParams, body: InboxReplyCreateSchema, response: { 200: InboxThreadSchema, 201: InboxThreadSchema } },
    onRequest: canEngage,
    handler: async (request, reply) => {
      const { thread, isReplay } = await service.reply(contextOf(request), request.params.commentId, request.body);
      return reply.status(isReplay ? 200 : 201).send(thread);
    },
  });

  r.post(`${base}/comments/:commentId/hide`, {
    schema: { tags, params: CommentParams, body: InboxHideSchema, response: { 200: InboxThreadSchema } },
    onRequest: canEngage,
    handler: (request) => service.hide(contextOf(request), request.params.commentId, request.body),
  });

  r.post(`${base}/comments/:commentId/handled`, {
    schema: { tags, params: CommentParams, body: InboxHandledSchema, response: { 200: InboxThreadSchema } },
    onRequest: canEngage,
    handler: (request) => service.setHandled(contextOf(request), request.params.commentId, request.body),
  });
}
