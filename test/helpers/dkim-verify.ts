/**
 * A small DKIM verifier (RFC 6376, rsa-sha256, relaxed or simple canonicalization) for tests: checks
 * the body hash and the signature of a raw message against a public key, with node:crypto only.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';

interface RawHeader {
  name: string;
  /** The whole field, folded lines included, without the final CRLF. */
  field: string;
}

function splitMessage(raw: string): { headers: RawHeader[]; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end + 4);
  const headers: RawHeader[] = [];
  for (const line of head.split('\r\n')) {
    if (/^[ \t]/.test(line) && headers.length > 0) (headers.at(-1) as RawHeader).field += `\r\n${line}`;
    else headers.push({ name: line.slice(0, line.indexOf(':')).trim(), field: line });
  }
  return { headers, body };
}

function relaxedHeader(field: string): string {
  const colon = field.indexOf(':');
  const name = field.slice(0, colon).trim().toLowerCase();
  const value = field
    .slice(colon + 1)
    .replace(/\r\n(?=[ \t])/g, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return `${name}:${value}`;
}

function canonicalBody(body: string, mode: string): string {
  let lines = body.split('\r\n');
  if (mode === 'relaxed') lines = lines.map((line) => line.replace(/[ \t]+/g, ' ').replace(/ $/, ''));
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  if (lines.length === 0) return mode === 'relaxed' ? '' : '\r\n';
  return `${lines.join('\r\n')}\r\n`;
}

export interface DkimResult {
  isValid: boolean;
  isBodyHashValid: boolean;
  domain: string;
  selector: string;
  signedHeaders: string[];
}

/** Verifies the first DKIM-Signature of `rawMessage` with `publicKeyPem`. */
export function verifyDkim(rawMessage: Buffer | string, publicKeyPem: string): DkimResult {
  const raw = Buffer.isBuffer(rawMessage) ? rawMessage.toString('binary') : rawMessage;
  const { headers, body } = splitMessage(raw);
  const signature = headers.find((header) => header.name.toLowerCase() === 'dkim-signature');
  if (!signature) throw new Error('no DKIM-Signature header');
  const tagText = signature.field.slice(signature.field.indexOf(':') + 1).replace(/\r\n[ \t]/g, '');
  const tags = Object.fromEntries(
    tagText
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).replace(/\s+/g, '')]),
  ) as Record<string, string>;
  const [headerMode = 'simple', bodyMode = 'simple'] = (tags.c ?? 'simple/simple').split('/');
  const bodyHash = createHash('sha256').update(canonicalBody(body, bodyMode), 'binary').digest('base64');
  const signedHeaders = (tags.h ?? '').split(':').map((name) => name.trim().toLowerCase());
  // Each name takes the bottom-most instance not used yet (RFC 6376 §5.4.2).
  const used = new Set<RawHeader>();
  const lines: string[] = [];
  for (const name of signedHeaders) {
    const instance = [...headers]
      .reverse()
      .find((header) => header.name.toLowerCase() === name && !used.has(header) && header !== signature);
    if (!instance) continue;
    used.add(instance);
    lines.push(headerMode === 'relaxed' ? relaxedHeader(instance.field) : instance.field);
  }
  const unsigned = signature.field.replace(/(\bb=)[^;]*/, '$1');
  const signatureLine = headerMode === 'relaxed' ? relaxedHeader(unsigned) : unsigned;
  const data = `${lines.map((line) => `${line}\r\n`).join('')}${signatureLine}`;
  const isValid = verify('sha256', Buffer.from(data, 'binary'), createPublicKey(publicKeyPem), Buffer.from(tags.b ?? '', 'base64'));
  return { isValid, isBodyHashValid: bodyHash === tags.bh, domain: tags.d ?? '', selector: tags.s ?? '', signedHeaders };
}
