/** Routes of the newsletter: open pixel, click redirect, bounces, statistics, settings. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function newsletterTrackingRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
