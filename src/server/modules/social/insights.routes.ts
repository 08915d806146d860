/** Routes of social: page and post insights stored daily. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function socialInsightRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
