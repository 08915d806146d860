/**
 * Calendar routes (S4): the entries of a range, the filters' choices, the member's private feed, and
 * the feed itself at `/calendar/<token>.ics`. The feed is public (calendar clients send no session):
 * its token is the credential, so it stays out of the API document like the public site's pages.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CalendarFeedCreatedSchema,
  CalendarFeedStatusSchema,
  CalendarFilterOptionsSchema,
  CalendarQuerySchema,
  CalendarSchema,
} from '../../../shared/planning/calendar.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createCalendarService } from './calendar.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const FeedParams = z.object({ token: z.string().max(200) });
const tags = ['calendar'];

export async function calendarRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createCalendarService(db, { publicUrl: platform.config.publicUrl });
  const canRead = requirePermission(db, 'planning:read');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/calendar';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: CalendarQuerySchema, response: { 200: CalendarSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.get(`${base}/filters`, {
    schema: { tags, params: WorkspaceParams, response: { 200: CalendarFilterOptionsSchema } },
    onRequest: canRead,
    handler: (request) => service.filterOptions(contextOf(request)),
  });

  r.get(`${base}/feed`, {
    schema: { tags, params: WorkspaceParams, response: { 200: CalendarFeedStatusSchema } },
    onRequest: canRead,
    handler: (request) => service.feedStatus(contextOf(request)),
  });

  r.post(`${base}/feed`, {
    schema: { tags, params: WorkspaceParams, response: { 201: CalendarFeedCreatedSchema } },
    onRequest: canRead,
    handler: async (request, reply) => reply.status(201).send(await service.rotateFeed(contextOf(request))),
  });

  r.delete(`${base}/feed`, {
    schema: { tags, params: WorkspaceParams },
    onRequest: canRead,
    handler: async (request, reply) => {
      await service.revokeFeed(contextOf(request));
      return reply.status(204).send();
    },
  });

  r.get('/calendar/:token.ics', {
    schema: { hide: true, params: FeedParams },
    handler: async (request, reply) => {
      const body = await service.renderFeed(request.params.token);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="tawasul.ics"')
        .header('x-robots-tag', 'noindex')
        .send(body);
    },
  });
}
