/** Builds the Fastify application: platform plugins, then every module in one list (STYLE G2). */
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { LIMITS } from '../shared/limits.js';
import { organisationRoutes } from './modules/directory/organisations.routes.js';
import { peopleRoutes } from './modules/directory/people.routes.js';
import { newsletterIssueRoutes } from './modules/newsletter/issues.routes.js';
import { newsletterPublicRoutes } from './modules/newsletter/newsletter-public.routes.js';
import { newsletterSendingRoutes } from './modules/newsletter/sending.routes.js';
import { subscriberImportRoutes } from './modules/newsletter/subscriber-import.routes.js';
import { subscriberRoutes } from './modules/newsletter/subscribers.routes.js';
import { newsletterTrackingRoutes } from './modules/newsletter/tracking.routes.js';
import { calendarRoutes } from './modules/planning/calendar.routes.js';
import { campaignBriefRoutes } from './modules/planning/campaign-brief.routes.js';
import { campaignRoutes } from './modules/planning/campaigns.routes.js';
import { needRoutes } from './modules/planning/needs.routes.js';
import { planRoutes } from './modules/planning/plan.routes.js';
import { taskRoutes } from './modules/planning/tasks.routes.js';
import { templateRoutes } from './modules/planning/templates.routes.js';
import { socialChannelRoutes } from './modules/social/channels.routes.js';
import { socialInboxRoutes } from './modules/social/inbox.routes.js';
import { socialInsightRoutes } from './modules/social/insights.routes.js';
import { socialPostRoutes } from './modules/social/posts.routes.js';
import { assetRoutes } from './modules/studio/assets.routes.js';
import { brandKitRoutes } from './modules/studio/brand-kit.routes.js';
import { designRoutes } from './modules/studio/designs.routes.js';
import { studioDocumentRoutes } from './modules/studio/documents.routes.js';
import { invitationRoutes } from './modules/workspaces/invitations.routes.js';
import { workspaceRoutes } from './modules/workspaces/workspaces.routes.js';
import { adminRoutes } from './platform/admin/admin.routes.js';
import { pingDatabase } from './platform/db/database.js';
import { installErrorHandler } from './platform/http/error-handler.js';
import { cacheMembershipRoles } from './platform/http/guards.js';
import { installSession } from './platform/http/session.js';
import { installWriteClearing } from './platform/http/write-cleared-cache.js';
import { notificationRoutes } from './platform/notifications/notifications.routes.js';
import type { Platform } from './platform/platform.js';
import { reviewRoutes } from './platform/review/review.routes.js';
import { fileRoutes } from './platform/storage/files.routes.js';
import { publicSiteRoutes } from './public-site/public-site.routes.js';
import { webAppRoutes } from './web-app.routes.js';

/** Module plugins, registered in this order. */
const MODULES = [
  workspaceRoutes,
  invitationRoutes,
  organisationRoutes,
  peopleRoutes,
  fileRoutes,
  adminRoutes,
  notificationRoutes,
  planRoutes,
  needRoutes,
  calendarRoutes,
  reviewRoutes,
  campaignBriefRoutes,
  campaignRoutes,
  taskRoutes,
  templateRoutes,
  subscriberRoutes,
  newsletterPublicRoutes,
  subscriberImportRoutes,
  newsletterIssueRoutes,
  newsletterSendingRoutes,
  newsletterTrackingRoutes,
  brandKitRoutes,
  assetRoutes,
  designRoutes,
  studioDocumentRoutes,
  socialChannelRoutes,
  socialPostRoutes,
  socialInboxRoutes,
  socialInsightRoutes,
];

export async function buildApp(platform: Platform, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: platform.config.logLevel } : false,
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: false,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: platform.config.uploadMaxBytes, files: 1, fields: 5 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tawasul API', version: '0.1.0', description: 'Bilingual communications and partnerships hub.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tawasul.session_token' } } },
    },
    transform: jsonSchemaTransform,
  });
  installWriteClearing(app);
  if (platform.database.driver === 'pglite') cacheMembershipRoles(platform.database.db);
  installSession(app, platform.auth, {
    secret: platform.config.secretKey,
    publicUrl: platform.config.publicUrl,
    cacheSessions: platform.database.driver === 'pglite',
  });

  app.get('/healthz', { schema: { hide: true } }, async () => {
    await pingDatabase(platform.database);
    return { status: 'ok', database: platform.database.driver };
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const module of MODULES) await app.register(module, { platform });
  await app.register(publicSiteRoutes, { platform });
  await app.register(webAppRoutes, { platform });
  return app;
}
