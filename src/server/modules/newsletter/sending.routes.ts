/** Routes of the newsletter: starting, pausing, resuming and cancelling sends; progress. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function newsletterSendingRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
