/** Routes of the newsletter: subscribers, lists, segments, consent (H1). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function subscriberRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
