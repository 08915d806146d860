/** Routes of social: connected pages (Meta login flow, sealed tokens, reconnection). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function socialChannelRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
