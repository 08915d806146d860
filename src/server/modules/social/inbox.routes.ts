/** Routes of social: the comments inbox (reply, hide, handled). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function socialInboxRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
