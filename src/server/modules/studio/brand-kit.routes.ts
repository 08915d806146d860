/** Routes of the studio: the brand kit and the partner logo strip. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function brandKitRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
