/** Statistics routes: one issue's figures per language, and the workspace's latest issues. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IssueStatsSchema, StatsOverviewSchema } from '../../../shared/newsletter/tracking-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createStatsService } from './stats.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const IssueParams = WorkspaceParams.extend({ issueId: z.string() });
const tags = ['newsletter'];

export async function newsletterStatsRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const service = createStatsService(platform);
  // Figures only, no personal data: every member who sees the issues sees how they did.
  const canRead = requirePermission(platform.database.db, 'newsletter:read');
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/workspaces/:workspaceId/newsletter/issues/:issueId/stats', {
    schema: { tags, params: IssueParams, response: { 200: IssueStatsSchema } },
    onRequest: canRead,
    handler: (request) => service.issueStats(contextOf(request), request.params.issueId),
  });

  r.get('/api/workspaces/:workspaceId/newsletter/stats/overview', {
    schema: { tags, params: WorkspaceParams, response: { 200: StatsOverviewSchema } },
    onRequest: canRead,
    handler: (request) => service.overview(contextOf(request)),
  });
}
