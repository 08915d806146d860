/**
 * better-auth answers its own endpoints with `{ code, message }` in English; the rest of the API speaks
 * problem+json in the requester's language (STYLE G7). This maps one to the other, so the web app shows
 * "wrong current password" next to the field, in Arabic or French, like every other error.
 */
import { AppError } from '../errors.js';

/** The field that holds the password an endpoint checks or sets. */
function passwordFieldOf(pathname: string): string {
  return pathname.endsWith('/change-password') || pathname.endsWith('/reset-password') ? 'newPassword' : 'password';
}

export function appErrorFromAuthResponse(status: number, body: string, pathname: string): AppError | undefined {
  if (status < 400) return undefined;
  let code = '';
  try {
    code = String((JSON.parse(body) as { code?: unknown }).code ?? '');
  } catch {
    // not JSON: decided by the status alone
  }
  const passwordField = passwordFieldOf(pathname);
  switch (code) {
    case 'INVALID_EMAIL_OR_PASSWORD':
      return new AppError('INVALID_CREDENTIALS');
    case 'INVALID_PASSWORD':
      return new AppError('VALIDATION_FAILED', { fields: { currentPassword: 'WRONG_PASSWORD' } });
    case 'PASSWORD_TOO_SHORT':
      return new AppError('VALIDATION_FAILED', { fields: { [passwordField]: 'TOO_SHORT' } });
    case 'PASSWORD_TOO_LONG':
      return new AppError('VALIDATION_FAILED', { fields: { [passwordField]: 'TOO_LONG' } });
    case 'INVALID_EMAIL':
      return new AppError('VALIDATION_FAILED', { fields: { email: 'INVALID_EMAIL' } });
    case 'INVALID_TOKEN':
    case 'TOKEN_EXPIRED':
      return new AppError('LINK_INVALID');
    case 'INVALID_ORIGIN':
    case 'MISSING_OR_NULL_ORIGIN':
      return new AppError('CSRF_FAILED');
  }
  if (status === 429) return new AppError('RATE_LIMITED');
  if (status === 401) return new AppError(pathname.endsWith('/sign-in/email') ? 'INVALID_CREDENTIALS' : 'UNAUTHENTICATED');
  if (status === 403) return new AppError('FORBIDDEN');
  if (status === 404) return new AppError('NOT_FOUND');
  if (status >= 500) return new AppError('INTERNAL');
  return new AppError('VALIDATION_FAILED');
}
