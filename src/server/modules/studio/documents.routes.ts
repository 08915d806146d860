/** Routes of the studio: documents laid out as branded PDFs. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function studioDocumentRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
