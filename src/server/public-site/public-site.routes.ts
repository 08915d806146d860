/**
 * The public site at `/`: server-rendered, no JavaScript, `lang`/`dir`/`hreflang` set, the
 * workspace's brand. For now the home page lists the consortium's organisations.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../platform/platform.js';
import { renderHomePage } from './home.page.js';

export async function publicSiteRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const query = request.query as { lang?: string };
    const page = await renderHomePage(platform.database.db, {
      lang: query.lang,
      acceptLanguage: request.headers['accept-language'],
      publicUrl: platform.config.publicUrl,
    });
    return reply.type('text/html; charset=utf-8').header('content-language', page.lang).header('vary', 'Accept-Language').send(page.html);
  });
}
