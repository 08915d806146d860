/** Campaign brief routes; the brief's review goes through the generic `/reviews/planning.campaign-brief/:campaignId` routes. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CampaignBriefSchema, CampaignBriefUpdateSchema } from '../../../shared/planning/campaign-brief.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { registerReviewableContent } from '../../platform/review/review.registry.js';
import { campaignBriefContent } from './campaign-brief.review.js';
import { createCampaignBriefService } from './campaign-brief.service.js';

const BriefParams = z.object({ workspaceId: z.string(), campaignId: z.string().uuid() });
const tags = ['planning'];

export async function campaignBriefRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  registerReviewableContent(campaignBriefContent);
  const service = createCampaignBriefService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/workspaces/:workspaceId/campaigns/:campaignId/brief';

  r.get(path, {
    schema: { tags, params: BriefParams, response: { 200: CampaignBriefSchema } },
    onRequest: requirePermission(db, 'planning:read'),
    handler: (request) => service.get(contextOf(request), request.params.campaignId),
  });

  r.put(path, {
    schema: { tags, params: BriefParams, body: CampaignBriefUpdateSchema, response: { 200: CampaignBriefSchema } },
    onRequest: requirePermission(db, 'campaigns:write'),
    handler: (request) => service.update(contextOf(request), request.params.campaignId, request.body),
  });
}
