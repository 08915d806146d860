/** Task routes (S3): lists ("my tasks"), create, edit, delete, Gantt move, comments, attachments, assignees. */
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ScheduleChangeResultSchema } from '../../../shared/planning/campaign.schema.js';
import {
  TaskAttachmentCreateSchema,
  TaskCommentCreateSchema,
  TaskCommentSchema,
  TaskCreateSchema,
  TaskListQuerySchema,
  TaskMoveSchema,
  TaskPageSchema,
  TaskSchema,
  TaskUpdateSchema,
} from '../../../shared/planning/task.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import { createTasksService } from './tasks.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const TaskParams = WorkspaceParams.extend({ taskId: z.string().uuid() });
const tags = ['planning'];

export async function taskRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createTasksService(platform);
  const canRead = requirePermission(db, 'planning:read');
  const canWrite = requirePermission(db, 'campaigns:write');
  const canWork = requirePermission(db, 'tasks:work');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/tasks';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: TaskListQuerySchema, response: { 200: TaskPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: TaskCreateSchema, response: { 201: TaskSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:taskId`, {
    schema: { tags, params: TaskParams, response: { 200: TaskSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.taskId),
  });

  r.patch(`${base}/:taskId`, {
    schema: { tags, params: TaskParams, body: TaskUpdateSchema, response: { 200: TaskSchema } },
    onRequest: canWork,
    handler: (request) => service.update(contextOf(request), request.params.taskId, request.body),
  });

  r.delete(`${base}/:taskId`, {
    schema: { tags, params: TaskParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.taskId);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/:taskId/move`, {
    schema: { tags, params: TaskParams, body: TaskMoveSchema, response: { 200: ScheduleChangeResultSchema } },
    onRequest: canWrite,
    handler: (request) => service.move(contextOf(request), request.params.taskId, request.body.dueDate, request.body.dryRun),
  });

  r.get(`${base}/:taskId/comments`, {
    schema: { tags, params: TaskParams, response: { 200: z.object({ items: z.array(TaskCommentSchema) }) } },
    onRequest: canRead,
    handler: (request) => service.comments(contextOf(request), request.params.taskId),
  });

  r.post(`${base}/:taskId/comments`, {
    schema: { tags, params: TaskParams, body: TaskCommentCreateSchema, response: { 201: TaskCommentSchema } },
    onRequest: canWork,
    handler: async (request, reply) =>
      reply.status(201).send(await service.addComment(contextOf(request), request.params.taskId, request.body.body)),
  });

  r.post(`${base}/:taskId/attachments`, {
    schema: { tags, params: TaskParams, body: TaskAttachmentCreateSchema, response: { 200: TaskSchema } },
    onRequest: canWork,
    handler: (request) => service.setAttachment(contextOf(request), request.params.taskId, request.body.fileId, true),
  });

  r.delete(`${base}/:taskId/attachments/:fileId`, {
    schema: { tags, params: TaskParams.extend({ fileId: z.string().uuid() }), response: { 200: TaskSchema } },
    onRequest: canWork,
    handler: (request) => service.setAttachment(contextOf(request), request.params.taskId, request.params.fileId, false),
  });

  // Who can be given a task: every member, with their role (the template says which role does what).
  r.get('/api/workspaces/:workspaceId/planning/assignees', {
    schema: {
      tags,
      params: WorkspaceParams,
      response: { 200: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), role: z.string() })) }) },
    },
    onRequest: canRead,
    handler: async (request) => {
      const ctx = contextOf(request);
      const rows = await db
        .select({ userId: memberships.userId, name: users.name, role: memberships.role })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.workspaceId, ctx.membership.workspaceId))
        .orderBy(asc(users.name));
      return { items: rows };
    },
  });
}
