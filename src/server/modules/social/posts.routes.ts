/** Routes of social: posts (composer, scheduling, queue slots, publication ledger). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.js';

export async function socialPostRoutes(_app: FastifyInstance, _options: { platform: Platform }) {}
