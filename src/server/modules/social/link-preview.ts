/**
 * A link's preview (title, description, image) read from its page's Open Graph tags, for the composer
 * to show what the network will show. The server fetches a URL a member typed, so it refuses what
 * would let a member probe the inside of the network: only http(s) on the standard ports, every
 * address the name resolves to checked at connection time (no loopback, private, link-local or
 * reserved address, so a DNS answer cannot be swapped after a check), three redirects at most (each
 * checked again), 5 seconds, 512 KB. Any failure gives no preview, never an error: the link still goes.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { type LinkPreview, SOCIAL_POST_LIMITS } from '../../../shared/social/posts.schema.js';

const TIMEOUT_MS = 5_000;
const MAX_BYTES = 512 * 1024;
const MAX_REDIRECTS = 3;

/** Whether an address is one a public web page cannot have (IPv4 and IPv6, mapped forms included). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  const value = mapped?.[1] ?? address;
  if (isIP(value) === 4) {
    const [a = 0, b = 0] = value.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const lower = value.toLowerCase();
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff');
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** dns.lookup that fails for private addresses, used by the socket itself (checked where it connects). */
function publicOnlyLookup(hostname: string, options: object, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    if (list.length === 0 || list.some((entry) => isPrivateAddress(entry.address))) {
      return callback(Object.assign(new Error(`${hostname} resolves to a private address`), { code: 'EPRIVATE' }), []);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    const [first] = list as [LookupAddress];
    return callback(null, first.address, first.family);
  });
}

interface FetchOptions {
  /** Tests reach their local page; the app never sets it. */
  allowPrivateAddresses?: boolean;
}

function get(url: URL, options: FetchOptions): Promise<{ status: number; location?: string; contentType: string; body: string }> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(
      url,
      {
        timeout: TIMEOUT_MS,
        headers: { 'user-agent': 'TawasulLinkPreview/1.0', accept: 'text/html,application/xhtml+xml' },
        ...(options.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup as never }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > MAX_BYTES) {
            response.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('close', () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The content of `<meta property|name="…" content="…">`, whatever the attributes' order. */
function metaContent(html: string, names: readonly string[]): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const key = /\b(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1]?.toLowerCase();
    if (!key || !names.includes(key)) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1] ?? /\bcontent\s*=\s*'([^']*)'/i.exec(tag)?.[1];
    if (content?.trim()) return decodeEntities(content.trim());
  }
  return undefined;
}

/** Title, description and image of a page's HTML (Open Graph first, then Twitter cards, then `<title>`). */
export function parseLinkPreview(html: string, pageUrl: string): LinkPreview | null {
  const title =
    metaContent(html, ['og:title', 'twitter:title']) ?? decodeEntities(/<title[^>]*>([^<]*)<\/title>/i.exec(html)?.[1]?.trim() ?? '');
  const description = metaContent(html, ['og:description', 'twitter:description', 'description']) ?? '';
  const image = metaContent(html, ['og:image', 'og:image:url', 'twitter:image']);
  let imageUrl: string | null = null;
  if (image) {
    try {
      const absolute = new URL(image, pageUrl);
      if (absolute.protocol === 'https:' || absolute.protocol === 'http:')
        imageUrl = absolute.toString().slice(0, SOCIAL_POST_LIMITS.linkLength);
    } catch {
      imageUrl = null;
    }
  }
  if (!title && !description && !imageUrl) return null;
  return {
    title: [...title].slice(0, SOCIAL_POST_LIMITS.previewTitleLength).join(''),
    description: [...description].slice(0, SOCIAL_POST_LIMITS.previewDescriptionLength).join(''),
    imageUrl,
  };
}

/** The preview of `url`, or null when the page cannot be read safely or says nothing. */
export async function fetchLinkPreview(url: string, options: FetchOptions = {}): Promise<LinkPreview | null> {
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return null;
  }
  for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
    if (current.protocol !== 'https:' && current.protocol !== 'http:') return null;
    if (current.port && current.port !== '80' && current.port !== '443' && !options.allowPrivateAddresses) return null;
    const answer = await get(current, options).catch(() => undefined);
    if (!answer) return null;
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      current = new URL(answer.location, current);
      continue;
    }
    if (answer.status !== 200 || !/html/i.test(answer.contentType)) return null;
    return parseLinkPreview(answer.body, current.toString());
  }
  return null;
}
