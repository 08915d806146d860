/**
 * Signed tokens for links that work without signing in (unsubscribe, preferences, opt-in
 * confirmation, tracking): `<payload>.<mac>`, an HMAC-SHA256 of the purpose and payload under
 * SECRET_KEY, so a token made for one purpose is refused for another and none can be forged.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function macOf(secretKey: string, purpose: string, payload: string): Buffer {
  return createHmac('sha256', secretKey).update(`${purpose}\n${payload}`).digest().subarray(0, 16);
}

/** A URL-safe token carrying `parts` (no dots or colons inside a part). */
export function signToken(secretKey: string, purpose: string, parts: readonly string[]): string {
  const payload = Buffer.from(parts.join(':'), 'utf8').toString('base64url');
  return `${payload}.${macOf(secretKey, purpose, payload).toString('base64url')}`;
}

/** The parts of a valid token of `purpose`, or undefined (forged, truncated, other purpose). */
export function verifyToken(secretKey: string, purpose: string, token: string): string[] | undefined {
  const [payload, mac, extra] = token.split('.');
  if (!payload || !mac || extra !== undefined) return undefined;
  const expected = macOf(secretKey, purpose, payload);
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  return Buffer.from(payload, 'base64url').toString('utf8').split(':');
}
