/**
 * Names of exported designs. The title is the user's text: it may hold slashes, quotes, control
 * characters or only Arabic letters, so the name is cleaned for any file system, and the header
 * carries an ASCII fallback beside the UTF-8 form (RFC 6266).
 */
import type { RenderVariant } from '../../../shared/render/render.schema.js';

const UNSAFE_IN_NAMES = /[\p{Cc}"*/:<>?\\|\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;

/** "Affiche forum Sfax-bilingual.pdf": the title without characters a file system or a header refuses. */
export function downloadName(title: string, variant: RenderVariant, extension: string): string {
  const base = title.normalize('NFC').replace(UNSAFE_IN_NAMES, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+/, '').slice(0, 100).trim();
  return `${base || 'design'}-${variant}.${extension}`;
}

/** The ASCII form: accents dropped, anything else outside ASCII letters and digits turned to `-`. */
export function asciiName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const ascii = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${ascii || 'design'}${extension.replace(/[^A-Za-z0-9.]/g, '')}`;
}

/** `attachment` with both forms of the name. */
export function attachmentDisposition(fileName: string): string {
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987 wants them encoded.
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiName(fileName)}"; filename*=UTF-8''${encoded}`;
}
