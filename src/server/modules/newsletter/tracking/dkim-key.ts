/**
 * DKIM keys: checks a pasted private key, derives the DNS TXT record from it, and generates new
 * pairs. RSA only, because the SMTP client (nodemailer) signs with `rsa-sha256`.
 */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

const generate = promisify(generateKeyPair);

/** Receivers ignore shorter keys (RFC 8301); new keys are 2048 bits. */
export const DKIM_MIN_BITS = 1024;
export const DKIM_GENERATED_BITS = 2048;

/** The key of a PEM (PKCS#8 or PKCS#1, unencrypted, RSA of at least 1024 bits), or undefined. */
export function parseDkimPrivateKey(pem: string): KeyObject | undefined {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem.trim(), format: 'pem' });
  } catch {
    return undefined;
  }
  if (key.asymmetricKeyType !== 'rsa') return undefined;
  return (key.asymmetricKeyDetails?.modulusLength ?? 0) >= DKIM_MIN_BITS ? key : undefined;
}

/** One canonical form to store: PKCS#8 PEM. */
export function toPkcs8Pem(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The TXT value to publish at `<selector>._domainkey.<domain>`. */
export function dkimDnsValue(privateKey: KeyObject): string {
  const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  return `v=DKIM1; k=rsa; p=${der.toString('base64')}`;
}

export function dkimDnsName(selector: string | null, domain: string | null): string | null {
  return selector && domain ? `${selector}._domainkey.${domain}` : null;
}

/** A fresh RSA private key as PKCS#8 PEM (the public half is derived when needed). */
export async function generateDkimPrivateKey(): Promise<string> {
  const { privateKey } = await generate('rsa', {
    modulusLength: DKIM_GENERATED_BITS,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return privateKey;
}
