/**
 * Every link of the newsletter that works without signing in, signed with SECRET_KEY (signed-token.ts):
 * built by the sending engine per message, verified by the public routes. One place for the paths.
 */
import { signToken, verifyToken } from '../../platform/signed-token.js';

export const NEWSLETTER_PUBLIC_PATHS = {
  /** GET: a page with one button; POST: RFC 8058 one-click (`List-Unsubscribe=One-Click`). */
  unsubscribe: '/n/unsubscribe/:token',
  preferences: '/n/preferences/:token',
  /** Double opt-in confirmation. */
  confirm: '/n/confirm/:token',
  /** 1×1 GIF. */
  open: '/n/open/:token',
  /** 302 to the URL signed inside the token; never to another one (no open redirect). */
  click: '/n/click/:token',
  /** The public sign-up page and archive, in the public site's shell. */
  signUp: '/newsletter',
  archive: '/newsletter/archive',
} as const;

const PURPOSE = {
  unsubscribe: 'newsletter.unsubscribe',
  preferences: 'newsletter.preferences',
  confirm: 'newsletter.confirm',
  open: 'newsletter.open',
  click: 'newsletter.click',
} as const;

export interface LinkSigner {
  readonly secretKey: string;
  readonly publicUrl: string;
}

const path = (template: string, token: string) => template.replace(':token', token);

/** Unsubscribe link for a subscriber; with a delivery, the unsubscribe is counted for that issue. */
export function unsubscribeUrl(signer: LinkSigner, subscriberId: string, deliveryId?: number): string {
  const token = signToken(signer.secretKey, PURPOSE.unsubscribe, [subscriberId, deliveryId === undefined ? '' : String(deliveryId)]);
  return signer.publicUrl + path(NEWSLETTER_PUBLIC_PATHS.unsubscribe, token);
}

export function readUnsubscribeToken(secretKey: string, token: string): { subscriberId: string; deliveryId?: number } | undefined {
  const parts = verifyToken(secretKey, PURPOSE.unsubscribe, token);
  if (!parts || parts.length !== 2 || !parts[0]) return undefined;
  return { subscriberId: parts[0], ...(parts[1] ? { deliveryId: Number(parts[1]) } : {}) };
}

export function preferencesUrl(signer: LinkSigner, subscriberId: string): string {
  return signer.publicUrl + path(NEWSLETTER_PUBLIC_PATHS.preferences, signToken(signer.secretKey, PURPOSE.preferences, [subscriberId]));
}

export function readPreferencesToken(secretKey: string, token: string): { subscriberId: string } | undefined {
  const parts = verifyToken(secretKey, PURPOSE.preferences, token);
  return parts?.length === 1 && parts[0] ? { subscriberId: parts[0] } : undefined;
}

/** Confirmation of a double opt-in; `issuedAt` (ms) lets the route refuse links older than a week. */
export function confirmUrl(signer: LinkSigner, subscriberId: string, issuedAt = Date.now()): string {
  return (
    signer.publicUrl + path(NEWSLETTER_PUBLIC_PATHS.confirm, signToken(signer.secretKey, PURPOSE.confirm, [subscriberId, String(issuedAt)]))
  );
}

export function readConfirmToken(secretKey: string, token: string): { subscriberId: string; issuedAt: number } | undefined {
  const parts = verifyToken(secretKey, PURPOSE.confirm, token);
  if (!parts || parts.length !== 2 || !parts[0] || !/^\d+$/.test(parts[1] ?? '')) return undefined;
  return { subscriberId: parts[0], issuedAt: Number(parts[1]) };
}

export function openPixelUrl(signer: LinkSigner, deliveryId: number): string {
  return signer.publicUrl + path(NEWSLETTER_PUBLIC_PATHS.open, signToken(signer.secretKey, PURPOSE.open, [String(deliveryId)]));
}

export function readOpenToken(secretKey: string, token: string): { deliveryId: number } | undefined {
  const parts = verifyToken(secretKey, PURPOSE.open, token);
  return parts?.length === 1 && /^\d+$/.test(parts[0] ?? '') ? { deliveryId: Number(parts[0]) } : undefined;
}

/** A tracked link: the token signs the delivery and the exact target URL. */
export function clickUrl(signer: LinkSigner, deliveryId: number, targetUrl: string): string {
  const digest = signToken(signer.secretKey, PURPOSE.click, [String(deliveryId), Buffer.from(targetUrl).toString('base64url')]);
  return `${signer.publicUrl}${path(NEWSLETTER_PUBLIC_PATHS.click, digest)}`;
}

/** The delivery and the target URL of a valid click token; any change to either is refused. */
export function readClickToken(secretKey: string, token: string): { deliveryId: number; targetUrl: string } | undefined {
  const parts = verifyToken(secretKey, PURPOSE.click, token);
  if (parts?.length !== 2 || !/^\d+$/.test(parts[0] ?? '')) return undefined;
  const targetUrl = Buffer.from(parts[1] ?? '', 'base64url').toString('utf8');
  return /^https?:\/\//i.test(targetUrl) ? { deliveryId: Number(parts[0]), targetUrl } : undefined;
}
