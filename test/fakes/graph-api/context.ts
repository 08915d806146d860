/** What every route handler of the fake receives, and the token checks Graph makes before acting. */
import { createHmac } from 'node:crypto';
import { type GraphAnswer, type GraphRequest, graphError } from './http-util.js';
import { type FakePage, type FakeState, type FakeToken, isTokenExpired, type Scope } from './state.js';

export interface HandlerContext {
  state: FakeState;
  request: GraphRequest;
  now: number;
  publicUrl: string;
  options: {
    rejectDuplicates: boolean;
    deprecatedMetrics: Set<string>;
    dialog: { deny: boolean; declineScopes: Scope[]; userId: string };
  };
  /** The page a usage header should describe, set once the token is known. */
  usagePageId?: string;
  /** Set by write handlers, so `error-after-write` and `drop` faults know the write happened. */
  wrote?: boolean;
}

const EXPIRED_MESSAGE = 'Error validating access token: Session has expired.';

function tokenError(subcode: number | undefined, message: string): GraphAnswer {
  return graphError(400, { message, type: 'OAuthException', code: 190, ...(subcode ? { error_subcode: subcode } : {}) });
}

/** The caller's token, or Graph's 190 answer (no token, unknown, expired, invalidated). */
export function requireToken(ctx: HandlerContext): FakeToken | GraphAnswer {
  const given = ctx.request.token;
  if (!given) {
    return graphError(400, {
      message: 'An active access token must be used to query information about the current user.',
      type: 'OAuthException',
      code: 2500,
    });
  }
  const token = ctx.state.tokens.find((entry) => entry.token === given);
  if (!token) return tokenError(undefined, 'Invalid OAuth access token - Cannot parse access token');
  if (token.invalidSubcode) return tokenError(token.invalidSubcode, 'Error validating access token: The session has been invalidated.');
  if (isTokenExpired(token, ctx.now)) return tokenError(463, EXPIRED_MESSAGE);
  const proof = ctx.request.params.appsecret_proof;
  if (proof !== undefined) {
    const expected = createHmac('sha256', ctx.state.app.secret).update(token.token).digest('hex');
    if (proof !== expected)
      return graphError(400, { message: 'Invalid appsecret_proof provided in the API argument', type: 'GraphMethodException', code: 100 });
  }
  return token;
}

export function isAnswer(value: unknown): value is GraphAnswer {
  return typeof value === 'object' && value !== null && ('body' in value || 'error' in value || 'location' in value);
}

/** Graph's "(#100) … does not exist" answer for an unknown object. */
export function unknownObject(id: string): GraphAnswer {
  return graphError(400, {
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    type: 'GraphMethodException',
    code: 100,
    error_subcode: 33,
  });
}

/** A page token for `pageId` holding `scopes` (and the page task), or the answer Graph gives. */
export function requirePageToken(
  ctx: HandlerContext,
  pageId: string,
  scopes: Scope[],
  task?: string,
): { token: FakeToken; page: FakePage } | GraphAnswer {
  const token = requireToken(ctx);
  if (isAnswer(token)) return token;
  const page = ctx.state.pages.find((entry) => entry.id === pageId);
  if (!page) return unknownObject(pageId);
  ctx.usagePageId = pageId;
  if (token.type !== 'PAGE' || token.pageId !== pageId) {
    return graphError(403, { message: '(#200) The action requires a Page access token of this Page.', type: 'OAuthException', code: 200 });
  }
  const missing = scopes.filter((scope) => !token.scopes.includes(scope));
  if (missing.includes('pages_manage_posts')) {
    return graphError(403, {
      message:
        '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
      type: 'OAuthException',
      code: 200,
    });
  }
  if (missing.length > 0) {
    return graphError(403, {
      message: `(#10) This endpoint requires the '${missing[0]}' permission or the 'Page Public Content Access' feature.`,
      type: 'OAuthException',
      code: 10,
    });
  }
  if (task && !page.tasks.includes(task) && !page.tasks.includes('MANAGE')) {
    return graphError(403, { message: `(#200) The user does not have the ${task} task on this page.`, type: 'OAuthException', code: 200 });
  }
  return { token, page };
}
