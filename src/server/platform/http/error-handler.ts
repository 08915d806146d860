/** Turns every thrown error into `application/problem+json` with a stable code and localized words. */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { Translate } from '../../../shared/i18n/translator.js';
import { AppError, type FieldErrors, fromDatabaseError } from '../errors.js';
import { translatorFor } from '../i18n.js';
import { requestLocale } from './request-locale.js';

const ZOD_CODE_TO_FIELD_CODE: Record<string, string> = {
  invalid_type: 'INVALID_TYPE',
  too_big: 'TOO_LONG',
  too_small: 'TOO_SHORT',
  unrecognized_keys: 'UNKNOWN_FIELD',
  invalid_format: 'INVALID_FORMAT',
  invalid_value: 'INVALID_VALUE',
  invalid_key: 'INVALID_VALUE',
  invalid_union: 'INVALID_VALUE',
  custom: 'INVALID_VALUE',
};

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Field path → field code. Custom codes (UPPER_CASE messages from our schemas) win over zod's. */
export function fieldErrorsFromValidation(items: ValidationItem[], context?: string): FieldErrors {
  const fields: FieldErrors = {};
  for (const item of items) {
    const base = item.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const custom = item.message && /^[A-Z_]+$/.test(item.message) ? item.message : undefined;
    let code = custom ?? ZOD_CODE_TO_FIELD_CODE[item.keyword] ?? 'INVALID_VALUE';
    if (item.keyword === 'invalid_type' && item.params?.input === undefined) code = 'REQUIRED';
    if (item.keyword === 'unrecognized_keys') {
      for (const key of (item.params?.keys as string[] | undefined) ?? []) fields[[base, key].filter(Boolean).join('.')] = 'UNKNOWN_FIELD';
      continue;
    }
    const path = base || context || '_';
    fields[path] ??= code;
  }
  return fields;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError & { validationContext?: string }).validationContext;
    return new AppError('VALIDATION_FAILED', { fields: fieldErrorsFromValidation(error.validation, context), cause: error });
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE', { cause: error });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('INVALID_JSON', { cause: error });
    case 'FST_ERR_VALIDATION':
      return new AppError('VALIDATION_FAILED', { cause: error });
  }
  if (fastifyError.statusCode === 400 && fastifyError instanceof SyntaxError) return new AppError('INVALID_JSON', { cause: error });
  if (fastifyError.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE', { cause: error });
  if (fastifyError.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE', { cause: error });
  if (fastifyError.statusCode === 429) return new AppError('RATE_LIMITED', { cause: error });
  return fromDatabaseError(error) ?? new AppError('INTERNAL', { cause: error });
}

/**
 * A param named `<name>Key` holds a catalog key: the requester reads `<name>` in their own words
 * (`REFUSED_BY_RULE` with `reasonKey: 'fieldErrors.EMAIL_SUPPRESSED'` says why). Both stay in the
 * answer's `params`, so a client re-wording the message from them gets the same sentence.
 */
export function localizeParams(params: Record<string, unknown>, t: Translate): Record<string, unknown> {
  const out = { ...params };
  for (const [name, value] of Object.entries(params)) {
    const target = name.endsWith('Key') ? name.slice(0, -'Key'.length) : '';
    if (target && typeof value === 'string' && out[target] === undefined) out[target] = t(value);
  }
  return out;
}

/** The problem document for an error, in `locale`. */
export function problemBody(error: AppError, request: FastifyRequest) {
  const t = translatorFor(requestLocale(request));
  const params = localizeParams(error.params, t);
  const fields = error.fields
    ? Object.fromEntries(Object.entries(error.fields).map(([path, code]) => [path, { code, message: t(`fieldErrors.${code}`) }]))
    : undefined;
  return {
    type: `about:blank#${error.code}`,
    title: error.code,
    status: error.status,
    code: error.code,
    message: t(`errors.${error.code}`, params),
    params,
    ...(fields ? { fields } : {}),
  };
}

/** Installs the error and not-found handlers. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(appError.status).type('application/problem+json').send(problemBody(appError, request));
  });
  app.setNotFoundHandler((request, reply) => {
    const appError = new AppError('NOT_FOUND');
    reply.status(404).type('application/problem+json').send(problemBody(appError, request));
  });
}
