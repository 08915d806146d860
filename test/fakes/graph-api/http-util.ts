/** Request parsing and answers in the Graph API's shapes: JSON bodies, the error envelope, usage headers. */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface UploadedFile {
  name: string;
  type: string;
  size: number;
}

/** One parsed request: query and body parameters merged (Graph accepts either), files apart. */
export interface GraphRequest {
  method: string;
  /** Path without the version prefix, e.g. `/20001/feed`. */
  path: string;
  /** The version prefix given (`v25.0`), or undefined. */
  version: string | undefined;
  params: Record<string, string>;
  files: Record<string, UploadedFile>;
  token: string | undefined;
  url: URL;
}

export interface GraphErrorBody {
  message: string;
  type: string;
  code: number;
  error_subcode?: number;
  error_user_title?: string;
  error_user_msg?: string;
  is_transient?: boolean;
}

/** A handler's answer; `error` answers use Graph's envelope. */
export type GraphAnswer =
  | { status?: number; body: unknown }
  | { status: number; error: GraphErrorBody }
  | { status: 302; location: string };

export function graphError(status: number, error: GraphErrorBody): GraphAnswer {
  return { status, error };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reads and parses the whole request (urlencoded, JSON or multipart body). */
export async function parseRequest(request: IncomingMessage, baseUrl: string): Promise<GraphRequest> {
  const url = new URL(request.url ?? '/', baseUrl);
  const match = /^\/(v\d+\.\d+)(\/.*)?$/.exec(url.pathname);
  const version = match?.[1];
  const path = match ? (match[2] ?? '/') : url.pathname;
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  const files: Record<string, UploadedFile> = {};
  const body = await readBody(request);
  const contentType = request.headers['content-type'] ?? '';
  if (body.length > 0) {
    if (contentType.startsWith('application/x-www-form-urlencoded')) {
      Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
    } else if (contentType.startsWith('application/json')) {
      for (const [key, value] of Object.entries(JSON.parse(body.toString('utf8')) as Record<string, unknown>)) {
        params[key] = typeof value === 'string' ? value : JSON.stringify(value);
      }
    } else if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request(url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(body),
      }).formData();
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') params[key] = value;
        else files[key] = { name: value.name, type: value.type, size: value.size };
      }
    }
  }
  const authorization = request.headers.authorization;
  const headerToken = authorization ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(authorization)?.[1] : undefined;
  return { method: request.method ?? 'GET', path, version, params, files, token: params.access_token ?? headerToken, url };
}

/** Writes an answer with Graph's headers (`x-fb-trace-id`, usage headers given by the caller). */
export function sendAnswer(response: ServerResponse, answer: GraphAnswer, headers: Record<string, string>): void {
  const traceId = randomBytes(8).toString('base64url');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('x-fb-trace-id', traceId);
  if ('location' in answer) {
    response.writeHead(302, { location: answer.location });
    response.end();
    return;
  }
  const payload = 'error' in answer ? { error: { ...answer.error, fbtrace_id: traceId } } : answer.body;
  response.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=UTF-8' });
  response.end(JSON.stringify(payload));
}

/** Graph's ISO form: `2026-11-02T08:00:00+0000`. */
export function graphTime(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** `since`/`until` as Graph reads them: a Unix timestamp in seconds or a date string. */
export function parseGraphTime(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** Splits a `fields` parameter at top-level commas: `id,comments.summary(true).limit(0),from{id,name}`. */
export function splitFields(fields: string | undefined): string[] {
  if (!fields) return [];
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of fields) {
    if (char === '{' || char === '(') depth += 1;
    if (char === '}' || char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  if (current.trim()) parts.push(current.trim());
  return parts;
}

/** Pages a newest-first list the way Graph does: `limit`, `after`/`before` cursors and a `next` URL. */
export function pageList<T>(items: T[], request: GraphRequest, publicUrl: string, shape: (item: T) => unknown) {
  const limit = Math.min(Math.max(Number(request.params.limit ?? 25) || 25, 1), 100);
  const start = request.params.after ? Number(Buffer.from(request.params.after, 'base64url').toString('utf8')) + 1 : 0;
  const slice = items.slice(start, start + limit);
  const cursor = (index: number) => Buffer.from(String(index), 'utf8').toString('base64url');
  const paging: Record<string, unknown> = {};
  if (slice.length > 0) paging.cursors = { before: cursor(start), after: cursor(start + slice.length - 1) };
  if (start + slice.length < items.length) {
    const next = new URL(`${publicUrl}/${request.version ?? 'v25.0'}${request.path}`);
    for (const [key, value] of Object.entries(request.params)) if (key !== 'after' && key !== 'before') next.searchParams.set(key, value);
    if (request.token) next.searchParams.set('access_token', request.token);
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('after', cursor(start + slice.length - 1));
    paging.next = next.toString();
  }
  return { data: slice.map(shape), paging };
}
