/**
 * Images of the file store shown in emails and the archive. Files are private; an email needs an
 * absolute public URL, so the renderer signs one per (workspace, file) it places in an issue (and
 * the workspace logo). Only links the renderer made are served: nothing else of the store is public.
 * The path carries the file id and the signature apart (`/n/image/<file id>/<signature>`): a single
 * token holding both would pass Fastify's 100-character limit on a path parameter.
 */
import { timingSafeEqual } from 'node:crypto';
import { signToken } from '../../../platform/signed-token.js';
import type { LinkSigner } from '../newsletter-links.js';

export const NEWSLETTER_IMAGE_PATH = '/n/image/:fileId/:signature';

/** The types email clients show; SVG is refused (most clients do not display it, and it may carry script). */
export const EMAIL_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

const PURPOSE = 'newsletter.image';

function signatureOf(secretKey: string, workspaceId: string, fileId: string): string {
  return signToken(secretKey, PURPOSE, [workspaceId, fileId]).split('.')[1] as string;
}

export function newsletterImageUrl(signer: LinkSigner, workspaceId: string, fileId: string): string {
  return `${signer.publicUrl}/n/image/${fileId}/${signatureOf(signer.secretKey, workspaceId, fileId)}`;
}

/** Whether `signature` is the one the renderer made for this file of this workspace. */
export function isNewsletterImageSignature(secretKey: string, workspaceId: string, fileId: string, signature: string): boolean {
  const expected = Buffer.from(signatureOf(secretKey, workspaceId, fileId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
