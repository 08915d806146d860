/**
 * Routes of the newsletter's tracking area: the public open pixel and click redirect (no login), and,
 * as plugins of their own, the settings, bounces and statistics routes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../../platform/platform.js';
import { createPublicContext } from '../../public-site/public-context.js';
import { newsletterBounceRoutes } from './bounces.routes.js';
import { NEWSLETTER_PUBLIC_PATHS, readClickToken, readOpenToken } from './newsletter-links.js';
import { newsletterStatsRoutes } from './stats.routes.js';
import { isAutomatedRequest } from './tracking/automated-client.js';
import { renderLinkInvalidPage } from './tracking/link-invalid.page.js';
import { redirectTarget } from './tracking/redirect-target.js';
import { newsletterSettingsRoutes } from './tracking/settings.routes.js';
import { recordClick, recordOpen } from './tracking/tracking.repo.js';

/** The smallest transparent GIF (1×1). */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export async function newsletterTrackingRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const { secretKey, publicUrl } = platform.config;

  /** A failed write is logged, never shown: the reader still gets the pixel or the page. */
  const recordQuietly = (request: FastifyRequest, write: Promise<void>) =>
    write.catch((error: unknown) => request.log.warn({ err: error }, 'newsletter tracking not recorded'));

  // An invalid token gets the same pixel as a valid one: the answer tells nothing about the token.
  app.get<{ Params: { token: string } }>(NEWSLETTER_PUBLIC_PATHS.open, { schema: { hide: true } }, async (request, reply) => {
    const open = readOpenToken(secretKey, request.params.token);
    if (open && !isAutomatedRequest(request)) await recordQuietly(request, recordOpen(db, open.deliveryId));
    return reply
      .type('image/gif')
      .header('cache-control', 'no-store, private')
      .header('x-content-type-options', 'nosniff')
      .header('x-robots-tag', 'noindex')
      .send(PIXEL);
  });

  async function refuseLink(request: FastifyRequest, reply: FastifyReply) {
    const ctx = await createPublicContext(db, {
      lang: (request.query as Record<string, unknown> | undefined)?.lang,
      acceptLanguage: request.headers['accept-language'],
      publicUrl,
    });
    return reply
      .status(400)
      .type('text/html; charset=utf-8')
      .header('content-language', ctx.lang)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-robots-tag', 'noindex')
      .send(renderLinkInvalidPage(ctx, request.url.split('?')[0] ?? '/'));
  }

  // Only the URL signed inside the token is ever a destination: a forged, truncated or edited token
  // (or a signed URL that is not plain http(s)) gets a page, never a redirect.
  // A wildcard rather than `:token`: a token carries its URL and outgrows the router's 100-character parameter limit.
  app.get<{ Params: { '*': string } }>(
    NEWSLETTER_PUBLIC_PATHS.click.replace(':token', '*'),
    { schema: { hide: true } },
    async (request, reply) => {
      const click = readClickToken(secretKey, request.params['*']);
      const target = click ? redirectTarget(click.targetUrl) : undefined;
      if (!click || !target) return refuseLink(request, reply);
      if (!isAutomatedRequest(request)) await recordQuietly(request, recordClick(db, click.deliveryId, click.targetUrl));
      return reply
        .header('cache-control', 'no-store, private')
        .header('referrer-policy', 'no-referrer')
        .header('x-robots-tag', 'noindex')
        .redirect(target, 302);
    },
  );

  await app.register(newsletterSettingsRoutes, { platform });
  await app.register(newsletterBounceRoutes, { platform });
  await app.register(newsletterStatsRoutes, { platform });
}
