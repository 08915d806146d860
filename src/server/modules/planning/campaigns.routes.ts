/** Campaign routes (S3): list, create (optionally from a template), edit, archive, goal move, plan, templates from campaigns. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApplyTemplateSchema,
  CampaignCreateSchema,
  CampaignListQuerySchema,
  CampaignPageSchema,
  CampaignSchema,
  CampaignUpdateSchema,
  GoalDateMoveSchema,
  SaveAsTemplateSchema,
  ScheduleChangeResultSchema,
} from '../../../shared/planning/campaign.schema.js';
import { CampaignPlanSchema } from '../../../shared/planning/task.schema.js';
import { PlanningTemplateOutSchema } from '../../../shared/planning/template-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createCampaignsService } from './campaigns.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const CampaignParams = WorkspaceParams.extend({ campaignId: z.string().uuid() });
const tags = ['planning'];

export async function campaignRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createCampaignsService(platform);
  const canRead = requirePermission(db, 'planning:read');
  const canWrite = requirePermission(db, 'campaigns:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/campaigns';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: CampaignListQuerySchema, response: { 200: CampaignPageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: CampaignCreateSchema, response: { 201: CampaignSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:campaignId`, {
    schema: { tags, params: CampaignParams, response: { 200: CampaignSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.campaignId),
  });

  r.patch(`${base}/:campaignId`, {
    schema: { tags, params: CampaignParams, body: CampaignUpdateSchema, response: { 200: CampaignSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.campaignId, request.body),
  });

  r.post(`${base}/:campaignId/archive`, {
    schema: { tags, params: CampaignParams, response: { 200: CampaignSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.campaignId, true),
  });

  r.post(`${base}/:campaignId/restore`, {
    schema: { tags, params: CampaignParams, response: { 200: CampaignSchema } },
    onRequest: canWrite,
    handler: (request) => service.setArchived(contextOf(request), request.params.campaignId, false),
  });

  r.post(`${base}/:campaignId/goal-date`, {
    schema: { tags, params: CampaignParams, body: GoalDateMoveSchema, response: { 200: ScheduleChangeResultSchema } },
    onRequest: canWrite,
    handler: (request) => service.moveGoal(contextOf(request), request.params.campaignId, request.body.goalDate, request.body.dryRun),
  });

  r.get(`${base}/:campaignId/plan`, {
    schema: { tags, params: CampaignParams, response: { 200: CampaignPlanSchema } },
    onRequest: canRead,
    handler: (request) => service.plan(contextOf(request), request.params.campaignId),
  });

  r.post(`${base}/:campaignId/apply-template`, {
    schema: { tags, params: CampaignParams, body: ApplyTemplateSchema, response: { 200: CampaignPlanSchema } },
    onRequest: canWrite,
    handler: (request) => service.applyTemplate(contextOf(request), request.params.campaignId, request.body.templateKey),
  });

  r.post(`${base}/:campaignId/save-as-template`, {
    schema: { tags, params: CampaignParams, body: SaveAsTemplateSchema, response: { 201: PlanningTemplateOutSchema } },
    onRequest: requirePermission(db, 'templates:write'),
    handler: async (request, reply) =>
      reply.status(201).send(await service.saveAsTemplate(contextOf(request), request.params.campaignId, request.body)),
  });
}
