/** Reads a multipart upload of one file (field `file`) and its text fields, whatever their order. */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.js';

export interface UploadedPart {
  fileName: string;
  bytes: Buffer;
  /** Text fields sent with the file (e.g. `metadata`, JSON). */
  fields: Record<string, string>;
}

export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<UploadedPart> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let file: { fileName: string; bytes: Buffer } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((error: unknown) => {
        throw new AppError('FILE_TOO_LARGE', { params: { maxMb: Math.round((maxBytes / 1048576) * 10) / 10 }, cause: error });
      });
      if (part.fieldname === 'file') file = { fileName: part.filename, bytes };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new AppError('VALIDATION_FAILED', { fields: { file: 'REQUIRED' } });
  return { ...file, fields };
}
