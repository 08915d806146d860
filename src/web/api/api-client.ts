/**
 * The one way the app talks to the server: same-origin cookies, the CSRF header on unsafe methods,
 * the interface language for error words, and problem documents turned into `ApiError`.
 */

/** A problem document from the server (`application/problem+json`), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: Record<string, unknown>;
  /** Field path (`name`, `name.ar.value`, `email`) → localized message. */
  readonly fields: Record<string, { code: string; message: string }>;

  constructor(status: number, body: { code?: string; message?: string; params?: Record<string, unknown>; fields?: ApiError['fields'] }) {
    super(body.message ?? body.code ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'INTERNAL';
    this.params = body.params ?? {};
    this.fields = body.fields ?? {};
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | undefined;
let interfaceLocale = 'fr';

/** Set from GET /api/me; every later unsafe request carries it. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** The language the server should answer errors in. */
export function setApiLocale(locale: string): void {
  interfaceLocale = locale;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
}

/** Builds `/api/...?a=b` skipping empty values. */
export function apiUrl(path: string, query: RequestOptions['query'] = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends a request; resolves with the JSON body (undefined for 204), rejects with `ApiError`. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return send<T>(
    apiUrl(path, options.query),
    options.method ?? 'GET',
    headers,
    options.body === undefined ? undefined : JSON.stringify(options.body),
  );
}

/** Uploads one file as `multipart/form-data` (field `file`); the browser sets the boundary. */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return send<T>(path, 'POST', {}, form);
}

async function send<T>(url: string, method: NonNullable<RequestOptions['method']>, extraHeaders: Record<string, string>, body?: BodyInit) {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': interfaceLocale, ...extraHeaders };
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(url, { method, headers, credentials: 'same-origin', body });
  } catch {
    throw new ApiError(0, { code: 'UNAVAILABLE' });
  }
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) {
    // better-auth answers some errors in its own JSON ({ code, message }) rather than a problem document.
    const problem = (parsed && typeof parsed === 'object' ? parsed : {}) as ConstructorParameters<typeof ApiError>[1];
    throw new ApiError(response.status, { ...problem, code: problem.code ?? (response.status >= 500 ? 'INTERNAL' : 'UNAVAILABLE') });
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
