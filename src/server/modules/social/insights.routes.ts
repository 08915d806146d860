/** Routes of social: page and post insights stored daily — a table of method, path, permission, schemas and one service call (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignInsightListSchema,
  InsightsOverviewSchema,
  InsightsQuerySchema,
  InsightsRefreshAnswerSchema,
  InsightsRefreshSchema,
  LanguageInsightListSchema,
  TopPostListSchema,
  TopPostsQuerySchema,
} from '../../../shared/social/insights.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createInsightsService } from './insights.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const tags = ['social'];

export async function socialInsightRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const insights = createInsightsService(platform);
  const canRead = requirePermission(platform.database.db, 'social:read');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/social/insights';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: InsightsQuerySchema, response: { 200: InsightsOverviewSchema } },
    onRequest: canRead,
    handler: (request) => insights.overview(contextOf(request), request.query),
  });

  r.get(`${base}/campaigns`, {
    schema: { tags, params: WorkspaceParams, querystring: InsightsQuerySchema, response: { 200: CampaignInsightListSchema } },
    onRequest: canRead,
    handler: (request) => insights.campaigns(contextOf(request), request.query),
  });

  r.get(`${base}/languages`, {
    schema: { tags, params: WorkspaceParams, querystring: InsightsQuerySchema, response: { 200: LanguageInsightListSchema } },
    onRequest: canRead,
    handler: (request) => insights.languages(contextOf(request), request.query),
  });

  r.get(`${base}/top-posts`, {
    schema: { tags, params: WorkspaceParams, querystring: TopPostsQuerySchema, response: { 200: TopPostListSchema } },
    onRequest: canRead,
    handler: (request) => insights.topPosts(contextOf(request), request.query),
  });

  // Reading the page again is harmless and throttled by the job's key: anyone who may read insights may ask.
  r.post(`${base}/refresh`, {
    schema: { tags, params: WorkspaceParams, body: InsightsRefreshSchema, response: { 202: InsightsRefreshAnswerSchema } },
    onRequest: canRead,
    handler: async (request, reply) => reply.status(202).send(await insights.refresh(contextOf(request), request.body)),
  });
}
