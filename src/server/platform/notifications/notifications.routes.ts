/** The signed-in member's notifications in one workspace: newest first, unread count, mark read. */
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NotificationListQuerySchema,
  NotificationPageSchema,
  UnreadCountSchema,
} from '../../../shared/notifications/notification.schema.js';
import { decodeCursor, encodeCursor } from '../db/pagination.js';
import { AppError } from '../errors.js';
import { contextOf, requirePermission } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { notifications } from './notifications.tables.js';
import { markNotificationsRead } from './notify.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const tags = ['notifications'];

export async function notificationRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/notifications';
  const canRead = requirePermission(db, 'workspace:read');

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: NotificationListQuerySchema, response: { 200: NotificationPageSchema } },
    onRequest: canRead,
    handler: async (request) => {
      const ctx = contextOf(request);
      const { limit, cursor, unread } = request.query;
      const filters: Array<SQL | undefined> = [
        eq(notifications.workspaceId, ctx.membership.workspaceId),
        eq(notifications.userId, ctx.actor.user.id),
        unread === 'true' ? isNull(notifications.readAt) : undefined,
      ];
      if (cursor) {
        // Newest first, so the keyset goes backwards from the last item's creation time and id.
        const after = decodeCursor(cursor) as { sortKey: string; id: string };
        const at = new Date(after.sortKey);
        if (Number.isNaN(at.getTime())) throw new AppError('VALIDATION_FAILED', { fields: { cursor: 'INVALID_VALUE' } });
        filters.push(or(lt(notifications.createdAt, at), and(eq(notifications.createdAt, at), lt(notifications.id, after.id))));
      }
      const rows = await db
        .select()
        .from(notifications)
        .where(and(...filters))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => ({
          id: row.id,
          kind: row.kind,
          params: row.params as Record<string, string | number>,
          link: row.link,
          readAt: row.readAt?.toISOString() ?? null,
          createdAt: row.createdAt.toISOString(),
        })),
        nextCursor: rows.length > limit && last ? encodeCursor({ sortKey: last.createdAt.toISOString(), id: last.id }) : null,
      };
    },
  });

  r.get(`${base}/unread-count`, {
    schema: { tags, params: WorkspaceParams, response: { 200: UnreadCountSchema } },
    onRequest: canRead,
    handler: async (request) => {
      const ctx = contextOf(request);
      const [row] = await db
        .select({ count: count() })
        .from(notifications)
        .where(
          and(
            eq(notifications.workspaceId, ctx.membership.workspaceId),
            eq(notifications.userId, ctx.actor.user.id),
            isNull(notifications.readAt),
          ),
        );
      return { count: row?.count ?? 0 };
    },
  });

  r.post(`${base}/:notificationId/read`, {
    schema: { tags, params: WorkspaceParams.extend({ notificationId: z.string().uuid() }) },
    onRequest: canRead,
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await markNotificationsRead(db, ctx.membership.workspaceId, ctx.actor.user.id, [request.params.notificationId]);
      return reply.status(204).send();
    },
  });

  r.post(`${base}/read-all`, {
    schema: { tags, params: WorkspaceParams },
    onRequest: canRead,
    handler: async (request, reply) => {
      const ctx = contextOf(request);
      await markNotificationsRead(db, ctx.membership.workspaceId, ctx.actor.user.id);
      return reply.status(204).send();
    },
  });
}
