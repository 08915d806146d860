/** Routes of social: posts (composer, scheduling, queue slots, publication ledger) — a table of method, path, permission, schemas and one service call (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DesignPhotoRequestSchema,
  DesignPhotoSchema,
  LinkPreviewAnswerSchema,
  LinkPreviewRequestSchema,
  PostCreateSchema,
  PostDetailSchema,
  PostListQuerySchema,
  PostPageSchema,
  PostRescheduleSchema,
  PostScheduleSchema,
  PostUpdateSchema,
  QueueSlotCreateSchema,
  QueueSlotListQuerySchema,
  QueueSlotListSchema,
  QueueSlotSchema,
} from '../../../shared/social/posts-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { registerReviewableContent } from '../../platform/review/review.registry.js';
import { releaseHeldPostsOnReconnection } from './channel-holds.js';
import { createDesignPhotosService } from './design-photos.service.js';
import { fetchLinkPreview } from './link-preview.js';
import { createPostScheduleService } from './post-schedule.service.js';
import './posts.calendar.js';
import { socialPostContent } from './posts.review.js';
import { createPostsService } from './posts.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const PostParams = WorkspaceParams.extend({ postId: z.string().uuid() });
const SlotParams = WorkspaceParams.extend({ slotId: z.string().uuid() });
const tags = ['social'];

export async function socialPostRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  registerReviewableContent(socialPostContent);
  // The admin's reconnection (channels routes, this process) releases the page's held posts.
  releaseHeldPostsOnReconnection();
  const db = platform.database.db;
  const posts = createPostsService(platform);
  const scheduling = createPostScheduleService(platform);
  const designPhotos = createDesignPhotosService(platform);
  const canRead = requirePermission(db, 'social:read');
  const canWrite = requirePermission(db, 'social:write');
  const canPublish = requirePermission(db, 'social:publish');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/social/posts';
  const slots = '/api/workspaces/:workspaceId/social/queue-slots';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: PostListQuerySchema, response: { 200: PostPageSchema } },
    onRequest: canRead,
    handler: (request) => posts.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: PostCreateSchema, response: { 201: PostDetailSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await posts.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:postId`, {
    schema: { tags, params: PostParams, response: { 200: PostDetailSchema } },
    onRequest: canRead,
    handler: (request) => posts.get(contextOf(request), request.params.postId),
  });

  r.patch(`${base}/:postId`, {
    schema: { tags, params: PostParams, body: PostUpdateSchema, response: { 200: PostDetailSchema } },
    onRequest: canWrite,
    handler: (request) => posts.update(contextOf(request), request.params.postId, request.body),
  });

  r.delete(`${base}/:postId`, {
    schema: { tags, params: PostParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await posts.remove(contextOf(request), request.params.postId);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/:postId/schedule`, {
    schema: { tags, params: PostParams, body: PostScheduleSchema, response: { 200: PostDetailSchema } },
    onRequest: canPublish,
    handler: (request) => scheduling.schedule(contextOf(request), request.params.postId, request.body),
  });

  r.post(`${base}/:postId/reschedule`, {
    schema: { tags, params: PostParams, body: PostRescheduleSchema, response: { 200: PostDetailSchema } },
    onRequest: canPublish,
    handler: (request) => scheduling.reschedule(contextOf(request), request.params.postId, request.body),
  });

  r.post(`${base}/:postId/unschedule`, {
    schema: { tags, params: PostParams, response: { 200: PostDetailSchema } },
    onRequest: canPublish,
    handler: (request) => scheduling.unschedule(contextOf(request), request.params.postId),
  });

  r.get(slots, {
    schema: { tags, params: WorkspaceParams, querystring: QueueSlotListQuerySchema, response: { 200: QueueSlotListSchema } },
    onRequest: canRead,
    handler: (request) => scheduling.listSlots(contextOf(request), request.query.channelId),
  });

  r.post(slots, {
    schema: { tags, params: WorkspaceParams, body: QueueSlotCreateSchema, response: { 201: QueueSlotSchema } },
    onRequest: canPublish,
    handler: async (request, reply) => reply.status(201).send(await scheduling.addSlot(contextOf(request), request.body)),
  });

  r.delete(`${slots}/:slotId`, {
    schema: { tags, params: SlotParams },
    onRequest: canPublish,
    handler: async (request, reply) => {
      await scheduling.removeSlot(contextOf(request), request.params.slotId);
      return reply.status(204).send();
    },
  });

  r.post('/api/workspaces/:workspaceId/social/link-preview', {
    schema: { tags, params: WorkspaceParams, body: LinkPreviewRequestSchema, response: { 200: LinkPreviewAnswerSchema } },
    onRequest: canWrite,
    handler: async (request) => ({ url: request.body.url, preview: await fetchLinkPreview(request.body.url) }),
  });

  r.post('/api/workspaces/:workspaceId/social/design-photos', {
    schema: { tags, params: WorkspaceParams, body: DesignPhotoRequestSchema, response: { 200: DesignPhotoSchema } },
    onRequest: canWrite,
    handler: (request) => designPhotos.attach(contextOf(request), request.body),
  });
}
