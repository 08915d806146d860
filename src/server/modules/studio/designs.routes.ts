/** Routes of the studio: visual designs: templates, live preview, export, saved designs. */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function designRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
