/**
 * Images of the file store shown in emails and the archive. Files are private; an email needs an
 * absolute public URL, so the renderer signs one per (workspace, file) it places in an issue (and
 * the workspace logo). Only links the renderer made are served: nothing else of the store is public.
 */
import { signToken, verifyToken } from '../../../platform/signed-token.js';
import type { LinkSigner } from '../newsletter-links.js';

export const NEWSLETTER_IMAGE_PATH = '/n/image/:token';

/** The types email clients show; SVG is refused (most clients do not display it, and it may carry script). */
export const EMAIL_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

const PURPOSE = 'newsletter.image';

export function newsletterImageUrl(signer: LinkSigner, workspaceId: string, fileId: string): string {
  return signer.publicUrl + NEWSLETTER_IMAGE_PATH.replace(':token', signToken(signer.secretKey, PURPOSE, [workspaceId, fileId]));
}

export function readNewsletterImageToken(secretKey: string, token: string): { workspaceId: string; fileId: string } | undefined {
  const parts = verifyToken(secretKey, PURPOSE, token);
  if (parts?.length !== 2 || !parts[0] || !parts[1]) return undefined;
  return { workspaceId: parts[0], fileId: parts[1] };
}
