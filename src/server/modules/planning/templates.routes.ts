/** Retro-planning templates and the holiday calendar of the workspace. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  HolidayChangeCreateSchema,
  HolidayChangeListSchema,
  HolidayChangeSchema,
  HolidayListSchema,
  HolidayRangeQuerySchema,
} from '../../../shared/planning/holiday-api.schema.js';
import { milestoneKeySchema, PlanningTemplateSchema } from '../../../shared/planning/planning-template.schema.js';
import {
  PlanningTemplateCreateSchema,
  PlanningTemplateListSchema,
  PlanningTemplateOutSchema,
} from '../../../shared/planning/template-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createHolidaysService } from './holidays.service.js';
import { createTemplatesService } from './templates.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const TemplateParams = WorkspaceParams.extend({ key: milestoneKeySchema });
const tags = ['planning'];

export async function templateRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const templates = createTemplatesService(db);
  const holidays = createHolidaysService(db);
  const canRead = requirePermission(db, 'planning:read');
  const canEditTemplates = requirePermission(db, 'templates:write');
  const canManageHolidays = requirePermission(db, 'holidays:manage');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId';

  r.get(`${base}/planning-templates`, {
    schema: { tags, params: WorkspaceParams, response: { 200: PlanningTemplateListSchema } },
    onRequest: canRead,
    handler: async (request) => ({ items: await templates.list(contextOf(request)) }),
  });

  r.post(`${base}/planning-templates`, {
    schema: { tags, params: WorkspaceParams, body: PlanningTemplateCreateSchema, response: { 201: PlanningTemplateOutSchema } },
    onRequest: canEditTemplates,
    handler: async (request, reply) => {
      const { key, ...template } = request.body;
      return reply.status(201).send(await templates.create(contextOf(request), key, template));
    },
  });

  r.put(`${base}/planning-templates/:key`, {
    schema: { tags, params: TemplateParams, body: PlanningTemplateSchema, response: { 200: PlanningTemplateOutSchema } },
    onRequest: canEditTemplates,
    handler: (request) => templates.update(contextOf(request), request.params.key, request.body),
  });

  r.delete(`${base}/planning-templates/:key`, {
    schema: { tags, params: TemplateParams },
    onRequest: canEditTemplates,
    handler: async (request, reply) => {
      await templates.remove(contextOf(request), request.params.key);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/holidays`, {
    schema: { tags, params: WorkspaceParams, querystring: HolidayRangeQuerySchema, response: { 200: HolidayListSchema } },
    onRequest: canRead,
    handler: (request) => holidays.list(contextOf(request), request.query.from, request.query.to),
  });

  r.get(`${base}/holiday-changes`, {
    schema: { tags, params: WorkspaceParams, response: { 200: HolidayChangeListSchema } },
    onRequest: canRead,
    handler: (request) => holidays.changes(contextOf(request)),
  });

  r.post(`${base}/holiday-changes`, {
    schema: { tags, params: WorkspaceParams, body: HolidayChangeCreateSchema, response: { 201: HolidayChangeSchema } },
    onRequest: canManageHolidays,
    handler: async (request, reply) => reply.status(201).send(await holidays.addChange(contextOf(request), request.body)),
  });

  r.delete(`${base}/holiday-changes/:changeId`, {
    schema: { tags, params: WorkspaceParams.extend({ changeId: z.string().uuid() }) },
    onRequest: canManageHolidays,
    handler: async (request, reply) => {
      await holidays.removeChange(contextOf(request), request.params.changeId);
      return reply.status(204).send();
    },
  });
}
