/**
 * Resolves the better-auth session of each request into `request.actor`, checks CSRF on every unsafe
 * method of a cookie session, and mounts better-auth's own endpoints under /api/auth.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromNodeHeaders } from 'better-auth/node';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Auth, CLIENT_IP_HEADER } from '../auth/auth.js';
import { AppError } from '../errors.js';
import { appErrorFromAuthResponse } from './auth-errors.js';
import { WriteClearedCache } from './write-cleared-cache.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-csrf-token';

/** The CSRF token of a session: an HMAC of its id, so nothing extra is stored. */
export function csrfTokenFor(secret: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`csrf:${sessionId}`).digest('base64url');
}

function isValidCsrf(secret: string, sessionId: string, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(secret, sessionId));
  const given = Buffer.from(token);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

function requestHeaders(request: FastifyRequest): Headers {
  const headers = fromNodeHeaders(request.headers);
  headers.set(CLIENT_IP_HEADER, request.ip);
  return headers;
}

/** The session cookie's value (plain or `__Secure-` prefixed), or undefined. */
function sessionTokenOf(cookieHeader: string | undefined): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'tawasul.session_token' || name === '__Secure-tawasul.session_token') return value.join('=');
  }
  return undefined;
}

export function installSession(
  app: FastifyInstance,
  auth: Auth,
  options: { secret: string; publicUrl: string; cacheSessions: boolean },
): void {
  const cache = options.cacheSessions
    ? new WriteClearedCache<NonNullable<FastifyRequest['actor']>>({ ttlMs: 30_000, maxEntries: 10_000 })
    : undefined;

  async function resolveActor(request: FastifyRequest, token: string): Promise<FastifyRequest['actor']> {
    const cached = cache?.get(token);
    if (cached) return cached;
    const generation = cache?.generation ?? 0;
    const result = await auth.api.getSession({ headers: requestHeaders(request) });
    if (!result) return undefined;
    const user = result.user as typeof result.user & { locale?: string };
    const actor = {
      user: { id: user.id, name: user.name, email: user.email, locale: user.locale ?? 'fr' },
      sessionId: result.session.id,
    };
    cache?.set(token, actor, generation, new Date(result.session.expiresAt).getTime());
    return actor;
  }

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/app')) return;
    if (request.url.startsWith('/api/auth/')) return;
    const token = sessionTokenOf(request.headers.cookie);
    if (!token) return;
    const actor = await resolveActor(request, token);
    if (!actor) return;
    request.actor = actor;
    if (UNSAFE_METHODS.has(request.method) && !isValidCsrf(options.secret, actor.sessionId, request.headers[CSRF_HEADER])) {
      throw new AppError('CSRF_FAILED');
    }
  });

  // better-auth speaks Fetch; bridge Fastify requests to it and copy every Set-Cookie back.
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    handler: async (request, reply) => {
      const url = new URL(request.url, options.publicUrl);
      const headers = requestHeaders(request);
      const hasBody = request.method !== 'GET' && request.body !== undefined;
      if (hasBody) headers.set('content-type', 'application/json');
      const response = await auth.handler(
        new Request(url, { method: request.method, headers, body: hasBody ? JSON.stringify(request.body) : undefined }),
      );
      reply.status(response.status);
      for (const [name, value] of response.headers) {
        if (name.toLowerCase() !== 'set-cookie') reply.header(name, value);
      }
      const cookies = response.headers.getSetCookie();
      if (cookies.length > 0) reply.header('set-cookie', cookies);
      const text = await response.text();
      const error = appErrorFromAuthResponse(response.status, text, url.pathname);
      if (error) throw error;
      return reply.send(text || null);
    },
  });
}
