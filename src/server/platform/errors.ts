/**
 * One error type with stable codes (STYLE G7). Services throw `AppError(code, { params, fields })`;
 * only the HTTP edge turns it into `application/problem+json` with a message in the requester's language.
 */

/** Every error code and its HTTP status. Messages live in the catalogs under `errors.<CODE>`. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  /** Approval workflow: a language missing or unreviewed blocks scheduling; one approval per person; no approving one's own submission. */
  LANGUAGES_INCOMPLETE: 409,
  ALREADY_APPROVED: 409,
  OWN_SUBMISSION: 403,
  INVITATION_INVALID: 410,
  LINK_INVALID: 410,
  FILE_TYPE_MISMATCH: 415,
  FILE_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SECRET_UNREADABLE: 500,
  CSV_UNREADABLE: 422,
  INVALID_STATE: 409,
  NOT_APPROVED: 409,
  NO_RECIPIENTS: 422,
  SMTP_NOT_CONFIGURED: 409,
  RENDER_FAILED: 422,
  IMAGE_TOO_LARGE: 413,
  NEEDS_RECONNECTION: 409,
  /** Social channels: the page refused for a reason the officer can act on. */
  CHANNEL_PERMISSION_MISSING: 403,
  CHANNEL_THROTTLED: 429,
  CHANNEL_DUPLICATE_CONTENT: 409,
  CHANNEL_UNAVAILABLE: 502,
  /** No Meta app on this server (FACEBOOK_APP_ID / FACEBOOK_APP_SECRET): no page can be connected. */
  FACEBOOK_NOT_CONFIGURED: 409,
  /** A network login (OAuth state, pending choice of pages) older than its lifetime, or already used. */
  LOGIN_EXPIRED: 410,
  /** A business rule refused the action (e.g. an unsubscribed person cannot be re-added by hand). */
  REFUSED_BY_RULE: 409,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Per-field problems: field path → code (translated under `fieldErrors.<CODE>`). */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, unknown>;
  readonly fields: FieldErrors | undefined;

  constructor(code: ErrorCode, options: { params?: Record<string, unknown>; fields?: FieldErrors; cause?: unknown } = {}) {
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.params = options.params ?? {};
    this.fields = options.fields;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/** Maps PostgreSQL errors (SQLSTATE) to codes, so a unique violation is a 409, not a 500. */
export function fromDatabaseError(error: unknown): AppError | undefined {
  const candidate = error as { code?: string; cause?: { code?: string; constraint_name?: string; constraint?: string } };
  const code = candidate?.code ?? candidate?.cause?.code;
  if (code === '23505') return new AppError('ALREADY_EXISTS', { cause: error });
  if (code === '23503') return new AppError('NOT_FOUND', { cause: error });
  if (code === '22P02' || code === '22001') return new AppError('VALIDATION_FAILED', { cause: error });
  return undefined;
}
