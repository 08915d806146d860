/** Newsletter settings routes: read (admins and senders), change, generate a DKIM key, rotate the webhook secret. */
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  NewsletterSettingsSchema,
  NewsletterSettingsUpdateSchema,
  SettingsActionSchema,
} from '../../../../shared/newsletter/tracking-api.schema.js';
import { AppError } from '../../../platform/errors.js';
import { contextOf, requirePermission } from '../../../platform/http/guards.js';
import type { Platform } from '../../../platform/platform.js';
import { createNewsletterSettingsService } from '../newsletter-settings.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const tags = ['newsletter'];

/** Passes when `first` passes, or when it refuses only for the permission and `second` passes. */
function eitherGuard(first: onRequestAsyncHookHandler, second: onRequestAsyncHookHandler): onRequestAsyncHookHandler {
  return async function guard(request, reply) {
    try {
      await first.call(this, request, reply);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'FORBIDDEN')) throw error;
      await second.call(this, request, reply);
    }
  };
}

export async function newsletterSettingsRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createNewsletterSettingsService(platform);
  const canManage = requirePermission(db, 'newsletter:settings');
  // Whoever sends an issue sees the sender and throttling it will use.
  const canRead = eitherGuard(canManage, requirePermission(db, 'newsletter:send'));
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/workspaces/:workspaceId/newsletter/settings';

  r.get(base, {
    schema: { tags, params: WorkspaceParams, response: { 200: NewsletterSettingsSchema } },
    onRequest: canRead,
    handler: (request) => service.get(contextOf(request)),
  });

  r.put(base, {
    schema: { tags, params: WorkspaceParams, body: NewsletterSettingsUpdateSchema, response: { 200: NewsletterSettingsSchema } },
    onRequest: canManage,
    handler: (request) => service.update(contextOf(request), request.body),
  });

  r.post(`${base}/dkim-key`, {
    schema: { tags, params: WorkspaceParams, body: SettingsActionSchema, response: { 200: NewsletterSettingsSchema } },
    onRequest: canManage,
    handler: (request) => service.generateDkimKey(contextOf(request)),
  });

  r.post(`${base}/bounce-webhook`, {
    schema: { tags, params: WorkspaceParams, body: SettingsActionSchema, response: { 200: NewsletterSettingsSchema } },
    onRequest: canManage,
    handler: (request) => service.rotateWebhookSecret(contextOf(request)),
  });
}
