/** Bounce routes: the providers' webhook (public, secret in the URL), manual marking and the list. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BounceListQuerySchema,
  BouncePageSchema,
  ManualBouncesResultSchema,
  ManualBouncesSchema,
} from '../../../shared/newsletter/tracking-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createBouncesService } from './bounces.service.js';
import { BOUNCE_WEBHOOK_PATH } from './tracking/settings.presenter.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const tags = ['newsletter'];

export async function newsletterBounceRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createBouncesService(platform);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/bounces';

  // Providers post JSON (Amazon SNS as text/plain); the body is read by bounces.parse.ts.
  app.post<{ Params: { workspaceId: string; secret: string } }>(BOUNCE_WEBHOOK_PATH, { schema: { hide: true } }, async (request) =>
    service.receiveWebhook(request.params.workspaceId, request.params.secret, request.body),
  );

  r.get(base, {
    schema: { tags, params: WorkspaceParams, querystring: BounceListQuerySchema, response: { 200: BouncePageSchema } },
    onRequest: requirePermission(db, 'subscribers:read'),
    handler: (request) => service.list(contextOf(request), request.query),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: ManualBouncesSchema, response: { 200: ManualBouncesResultSchema } },
    onRequest: requirePermission(db, 'subscribers:manage'),
    handler: (request) => service.markManually(contextOf(request), request.body),
  });
}
