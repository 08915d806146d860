/** Upload (multipart, one file) and download of workspace files. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { contextOf, requirePermission } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { createFilesService } from './files.service.js';

const WorkspaceParams = z.object({ workspaceId: z.string() });
const FileSchema = z.object({
  id: z.string(),
  originalName: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  sha256: z.string(),
});
const tags = ['files'];

export async function fileRoutes(app: FastifyInstance, { platform }: { platform: Platform }) {
  const db = platform.database.db;
  const service = createFilesService(db, platform.storage, platform.config.uploadMaxBytes);
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/workspaces/:workspaceId/files', {
    schema: { tags, params: WorkspaceParams, consumes: ['multipart/form-data'], response: { 201: FileSchema } },
    onRequest: requirePermission(db, 'files:write'),
    handler: async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
      const part = await request.file();
      if (!part) throw new AppError('VALIDATION_FAILED', { fields: { file: 'REQUIRED' } });
      const bytes = await part.toBuffer().catch((error: unknown) => {
        throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round(platform.config.uploadMaxBytes / 1048576) }, cause: error });
      });
      const ctx = contextOf(request);
      const file = await service.upload({
        workspaceId: ctx.membership.workspaceId,
        userId: ctx.actor.user.id,
        fileName: part.filename,
        bytes,
      });
      return reply.status(201).send(file);
    },
  });

  r.get('/api/workspaces/:workspaceId/files/:fileId', {
    schema: { tags, params: WorkspaceParams.extend({ fileId: z.string().uuid() }) },
    onRequest: requirePermission(db, 'workspace:read'),
    handler: async (request, reply) => {
      const { membership } = contextOf(request);
      const { file, bytes } = await service.read(membership.workspaceId, request.params.fileId, membership.role);
      // Uploaded SVG may carry scripts: never let a file run as a page of ours.
      return reply
        .type(file.contentType)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(bytes);
    },
  });
}
