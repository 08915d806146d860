/**
 * A small Graph API client: the base URL and version from configuration, a timeout on every call,
 * the usage gate before it and the usage headers after it, Graph errors turned into ChannelErrors,
 * and paging through `next` links (only on the configured host, so a token never leaves it).
 */
import { createHmac } from 'node:crypto';
import { ChannelError } from '../channel.js';
import { type CallKind, channelErrorFromGraph, channelErrorFromNetwork, type GraphErrorBody } from './graph-errors.js';
import { combineUsage, parseUsageHeaders, UsageGate, type UsageGateOptions } from './graph-usage.js';

export interface GraphClientOptions extends UsageGateOptions {
  graphUrl: string;
  version: string;
  appId?: string;
  appSecret?: string;
  /** Per call (default 30 s). */
  timeoutMs?: number;
}

export interface GraphCall {
  method: 'GET' | 'POST' | 'DELETE';
  /** Without the version, e.g. `20001/feed`; or an absolute `next` URL on the Graph host. */
  path: string;
  /** A user, page or app token (`<app id>|<secret>`); undefined for the code exchange. */
  token?: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as `application/x-www-form-urlencoded`. */
  form?: Record<string, string | undefined>;
  /** Sent as `multipart/form-data` (photo uploads). */
  multipart?: FormData;
  kind: CallKind;
  /** The page whose budget the call spends (usage is remembered per page). */
  pageId?: string;
  /** The permission the call needs, to name it when Graph does not. */
  permission?: string;
}

export interface GraphPage<T> {
  data: T[];
  paging?: { next?: string; cursors?: { before?: string; after?: string } };
}

/** The gate's key for the app-wide budget (X-App-Usage). */
export const APP_KEY = 'app';

export class GraphClient {
  readonly gate: UsageGate;
  private readonly timeoutMs: number;

  constructor(private readonly options: GraphClientOptions) {
    this.gate = new UsageGate(options);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  get appToken(): string | undefined {
    return this.options.appId && this.options.appSecret ? `${this.options.appId}|${this.options.appSecret}` : undefined;
  }

  private urlOf(call: GraphCall): URL {
    const base = new URL(this.options.graphUrl);
    let url: URL;
    if (/^https?:\/\//.test(call.path)) {
      url = new URL(call.path);
      if (url.origin !== base.origin)
        throw new ChannelError('invalid-request', `refusing a paging link outside the Graph API host: ${url.origin}`);
    } else {
      url = new URL(`${base.toString().replace(/\/$/, '')}/${this.options.version}/${call.path.replace(/^\//, '')}`);
    }
    for (const [key, value] of Object.entries(call.query ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    // appsecret_proof proves the token is used by our server (Meta recommends requiring it).
    if (call.token && this.options.appSecret && !call.token.includes('|')) {
      url.searchParams.set('appsecret_proof', createHmac('sha256', this.options.appSecret).update(call.token).digest('hex'));
    }
    return url;
  }

  /** One call; resolves with the parsed JSON body or throws a ChannelError. */
  async call<T>(call: GraphCall): Promise<T> {
    const keys = call.pageId ? [call.pageId, APP_KEY] : [APP_KEY];
    await this.gate.beforeCall(keys);
    const url = this.urlOf(call);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    let body: string | FormData | undefined;
    if (call.multipart) body = call.multipart;
    else if (call.form) {
      const form = new URLSearchParams();
      for (const [key, value] of Object.entries(call.form)) if (value !== undefined) form.set(key, value);
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    }
    const signal = AbortSignal.timeout(this.timeoutMs);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, { method: call.method, headers, body, signal, redirect: 'manual' });
      text = await response.text();
    } catch (error) {
      throw channelErrorFromNetwork(error, call.kind, signal.aborted);
    }
    const usage = parseUsageHeaders(response.headers);
    if (usage.app) this.gate.record(APP_KEY, usage.app);
    if (usage.page) this.gate.record(call.pageId ?? APP_KEY, usage.page);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = undefined;
    }
    if (response.ok && parsed !== undefined && !(parsed as { error?: unknown }).error) return parsed as T;
    const error = (parsed as { error?: GraphErrorBody } | undefined)?.error;
    const failure = channelErrorFromGraph({
      status: response.status,
      error,
      kind: call.kind,
      permission: call.permission,
      resetAfterMs: combineUsage(usage.page, usage.app)?.resetAfterMs,
    });
    if (failure.kind === 'throttled' && failure.retryAfterMs) {
      // 4, 17 and 341 spend the app's (or the user's) budget, shared by every page; the others one page's.
      const appWide = failure.networkCode === 4 || failure.networkCode === 17 || failure.networkCode === 341;
      this.gate.block(appWide || !call.pageId ? APP_KEY : call.pageId, failure.retryAfterMs);
    }
    throw failure;
  }

  /** Every item of a paged list, following `paging.next` (at most `maxPages` pages, or until `enough`). */
  async all<T>(call: GraphCall, options: { maxPages?: number; enough?: (items: T[]) => boolean } = {}): Promise<T[]> {
    const items: T[] = [];
    let next: GraphCall | undefined = call;
    for (let page = 0; next && page < (options.maxPages ?? 50); page += 1) {
      const answer: GraphPage<T> = await this.call<GraphPage<T>>(next);
      items.push(...(answer.data ?? []));
      if (options.enough?.(items)) break;
      next = answer.paging?.next ? { ...call, path: answer.paging.next, query: undefined } : undefined;
    }
    return items;
  }
}
