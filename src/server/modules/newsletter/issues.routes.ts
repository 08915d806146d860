/** Routes of the newsletter: newsletter issues: composer, preview, test send, archive. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function newsletterIssueRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
