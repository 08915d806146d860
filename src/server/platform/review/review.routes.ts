/** Approval workflow routes, generic by content type: `/api/workspaces/:workspaceId/reviews/:contentType/:contentId`. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ReviewCommentCreateSchema,
  ReviewCommentSchema,
  ReviewSchema,
  ReviewTransitionRequestSchema,
} from '../../../shared/review/review.schema.js';
import { contextOf, requirePermission } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { createReviewService } from './review.service.js';

const ReviewParams = z.object({ workspaceId: z.string(), contentType: z.string().max(100), contentId: z.string().uuid() });
const CommentParams = ReviewParams.extend({ commentId: z.string().uuid() });
const tags = ['reviews'];

export async function reviewRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createReviewService(platform);
  // Each transition checks its own permission in the service (the table says which); the guard asks membership.
  const isMember = requirePermission(db, 'workspace:read');
  const canComment = requirePermission(db, 'review:comment');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/reviews/:contentType/:contentId';

  r.get(base, {
    schema: { tags, params: ReviewParams, response: { 200: ReviewSchema } },
    onRequest: isMember,
    handler: (request) => service.get(contextOf(request), request.params.contentType, request.params.contentId),
  });

  r.post(`${base}/transitions`, {
    schema: { tags, params: ReviewParams, body: ReviewTransitionRequestSchema, response: { 200: ReviewSchema } },
    onRequest: isMember,
    handler: (request) => service.transition(contextOf(request), request.params.contentType, request.params.contentId, request.body),
  });

  r.post(`${base}/comments`, {
    schema: { tags, params: ReviewParams, body: ReviewCommentCreateSchema, response: { 201: ReviewCommentSchema } },
    onRequest: canComment,
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await service.addComment(contextOf(request), request.params.contentType, request.params.contentId, request.body)),
  });

  r.post(`${base}/comments/:commentId/resolve`, {
    schema: { tags, params: CommentParams, response: { 200: ReviewCommentSchema } },
    onRequest: canComment,
    handler: (request) =>
      service.resolveComment(contextOf(request), request.params.contentType, request.params.contentId, request.params.commentId),
  });
}
