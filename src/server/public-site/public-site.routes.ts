/**
 * The public site at `/`: server-rendered, no JavaScript, cacheable. Pages render into one shell
 * (layout.ts); the workspace logo is the only file served publicly. Unknown public paths get a 404
 * page in the same shell, while /api and /app keep the API's problem+json not-found answer.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Platform } from '../platform/platform.js';
import { findFile } from '../platform/storage/files.service.js';
import { renderHomePage } from './home.page.js';
import { LOGO_PATH } from './layout.js';
import { renderNotFoundPage } from './not-found.page.js';
import { createPublicContext, findPublishedWorkspace, type PublicContext } from './public-context.js';

/** Short enough that an edit shows within a minute, long enough to absorb a burst of visitors. */
const CACHE_CONTROL = 'public, max-age=60';

/** Paths owned by the API and the web app: their not-found answer stays the API's. */
const NOT_PUBLIC = /^\/(?:api|app)(?:[/?#]|$)/;

function etagOf(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

function isFresh(request: FastifyRequest, etag: string): boolean {
  const header = request.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag || candidate.trim() === '*');
}

/** Sends a page with its language headers and validators (304 when the client's copy is current). */
function sendPage(request: FastifyRequest, reply: FastifyReply, ctx: PublicContext, body: string, status = 200) {
  const etag = etagOf(body);
  reply
    .type('text/html; charset=utf-8')
    .header('content-language', ctx.lang)
    // The page language follows Accept-Language when no ?lang= is given.
    .header('vary', 'Accept-Language')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', status === 200 ? CACHE_CONTROL : 'no-cache')
    .header('etag', etag);
  if (status === 200 && isFresh(request, etag)) return reply.status(304).send();
  return reply.status(status).send(body);
}

export async function publicSiteRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const contextOf = (request: FastifyRequest) =>
    createPublicContext(db, {
      lang: (request.query as Record<string, unknown> | undefined)?.lang,
      acceptLanguage: request.headers['accept-language'],
      publicUrl: platform.config.publicUrl,
    });

  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await contextOf(request);
    return sendPage(request, reply, ctx, await renderHomePage(db, ctx));
  });

  app.get(LOGO_PATH, { schema: { hide: true } }, async (request, reply) => {
    const workspace = await findPublishedWorkspace(db);
    // Scoped by workspace: only the published workspace's own logo file is ever public.
    const file = workspace?.logoFileId ? await findFile(db, workspace.id, workspace.logoFileId) : undefined;
    if (!file?.contentType.startsWith('image/')) return reply.callNotFound();
    const etag = `"${file.sha256.slice(0, 32)}"`;
    reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      // An SVG logo may carry script: it can be shown as an image, never run as a document of ours.
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
      .header('cache-control', 'public, max-age=300')
      .header('etag', etag);
    if (isFresh(request, etag)) return reply.status(304).send();
    return reply.send(await platform.storage.get(file.storageKey));
  });

  // Static routes (and other modules' wildcards) win over this one, so it only sees unknown paths.
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    if (NOT_PUBLIC.test(request.url)) return reply.callNotFound();
    const ctx = await contextOf(request);
    const path = request.url.split('?')[0] ?? '/';
    return sendPage(request, reply, ctx, renderNotFoundPage(ctx, path), 404);
  });
}
