/**
 * Graph API errors as actions (ChannelError kinds). The network's code decides, except that on a
 * write any 5xx, timeout or reset means the outcome is unknown: Graph sometimes creates the post and
 * then answers 500 (code 1 "unknown error"), and retrying that blindly is how pages get seven copies.
 */
import { ChannelError } from '../channel.js';

export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  is_transient?: boolean;
  fbtrace_id?: string;
}

/**
 * How a call's failures are read: `read` (retrying is harmless), `write` (a lost answer may hide a
 * created object), `unseen-write` (an object nobody sees until used, e.g. an unpublished photo).
 */
export type CallKind = 'read' | 'write' | 'unseen-write';

/** Permissions a Graph message may name. */
const PERMISSION_NAME =
  /\b(pages_show_list|pages_read_engagement|pages_manage_posts|pages_manage_engagement|pages_read_user_content|pages_manage_metadata|read_insights|business_management|publish_video)\b/;

const THROTTLE_CODES = new Set([4, 17, 32, 341, 613]);
/** Business use case throttling (80000–80014; 80001 is Pages). */
const isBusinessThrottle = (code: number) => code >= 80000 && code <= 80014;
/** When Meta gives no time to regain access. */
const DEFAULT_THROTTLE_MS: Record<number, number> = {
  4: 15 * 60_000,
  17: 15 * 60_000,
  32: 15 * 60_000,
  341: 15 * 60_000,
  613: 60_000,
  368: 60 * 60_000,
};
const DUPLICATE_SUBCODES = new Set([1455006]);

/** The ChannelError for a Graph error answer. */
export function channelErrorFromGraph(input: {
  status: number;
  error: GraphErrorBody | undefined;
  kind: CallKind;
  /** The permission the call needs, named when Graph's message names none. */
  permission?: string;
  /** From the answer's usage headers, when present. */
  resetAfterMs?: number;
}): ChannelError {
  const code = input.error?.code;
  const subcode = input.error?.error_subcode;
  const message = input.error?.message ?? `Graph API answered ${input.status}`;
  const meta = { networkCode: code, networkSubcode: subcode };
  if (input.status >= 500 && input.kind === 'write') return new ChannelError('outcome-unknown', message, meta);
  if (code === 190 || code === 102) return new ChannelError('needs-reconnection', message, meta);
  if (code === 10 || (code !== undefined && code >= 200 && code <= 299)) {
    const permission = PERMISSION_NAME.exec(message)?.[1] ?? input.permission;
    return new ChannelError('permission-missing', message, { ...meta, permission });
  }
  if (code !== undefined && (THROTTLE_CODES.has(code) || isBusinessThrottle(code) || code === 368)) {
    const retryAfterMs = input.resetAfterMs && input.resetAfterMs > 0 ? input.resetAfterMs : (DEFAULT_THROTTLE_MS[code] ?? 30 * 60_000);
    return new ChannelError('throttled', message, { ...meta, retryAfterMs });
  }
  if (code === 506 || (subcode !== undefined && DUPLICATE_SUBCODES.has(subcode)))
    return new ChannelError('duplicate-content', message, meta);
  if (code === 1 || code === 2 || input.status >= 500) return new ChannelError('transient', message, meta);
  return new ChannelError('invalid-request', message, meta);
}

/** Error codes of Node's network stack meaning the request never left: nothing happened. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The ChannelError for a failed fetch (no answer): refused before sending, or lost after. */
export function channelErrorFromNetwork(error: unknown, kind: CallKind, timedOut: boolean): ChannelError {
  const code = causeCode(error);
  if (!timedOut && code && NOT_SENT_CODES.has(code)) {
    return new ChannelError('transient', `Graph API unreachable (${code})`, { cause: error });
  }
  const what = timedOut ? 'timed out' : `connection lost (${code ?? 'no answer'})`;
  if (kind === 'write') return new ChannelError('outcome-unknown', `Graph API ${what} after the request was sent`, { cause: error });
  return new ChannelError('transient', `Graph API ${what}`, { cause: error });
}
