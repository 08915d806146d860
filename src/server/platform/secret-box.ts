/**
 * Secrets stored in the database (DKIM keys, channel tokens) are encrypted with AES-256-GCM under a
 * key derived from SECRET_KEY, so a leaked database dump alone does not leak them.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from './errors.js';

const VERSION = 'v1';

function keyOf(secretKey: string, purpose: string): Buffer {
  return createHash('sha256').update(`tawasul:secret-box:${purpose}:${secretKey}`).digest();
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url). `purpose` separates keys per use. */
export function sealSecret(secretKey: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey, purpose), iv);
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** Opens a sealed secret; a wrong key or a tampered value is an error, never garbage. */
export function openSecret(secretKey: string, purpose: string, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== VERSION || !iv || !tag || body === undefined) throw new AppError('SECRET_UNREADABLE');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey, purpose), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('SECRET_UNREADABLE');
  }
}
