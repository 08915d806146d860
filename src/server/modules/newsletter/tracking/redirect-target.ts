/** The Location of a click redirect: only an absolute http(s) URL with a host, and nothing that could split a header. */

function hasControlOrSpace(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f) return true;
  }
  return false;
}

/** The URL to redirect to, or undefined when it must not be followed. Non-ASCII URLs are sent percent-encoded. */
export function redirectTarget(signedUrl: string): string | undefined {
  // Control characters and spaces never belong in a URL we signed; refusing them rules out header splitting.
  if (hasControlOrSpace(signedUrl)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(signedUrl);
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname) return undefined;
  if (!/^https?:\/\/[^/\\]/i.test(signedUrl)) return undefined;
  // The exact signed text when it is plain ASCII; otherwise its WHATWG serialisation (same URL, encoded).
  return /^[\u0021-\u007e]+$/.test(signedUrl) ? signedUrl : parsed.href;
}
