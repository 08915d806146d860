/** Serves the built web app (dist/web) at /app, with index.html for every client-side route. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Platform } from './platform/platform.js';

export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function webAppRoutes(app: FastifyInstance, _options: { platform: Platform }) {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    app.get('/app', { schema: { hide: true } }, async (_request, reply) =>
      reply.status(503).type('text/plain; charset=utf-8').send('The web app is not built: run `npm run build`.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: WEB_DIST,
    prefix: '/app/',
    index: false,
    wildcard: false,
    maxAge: '1y',
    immutable: true,
  });
  const sendIndex = async (_request: unknown, reply: import('fastify').FastifyReply) =>
    reply.header('cache-control', 'no-cache').sendFile('index.html', WEB_DIST, { maxAge: 0, immutable: false });
  app.get('/app', { schema: { hide: true } }, sendIndex);
  app.get('/app/*', { schema: { hide: true } }, async (request, reply) => {
    // Hashed assets are served by the static plugin above; anything else is a client route.
    if ((request.params as { '*': string })['*'].startsWith('assets/')) return reply.callNotFound();
    return sendIndex(request, reply);
  });
}
