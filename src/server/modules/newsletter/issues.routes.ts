/**
 * Routes of newsletter issues (STYLE G2): the composer's CRUD, preview (HTML for an iframe, and the
 * text part), test send; the issue's review goes through `/reviews/newsletter.issue/:issueId`.
 * Public routes (signed images, archive, test-link page) live in issue-public.routes.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IssueCreateSchema,
  IssueListQuerySchema,
  IssuePageSchema,
  IssueSchema,
  IssueUpdateSchema,
  PreviewQuerySchema,
  TestSendResultSchema,
  TestSendSchema,
} from '../../../shared/newsletter/issue-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { registerReviewableContent } from '../../platform/review/review.registry.js';
import { newsletterIssueContent } from './issue.review.js';
import { createIssuePreviewService } from './issue-preview.service.js';
import { issuePublicRoutes } from './issue-public.routes.js';
import { createIssuesService } from './issues.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const IssueParams = WorkspaceParams.extend({ issueId: z.uuid() });
const tags = ['newsletter'];

/**
 * The preview is a document of its own inside the composer's iframe: nothing runs, nothing is
 * fetched but images, it may only be framed by the app, and its links open outside.
 */
const PREVIEW_CSP = [
  "default-src 'none'",
  'img-src https: http: data:',
  "style-src 'unsafe-inline'",
  "frame-ancestors 'self'",
  "form-action 'none'",
  'sandbox allow-popups allow-popups-to-escape-sandbox',
].join('; ');

export async function newsletterIssueRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  registerReviewableContent(newsletterIssueContent);
  const service = createIssuesService(platform);
  const previews = createIssuePreviewService(platform);
  const canRead = requirePermission(db, 'newsletter:read');
  const canWrite = requirePermission(db, 'newsletter:write');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/issues';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: IssueListQuerySchema, response: { 200: IssuePageSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: IssueCreateSchema, response: { 201: IssueSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.create(contextOf(request), request.body)),
  });

  r.get(`${base}/:issueId`, {
    schema: { tags, params: IssueParams, response: { 200: IssueSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request), request.params.issueId),
  });

  r.patch(`${base}/:issueId`, {
    schema: { tags, params: IssueParams, body: IssueUpdateSchema, response: { 200: IssueSchema } },
    onRequest: canWrite,
    handler: (request) => service.update(contextOf(request), request.params.issueId, request.body),
  });

  r.post(`${base}/:issueId/duplicate`, {
    schema: { tags, params: IssueParams, response: { 201: IssueSchema } },
    onRequest: canWrite,
    handler: async (request, reply) => reply.status(201).send(await service.duplicate(contextOf(request), request.params.issueId)),
  });

  r.delete(`${base}/:issueId`, {
    schema: { tags, params: IssueParams },
    onRequest: canWrite,
    handler: async (request, reply) => {
      await service.remove(contextOf(request), request.params.issueId);
      return reply.status(204).send();
    },
  });

  r.get(`${base}/:issueId/preview`, {
    schema: { tags, params: IssueParams, querystring: PreviewQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const preview = await previews.preview(contextOf(request), request.params.issueId, request.query.variant);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', PREVIEW_CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(preview.html.replace(/<head>/i, '<head><base target="_blank">'));
    },
  });

  r.get(`${base}/:issueId/preview.txt`, {
    schema: { tags, params: IssueParams, querystring: PreviewQuerySchema },
    onRequest: canRead,
    handler: async (request, reply) => {
      const preview = await previews.preview(contextOf(request), request.params.issueId, request.query.variant);
      return reply
        .type('text/plain; charset=utf-8')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(preview.text);
    },
  });

  r.post(`${base}/:issueId/test-send`, {
    schema: { tags, params: IssueParams, body: TestSendSchema, response: { 200: TestSendResultSchema } },
    onRequest: canWrite,
    handler: (request) => previews.testSend(contextOf(request), request.params.issueId, request.body),
  });

  await app.register(issuePublicRoutes, { platform });
}
