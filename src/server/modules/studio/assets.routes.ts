/** Routes of the studio: the asset library: uploads, metadata, consent, search. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function assetRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
