/**
 * A fake of Meta's Graph API on 127.0.0.1 (random port): the subset Tawasul uses, with Graph's JSON
 * shapes, paging, usage headers and error envelope, a state tests can read and change, and faults
 * it can be told to produce. `start()`/`stop()`; the demo keeps its state in a file (`stateFile`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerContext } from './context.js';
import { appUsageHeader, businessUsageHeader, type FaultRule, ruleMatches, type UsageLevels } from './faults.js';
import { type GraphAnswer, type GraphRequest, graphError, parseRequest, sendAnswer } from './http-util.js';
import { addComment, insights, listComments, readObject, updateObject } from './routes-engagement.js';
import { accessToken, accounts, debugToken, dialog, me } from './routes-oauth.js';
import { deletePost, listPosts, publishFeed, uploadPhoto } from './routes-posts.js';
import { type SeedOptions, seedPage } from './seed.js';
import { ALL_PAGE_SCOPES, createState, type FakeComment, type FakeState, newToken, nextId, type Scope } from './state.js';

export interface FakeGraphOptions {
  appId?: string;
  appSecret?: string;
  /** Load the state from this file when it exists, and write it back after every change (demo sandbox). */
  stateFile?: string;
  /** The fake's clock (tests move it); defaults to the real one. */
  now?: () => number;
  /** Refuse a post identical to the page's last one with 506 (Meta does; off by default so duplicate tests can count copies). */
  rejectDuplicates?: boolean;
  port?: number;
}

/** What the fake received, for assertions (tokens left out). */
export interface RecordedRequest {
  method: string;
  path: string;
  version: string | undefined;
  params: Record<string, string>;
  files: string[];
}

export class FakeGraphApi {
  state: FakeState;
  readonly requests: RecordedRequest[] = [];
  /** What the person does in the OAuth dialog. */
  readonly dialog = { deny: false, declineScopes: [] as Scope[], userId: '10001' };
  /** Metrics answered as invalid, as Graph does after a deprecation. */
  readonly deprecatedMetrics = new Set<string>();
  /** Usage reported on every answer (percentages); a fault's usage replaces it for that answer. */
  usage: Required<UsageLevels> = { app: 2, page: 3, regainMinutes: 0 };
  private readonly rules: Array<FaultRule & { remaining: number }> = [];
  /** Requests received and not yet answered (or dropped), and who waits for none to be left. */
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];
  private server: Server | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private baseUrl = '';
  private readonly now: () => number;

  constructor(private readonly options: FakeGraphOptions = {}) {
    this.now = options.now ?? Date.now;
    this.state =
      options.stateFile && existsSync(options.stateFile)
        ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as FakeState)
        : createState({ appId: options.appId, appSecret: options.appSecret });
  }

  /** `http://127.0.0.1:<port>`: the Graph base URL and the dialog base URL both. */
  get url(): string {
    if (!this.baseUrl) throw new Error('fake Graph API not started');
    return this.baseUrl;
  }

  get appId(): string {
    return this.state.app.id;
  }

  get appSecret(): string {
    return this.state.app.secret;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      this.inFlight += 1;
      this.handle(request, response)
        .catch((error: unknown) => {
          if (!response.headersSent) sendAnswer(response, graphError(500, { message: String(error), type: 'FakeError', code: 1 }), {});
        })
        .finally(() => {
          this.inFlight -= 1;
          if (this.inFlight > 0) return;
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const resolve of waiters) resolve();
        });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    // Slow answers cut short never finish: nobody waits for them any more.
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Adds a fault for the next matching request(s). */
  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  clearFaults(): void {
    this.rules.length = 0;
  }

  /** Faults armed and not yet met: each rule with how many requests it still applies to. */
  pendingFaults(): Array<FaultRule & { remaining: number }> {
    return this.rules.filter((rule) => rule.remaining > 0).map((rule) => ({ ...rule }));
  }

  /**
   * Resolves once no request is being handled (at once when none is): a slow answer's write, for
   * instance, lands after the client gave up; a test waits for it before moving its clock.
   */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** A page token granted every page permission, without going through login (tests). */
  issuePageToken(pageId: string, options: { scopes?: Scope[]; expiresAt?: number } = {}): string {
    const token = newToken();
    this.state.tokens.push({
      token,
      type: 'PAGE',
      userId: this.dialog.userId,
      pageId,
      scopes: options.scopes ?? ALL_PAGE_SCOPES,
      issuedAt: this.now(),
      expiresAt: options.expiresAt ?? 0,
    });
    this.save();
    return token;
  }

  /** Invalidates a token as Graph would (463 expired, 460 password changed, 467 logged out). */
  invalidateToken(token: string, subcode = 463): void {
    const entry = this.state.tokens.find((candidate) => candidate.token === token);
    if (!entry) throw new Error('unknown token');
    entry.invalidSubcode = subcode;
    this.save();
  }

  /** Removes a permission from every token of the user (the admin unticked it in their settings). */
  revokeScope(scope: Scope): void {
    for (const token of this.state.tokens) token.scopes = token.scopes.filter((entry) => entry !== scope);
    this.save();
  }

  seed(pageId: string, options: Partial<SeedOptions> = {}) {
    const seeded = seedPage(this.state, pageId, { now: this.now(), ...options });
    this.save();
    return seeded;
  }

  /** Someone comments on a post (or replies to a comment) now. */
  simulateComment(postId: string, input: { message: string; fromName: string; fromId?: string; parentId?: string }): FakeComment {
    const comment: FakeComment = {
      id: `${postId.split('_')[1] ?? postId}_${nextId(this.state)}`,
      postId,
      parentId: input.parentId,
      fromId: input.fromId ?? '39999',
      fromName: input.fromName,
      message: input.message,
      createdTime: this.now(),
      isHidden: false,
    };
    this.state.comments.push(comment);
    this.save();
    return comment;
  }

  /** The page's posts as stored (published or not), oldest first. */
  postsOf(pageId: string) {
    return this.state.posts.filter((post) => post.pageId === pageId);
  }

  private save(): void {
    if (this.options.stateFile) writeFileSync(this.options.stateFile, JSON.stringify(this.state));
  }

  private takeFault(request: GraphRequest) {
    const rule = this.rules.find((candidate) => candidate.remaining > 0 && ruleMatches(candidate, request.method, request.path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  }

  private route(ctx: HandlerContext): GraphAnswer {
    const { method, path } = ctx.request;
    const parts = path.split('/').filter(Boolean);
    const [first, second] = parts;
    if (method === 'GET' && path === '/dialog/oauth') return dialog(ctx);
    if (method === 'GET' && path === '/oauth/access_token') return accessToken(ctx);
    if (method === 'GET' && path === '/debug_token') return debugToken(ctx);
    if (method === 'GET' && path === '/me') return me(ctx);
    if (method === 'GET' && path === '/me/accounts') return accounts(ctx);
    if (first && parts.length === 2) {
      if (method === 'POST' && second === 'feed') return publishFeed(ctx, first);
      if (method === 'GET' && (second === 'feed' || second === 'published_posts' || second === 'posts')) return listPosts(ctx, first);
      if (method === 'POST' && second === 'photos') return uploadPhoto(ctx, first);
      if (method === 'POST' && second === 'comments') return addComment(ctx, first);
      if (method === 'GET' && second === 'comments') return listComments(ctx, first);
      if (method === 'GET' && second === 'insights') return insights(ctx, first);
    }
    if (first && parts.length === 1) {
      if (method === 'GET') return readObject(ctx, first);
      if (method === 'POST') return updateObject(ctx, first);
      if (method === 'DELETE') return deletePost(ctx, first);
    }
    return graphError(400, { message: `Unknown path components: ${path}`, type: 'OAuthException', code: 2500 });
  }

  private usageHeaders(ctx: HandlerContext, override?: UsageLevels): Record<string, string> {
    const levels = { ...this.usage, ...override };
    const headers: Record<string, string> = { 'x-app-usage': appUsageHeader(levels.app) };
    if (ctx.usagePageId) headers['x-business-use-case-usage'] = businessUsageHeader(ctx.usagePageId, levels.page, levels.regainMinutes);
    return headers;
  }

  private delay(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = await parseRequest(request, this.baseUrl);
    const { access_token: _token, ...params } = parsed.params;
    this.requests.push({ method: parsed.method, path: parsed.path, version: parsed.version, params, files: Object.keys(parsed.files) });
    const ctx: HandlerContext = {
      state: this.state,
      request: parsed,
      now: this.now(),
      publicUrl: this.baseUrl,
      options: { rejectDuplicates: this.options.rejectDuplicates ?? false, deprecatedMetrics: this.deprecatedMetrics, dialog: this.dialog },
    };
    const fault = this.takeFault(parsed);
    if (fault?.kind === 'delay') await this.delay(fault.ms);
    if (fault?.kind === 'graph-error') {
      const pageId = parsed.path.split('/').filter(Boolean)[0];
      if (pageId && this.state.pages.some((page) => page.id === pageId)) ctx.usagePageId = pageId;
      sendAnswer(response, { status: fault.status, error: fault.error }, this.usageHeaders(ctx, fault.usage));
      return;
    }
    if (fault?.kind === 'drop' && !fault.afterWrite) {
      request.socket.destroy();
      return;
    }
    const answer = this.route(ctx);
    if (ctx.wrote) this.save();
    if (fault?.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'error-after-write') {
      const unknown = { message: 'An unknown error has occurred.', type: 'OAuthException', code: 1, is_transient: false };
      sendAnswer(response, { status: fault.status ?? 500, error: unknown }, this.usageHeaders(ctx));
      return;
    }
    if (response.destroyed) return;
    sendAnswer(response, answer, this.usageHeaders(ctx));
  }
}
