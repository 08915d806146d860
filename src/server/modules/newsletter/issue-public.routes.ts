/**
 * Public routes of the composer, no sign-in: signed newsletter images, the public archive of sent
 * issues, and the page behind a test email's links. Pages are server-rendered in the public shell.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import type { Platform } from '../../platform/platform.js';
import { createPublicContext, type PublicContext } from '../../public-site/public-context.js';
import {
  ARCHIVE_PATH,
  archiveVariantFor,
  renderArchiveIssuePage,
  renderArchiveListPage,
  renderTestLinkPage,
} from './issue-archive.pages.js';
import { findFileById, findSentIssue, findSentIssues } from './issues.repo.js';
import { EMAIL_IMAGE_TYPES, isNewsletterImageSignature, NEWSLETTER_IMAGE_PATH } from './render/image-links.js';
import { renderVariant, variantLanguages } from './render/issue-render.js';
import { loadRenderSettings } from './render/render-settings.js';
import { fillVariant, neutralMergeValues, TEST_LINK_PATH } from './render/sample-values.js';

const ARCHIVE_PAGE_SIZE = 30;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function sendHtml(reply: FastifyReply, ctx: PublicContext, body: string, options: { status?: number; cache?: string } = {}) {
  return reply
    .status(options.status ?? 200)
    .type('text/html; charset=utf-8')
    .header('content-language', ctx.lang)
    .header('vary', 'Accept-Language')
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'strict-origin-when-cross-origin')
    .header('cache-control', options.cache ?? 'public, max-age=60')
    .send(body);
}

/** A cursor of the archive, or undefined when absent or not one of ours (a bad one shows the first page). */
function archiveCursor(value: unknown) {
  if (typeof value !== 'string' || !value) return undefined;
  try {
    return decodeKeysetCursor(value, { sortKey: TIMESTAMP_SORT_KEY });
  } catch {
    return undefined;
  }
}

export async function issuePublicRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const contextOf = (request: FastifyRequest) =>
    createPublicContext(db, {
      lang: (request.query as Record<string, unknown> | undefined)?.lang,
      acceptLanguage: request.headers['accept-language'],
      publicUrl: platform.config.publicUrl,
    });

  app.get(NEWSLETTER_IMAGE_PATH, { schema: { hide: true } }, async (request, reply) => {
    const { fileId, signature } = request.params as { fileId: string; signature: string };
    const file = UUID.test(fileId) ? await findFileById(db, fileId) : undefined;
    const isSigned = file && isNewsletterImageSignature(platform.config.secretKey, file.workspaceId, file.id, signature);
    if (!file || !isSigned || !(EMAIL_IMAGE_TYPES as readonly string[]).includes(file.contentType)) return reply.callNotFound();
    const etag = `"${file.sha256.slice(0, 32)}"`;
    reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      // A file never changes under its id: mail clients and proxies may keep it.
      .header('cache-control', 'public, max-age=604800, immutable')
      .header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.status(304).send();
    return reply.send(await platform.storage.get(file.storageKey));
  });

  app.get(TEST_LINK_PATH, { schema: { hide: true } }, async (request, reply) => {
    const ctx = await contextOf(request);
    return sendHtml(reply, ctx, renderTestLinkPage(ctx), { cache: 'no-cache' });
  });

  app.get(ARCHIVE_PATH, { schema: { hide: true } }, async (request, reply) => {
    const ctx = await contextOf(request);
    if (!ctx.workspace) return sendHtml(reply, ctx, renderArchiveListPage(ctx, [], null));
    const cursor = archiveCursor((request.query as Record<string, unknown>).cursor);
    const rows = await findSentIssues(db, ctx.workspace.id, ARCHIVE_PAGE_SIZE, cursor);
    const page = rows.slice(0, ARCHIVE_PAGE_SIZE);
    const last = page.at(-1);
    const next = rows.length > ARCHIVE_PAGE_SIZE && last ? encodeCursor({ sortKey: last.sortKey, id: last.id }) : null;
    return sendHtml(reply, ctx, renderArchiveListPage(ctx, page, next));
  });

  app.get(`${ARCHIVE_PATH}/:issueId`, { schema: { hide: true } }, async (request, reply) => {
    const ctx = await contextOf(request);
    const { issueId } = request.params as { issueId: string };
    const issue = ctx.workspace && UUID.test(issueId) ? await findSentIssue(db, ctx.workspace.id, issueId) : undefined;
    if (!issue) return reply.callNotFound();
    const variant = archiveVariantFor(issue, ctx.lang);
    const settings = await loadRenderSettings(platform, issue.workspaceId);
    const rendered = await renderVariant(issue, variant, settings, { footer: 'archive' });
    const language = variantLanguages(issue, variant)[0] ?? ctx.lang;
    const email = fillVariant(rendered, neutralMergeValues(language, platform.config.publicUrl));
    const body = renderArchiveIssuePage(ctx, issue, email);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    if (request.headers['if-none-match'] === etag) return reply.status(304).header('etag', etag).send();
    return sendHtml(reply.header('etag', etag), ctx, body);
  });
}
