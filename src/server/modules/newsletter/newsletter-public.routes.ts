/** Routes of the newsletter: public sign-up, confirmation, preferences and unsubscribe pages. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function newsletterPublicRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
