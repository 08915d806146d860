/** Routes of the newsletter: CSV import and export of subscribers. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function subscriberImportRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
