/** The login side: the OAuth dialog, code and token exchange, debug_token, /me and /me/accounts. */
import { randomBytes } from 'node:crypto';
import { type HandlerContext, isAnswer, requireToken } from './context.js';
import { type GraphAnswer, graphError, pageList } from './http-util.js';
import { ALL_PAGE_SCOPES, newToken, type Scope } from './state.js';

const SHORT_LIVED_SECONDS = 2 * 3600;
const LONG_LIVED_SECONDS = 60 * 24 * 3600;

function oauthError(message: string, code = 100, subcode?: number): GraphAnswer {
  return graphError(400, { message, type: 'OAuthException', code, ...(subcode ? { error_subcode: subcode } : {}) });
}

/** `GET /dialog/oauth`: the person agrees (or not) and is sent back to `redirect_uri` with a `code`. */
export function dialog(ctx: HandlerContext): GraphAnswer {
  const { client_id: clientId, redirect_uri: redirectUri, state, scope } = ctx.request.params;
  if (clientId !== ctx.state.app.id) return oauthError('Invalid App ID', 101);
  if (!redirectUri) return oauthError("Can't Load URL: redirect_uri is missing", 191);
  const back = new URL(redirectUri);
  if (state !== undefined) back.searchParams.set('state', state);
  if (ctx.options.dialog.deny) {
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('error_code', '200');
    back.searchParams.set('error_description', 'Permissions error');
    back.searchParams.set('error_reason', 'user_denied');
    return { status: 302, location: back.toString() };
  }
  const requested = (scope ?? '').split(/[\s,]+/).filter(Boolean) as Scope[];
  const granted = requested.filter((entry) => !ctx.options.dialog.declineScopes.includes(entry));
  const code = randomBytes(18).toString('base64url');
  ctx.state.codes.push({ code, userId: ctx.options.dialog.userId, redirectUri, scopes: granted, used: false });
  back.searchParams.set('code', code);
  return { status: 302, location: back.toString() };
}

/** `GET /oauth/access_token`: a code for a short-lived user token, or `fb_exchange_token` for a long-lived one. */
export function accessToken(ctx: HandlerContext): GraphAnswer {
  const params = ctx.request.params;
  if (params.client_id !== ctx.state.app.id) return oauthError('Error validating application. Invalid application ID.', 101);
  if (params.client_secret !== ctx.state.app.secret) return oauthError('Error validating client secret.', 1);
  if (params.grant_type === 'fb_exchange_token') {
    const current = ctx.state.tokens.find((entry) => entry.token === params.fb_exchange_token && entry.type === 'USER');
    if (!current || current.invalidSubcode || (current.expiresAt !== 0 && current.expiresAt <= ctx.now)) {
      return oauthError('Error validating access token: Session has expired.', 190, 463);
    }
    const token = newToken();
    ctx.state.tokens.push({ ...current, token, issuedAt: ctx.now, expiresAt: ctx.now + LONG_LIVED_SECONDS * 1000 });
    ctx.wrote = true;
    return { body: { access_token: token, token_type: 'bearer', expires_in: LONG_LIVED_SECONDS } };
  }
  const entry = ctx.state.codes.find((candidate) => candidate.code === params.code);
  if (!entry) return oauthError('Invalid verification code format.', 100, 36007);
  if (entry.used) return oauthError('This authorization code has been used.', 100, 36009);
  if (entry.redirectUri !== params.redirect_uri) {
    return oauthError(
      'Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request',
      100,
      36008,
    );
  }
  entry.used = true;
  const token = newToken();
  ctx.state.tokens.push({
    token,
    type: 'USER',
    userId: entry.userId,
    scopes: entry.scopes,
    issuedAt: ctx.now,
    expiresAt: ctx.now + SHORT_LIVED_SECONDS * 1000,
  });
  ctx.wrote = true;
  return { body: { access_token: token, token_type: 'bearer', expires_in: SHORT_LIVED_SECONDS } };
}

/** `GET /debug_token?input_token=…`: validity, scopes and expiry of any token, asked with the app token. */
export function debugToken(ctx: HandlerContext): GraphAnswer {
  const appToken = `${ctx.state.app.id}|${ctx.state.app.secret}`;
  if (ctx.request.token !== appToken) {
    const caller = requireToken(ctx);
    if (isAnswer(caller)) return caller;
  }
  const input = ctx.state.tokens.find((entry) => entry.token === ctx.request.params.input_token);
  if (!input) {
    return { body: { data: { is_valid: false, error: { code: 190, message: 'Invalid OAuth access token.' }, scopes: [] } } };
  }
  const expired = input.expiresAt !== 0 && input.expiresAt <= ctx.now;
  const data: Record<string, unknown> = {
    app_id: ctx.state.app.id,
    type: input.type,
    application: ctx.state.app.name,
    data_access_expires_at: Math.floor((input.issuedAt + 90 * 24 * 3600 * 1000) / 1000),
    expires_at: input.expiresAt === 0 ? 0 : Math.floor(input.expiresAt / 1000),
    is_valid: !expired && !input.invalidSubcode,
    issued_at: Math.floor(input.issuedAt / 1000),
    scopes: input.scopes,
    granular_scopes: input.scopes.map((scope) => ({ scope, ...(input.pageId ? { target_ids: [input.pageId] } : {}) })),
    user_id: input.userId,
  };
  if (input.pageId) data.profile_id = input.pageId;
  if (expired || input.invalidSubcode) {
    const subcode = input.invalidSubcode ?? 463;
    data.error = { code: 190, message: subcode === 463 ? 'Session has expired.' : 'The session has been invalidated.', subcode };
  }
  return { body: { data } };
}

/** `GET /me`. */
export function me(ctx: HandlerContext): GraphAnswer {
  const token = requireToken(ctx);
  if (isAnswer(token)) return token;
  if (token.type === 'PAGE') {
    const page = ctx.state.pages.find((entry) => entry.id === token.pageId);
    return { body: { id: page?.id, name: page?.name } };
  }
  const user = ctx.state.users.find((entry) => entry.id === token.userId);
  return { body: { id: user?.id, name: user?.name } };
}

/** `GET /me/accounts`: the pages the user manages, each with a page token (never expiring from a long-lived user token). */
export function accounts(ctx: HandlerContext): GraphAnswer {
  const token = requireToken(ctx);
  if (isAnswer(token)) return token;
  if (token.type !== 'USER') return oauthError('(#100) Tried accessing nonexisting field (accounts) on node type (Page)', 100);
  if (!token.scopes.includes('pages_show_list')) {
    return graphError(403, { message: "(#10) This endpoint requires the 'pages_show_list' permission.", type: 'OAuthException', code: 10 });
  }
  const user = ctx.state.users.find((entry) => entry.id === token.userId);
  const pages = ctx.state.pages.filter((page) => user?.pageIds.includes(page.id));
  const longLived = token.expiresAt === 0 || token.expiresAt - token.issuedAt > 24 * 3600 * 1000;
  const answer = pageList(pages, ctx.request, ctx.publicUrl, (page) => {
    const pageToken = newToken();
    ctx.state.tokens.push({
      token: pageToken,
      type: 'PAGE',
      userId: token.userId,
      pageId: page.id,
      scopes: token.scopes.filter((scope) => ALL_PAGE_SCOPES.includes(scope) || scope.startsWith('pages_')),
      issuedAt: ctx.now,
      expiresAt: longLived ? 0 : token.expiresAt,
    });
    return {
      id: page.id,
      name: page.name,
      category: page.category,
      access_token: pageToken,
      tasks: page.tasks,
      picture: { data: { url: page.pictureUrl, is_silhouette: false, height: 50, width: 50 } },
    };
  });
  ctx.wrote = true;
  return { body: answer };
}
