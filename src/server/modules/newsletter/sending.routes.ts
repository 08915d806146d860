/** Routes of the newsletter: starting, pausing, resuming and cancelling sends; progress; unconfirmed rows. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  SendProgressSchema,
  UnconfirmedDecisionResultSchema,
  UnconfirmedDecisionSchema,
  UnconfirmedPageSchema,
  UnconfirmedQuerySchema,
} from '../../../shared/newsletter/sending-api.schema.js';
import { contextOf, requirePermission } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createSendService } from './sending/send.service.js';

const IssueParams = z.object({ workspaceId: z.string(), issueId: z.uuid() });
const tags = ['newsletter'];

export async function newsletterSendingRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createSendService(platform);
  const canRead = requirePermission(db, 'newsletter:read');
  const canSend = requirePermission(db, 'newsletter:send');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/issues/:issueId';

  r.post(`${base}/send`, {
    schema: { tags, params: IssueParams, response: { 202: SendProgressSchema } },
    onRequest: canSend,
    handler: async (request, reply) => reply.status(202).send(await service.start(contextOf(request), request.params.issueId)),
  });

  r.get(`${base}/send/progress`, {
    schema: { tags, params: IssueParams, response: { 200: SendProgressSchema } },
    onRequest: canRead,
    handler: (request) => service.progress(contextOf(request), request.params.issueId),
  });

  for (const action of ['pause', 'resume', 'cancel'] as const) {
    r.post(`${base}/send/${action}`, {
      schema: { tags, params: IssueParams, response: { 200: SendProgressSchema } },
      onRequest: canSend,
      handler: (request) => service[action](contextOf(request), request.params.issueId),
    });
  }

  // Admin only (checked in the service): listing who may or may not have received a message.
  r.get(`${base}/send/unconfirmed`, {
    schema: { tags, params: IssueParams, querystring: UnconfirmedQuerySchema, response: { 200: UnconfirmedPageSchema } },
    onRequest: canSend,
    handler: (request) => service.unconfirmed(contextOf(request), request.params.issueId, request.query),
  });

  r.post(`${base}/send/unconfirmed`, {
    schema: { tags, params: IssueParams, body: UnconfirmedDecisionSchema, response: { 200: UnconfirmedDecisionResultSchema } },
    onRequest: canSend,
    handler: (request) => service.resolveUnconfirmed(contextOf(request), request.params.issueId, request.body),
  });
}
