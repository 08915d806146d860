/**
 * Failures the fake can be told to produce, matched on method and path, a given number of times:
 * Graph error envelopes (with the usage headers a throttled answer carries), a 500 after the write
 * was carried out, a slow answer, a connection dropped once the request was read.
 */
import type { GraphErrorBody } from './http-util.js';

export type Fault =
  /** Answer this error instead of carrying out the request. */
  | { kind: 'graph-error'; status: number; error: GraphErrorBody; usage?: UsageLevels }
  /** Carry out the request (the post exists), then answer 500 with Graph's unknown-error envelope. */
  | { kind: 'error-after-write'; status?: number }
  /** Wait, then answer normally. */
  | { kind: 'delay'; ms: number }
  /** Read the request, carry it out when `afterWrite`, then destroy the connection without an answer. */
  | { kind: 'drop'; afterWrite: boolean };

export interface FaultRule {
  method?: string;
  /** Matched against the path without its version prefix, e.g. `/20001/feed`. */
  path?: RegExp | string;
  /** How many requests it applies to (default 1). */
  times?: number;
  fault: Fault;
}

/** Percentages Graph reports in X-App-Usage and X-Business-Use-Case-Usage. */
export interface UsageLevels {
  app?: number;
  page?: number;
  /** Minutes until access is regained (BUC header's `estimated_time_to_regain_access`). */
  regainMinutes?: number;
}

export function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (rule.path === undefined) return true;
  return typeof rule.path === 'string' ? rule.path === path : rule.path.test(path);
}

function oauth(code: number, message: string, subcode?: number): GraphErrorBody {
  return { message, type: 'OAuthException', code, ...(subcode === undefined ? {} : { error_subcode: subcode }) };
}

/** Ready-made faults, worded as Graph words them. */
export const faults = {
  /** 190/463: the token expired. */
  expiredToken: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: oauth(190, 'Error validating access token: Session has expired on Sunday, 29-Nov-26 06:00:00 PST.', 463),
  }),
  /** 190/467: the token is invalid (logged out, revoked). */
  invalidToken: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: oauth(190, 'Error validating access token: The session is invalid because the user logged out.', 467),
  }),
  /** 10: a permission is missing (named in the message). */
  permissionDenied: (permission = 'pages_read_engagement'): Fault => ({
    kind: 'graph-error',
    status: 403,
    error: oauth(10, `(#10) This endpoint requires the '${permission}' permission or the 'Page Public Content Access' feature.`),
  }),
  /** 200: publishing permission missing. */
  publishPermissionMissing: (): Fault => ({
    kind: 'graph-error',
    status: 403,
    error: oauth(
      200,
      '(#200) If posting to a page, requires both pages_read_engagement and pages_manage_posts as an admin with sufficient administrative permission',
    ),
  }),
  /** 4: the app's request limit, X-App-Usage at 100 %. */
  appThrottled: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(4, '(#4) Application request limit reached'), is_transient: true },
    usage: { app: 100 },
  }),
  /** 17: the user's request limit. */
  userThrottled: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(17, '(#17) User request limit reached'), is_transient: true },
    usage: { app: 100 },
  }),
  /** 32: the page's request limit, BUC header at 100 % with the time to regain access. */
  pageThrottled: (regainMinutes = 12): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(32, '(#32) Page request limit reached'), is_transient: true },
    usage: { page: 100, regainMinutes },
  }),
  /** 613: calls to this API exceeded the rate limit. */
  rateLimited613: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(613, '(#613) Calls to this api have exceeded the rate limit.'), is_transient: true },
    usage: { page: 100, regainMinutes: 5 },
  }),
  /** 80001: business use case throttling of a page. */
  businessThrottled: (regainMinutes = 30): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: {
      ...oauth(80001, '(#80001) There have been too many calls to this Page account. Wait a bit and try again.'),
      is_transient: true,
    },
    usage: { page: 100, regainMinutes },
  }),
  /** 506: duplicate status. */
  duplicate: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(506, '(#506) Duplicate status message'), error_subcode: 1455006, error_user_title: 'Duplicate Status Update' },
  }),
  /** 100: invalid parameter. */
  invalidParameter: (message = '(#100) Invalid parameter'): Fault => ({ kind: 'graph-error', status: 400, error: oauth(100, message) }),
  /** 2: service temporarily unavailable, refused before acting. */
  serviceUnavailable: (): Fault => ({
    kind: 'graph-error',
    status: 503,
    error: { ...oauth(2, 'An unexpected error has occurred. Please retry your request later.'), is_transient: true },
  }),
  /** 1: unknown error (answered with 400: Graph often does). */
  unknownError: (): Fault => ({
    kind: 'graph-error',
    status: 400,
    error: { ...oauth(1, 'An unknown error has occurred.'), is_transient: true },
  }),
  /** The post is created, then a 500. */
  errorAfterWrite: (): Fault => ({ kind: 'error-after-write', status: 500 }),
  slow: (ms: number): Fault => ({ kind: 'delay', ms }),
  /** The connection is dropped after the request was read (and carried out when `afterWrite`). */
  drop: (afterWrite = true): Fault => ({ kind: 'drop', afterWrite }),
};

/** X-App-Usage: `{"call_count":28,"total_time":25,"total_cputime":25}`. */
export function appUsageHeader(percent: number): string {
  return JSON.stringify({ call_count: percent, total_time: Math.round(percent * 0.8), total_cputime: Math.round(percent * 0.6) });
}

/** X-Business-Use-Case-Usage: `{"<page id>":[{"type":"pages","call_count":…,"estimated_time_to_regain_access":0}]}`. */
export function businessUsageHeader(pageId: string, percent: number, regainMinutes: number): string {
  return JSON.stringify({
    [pageId]: [
      {
        type: 'pages',
        call_count: percent,
        total_cputime: Math.round(percent * 0.6),
        total_time: Math.round(percent * 0.8),
        estimated_time_to_regain_access: regainMinutes,
      },
    ],
  });
}
