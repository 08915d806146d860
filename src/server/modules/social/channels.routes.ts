/** Routes of social: connected pages (Meta login flow, sealed tokens, reconnection), thin (STYLE G2). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ChannelCheckSchema,
  ChannelConnectSchema,
  ChannelLoginPagesSchema,
  ChannelLoginStartedSchema,
  ChannelLoginStartSchema,
  SocialChannelListSchema,
  SocialChannelSchema,
} from '../../../shared/social/channels-api.schema.js';
import { AppError } from '../../platform/errors.js';
import { contextOf, requirePermission, requireUser } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createChannelsService } from './channels.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const ChannelParams = WorkspaceParams.extend({ channelId: z.string().uuid() });
const LoginParams = WorkspaceParams.extend({ loginId: z.string().min(16).max(64) });
const CallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_reason: z.string().max(200).optional(),
  error_code: z.string().max(20).optional(),
  error_description: z.string().max(1000).optional(),
});
const tags = ['social'];

export async function socialChannelRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createChannelsService(platform);
  const canRead = requirePermission(db, 'social:read');
  const canConnect = requirePermission(db, 'social:connect');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/social/channels';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: SocialChannelListSchema } },
    onRequest: canRead,
    handler: (request) => service.list(contextOf(request)),
  });

  r.post(`${base}/login`, {
    schema: { tags, params: WorkspaceParams, body: ChannelLoginStartSchema, response: { 200: ChannelLoginStartedSchema } },
    onRequest: canConnect,
    handler: (request) => service.startLogin(contextOf(request), request.body),
  });

  // Meta sends the browser here (the redirect URI registered in the Meta app): one fixed address, the workspace is in `state`.
  r.get('/api/social/channels/callback/:network', {
    schema: { tags, params: z.object({ network: z.string().max(20) }), querystring: CallbackQuery },
    onRequest: requireUser,
    handler: async (request, reply) => {
      if (!request.actor) throw new AppError('UNAUTHENTICATED');
      return reply.redirect(await service.completeLogin(request.actor, request.params.network, request.query));
    },
  });

  r.get(`${base}/logins/:loginId`, {
    schema: { tags, params: LoginParams, response: { 200: ChannelLoginPagesSchema } },
    onRequest: canConnect,
    handler: (request) => service.loginPages(contextOf(request), request.params.loginId),
  });

  r.post(base, {
    schema: { tags, params: WorkspaceParams, body: ChannelConnectSchema, response: { 200: SocialChannelListSchema } },
    onRequest: canConnect,
    handler: (request) => service.connect(contextOf(request), request.body),
  });

  r.delete(`${base}/:channelId`, {
    schema: { tags, params: ChannelParams, response: { 200: SocialChannelSchema } },
    onRequest: canConnect,
    handler: (request) => service.disconnect(contextOf(request), request.params.channelId),
  });

  r.post(`${base}/:channelId/check`, {
    schema: { tags, params: ChannelParams, response: { 200: ChannelCheckSchema } },
    onRequest: canConnect,
    handler: (request) => service.recheck(contextOf(request), request.params.channelId),
  });
}
