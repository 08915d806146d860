/**
 * Meta's usage headers, read after every answer, and the gate every call passes first: above
 * `slowDownAbovePercent` calls are spaced (the closer to 100 %, the longer the wait); at 100 % none
 * is sent until the time Meta gives (`estimated_time_to_regain_access`) has passed.
 */
import { ChannelError, type ChannelUsage } from '../channel.js';

interface UsageEntry {
  call_count?: number;
  total_time?: number;
  total_cputime?: number;
  estimated_time_to_regain_access?: number;
}

function parseJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

function percentOf(entry: UsageEntry): number {
  return Math.max(entry.call_count ?? 0, entry.total_time ?? 0, entry.total_cputime ?? 0);
}

function summarize(entries: UsageEntry[]): ChannelUsage | undefined {
  if (entries.length === 0) return undefined;
  const highestPercent = Math.max(...entries.map(percentOf));
  const regainMinutes = Math.max(0, ...entries.map((entry) => Number(entry.estimated_time_to_regain_access) || 0));
  return { highestPercent, ...(regainMinutes > 0 ? { resetAfterMs: regainMinutes * 60_000 } : {}) };
}

/**
 * Reads `X-App-Usage` (`{"call_count":28,"total_time":25,"total_cputime":25}`: the app's budget),
 * `X-Page-Usage` and `X-Business-Use-Case-Usage`
 * (`{"<page id>":[{"type":"pages","call_count":…,"estimated_time_to_regain_access":<minutes>}]}`:
 * the page's budget). A budget the answer did not report is undefined: absence is not zero usage.
 */
export function parseUsageHeaders(headers: Headers): { app?: ChannelUsage; page?: ChannelUsage } {
  const app = parseJson(headers.get('x-app-usage'));
  const pageEntries: UsageEntry[] = [];
  const pageUsage = parseJson(headers.get('x-page-usage'));
  if (pageUsage && typeof pageUsage === 'object') pageEntries.push(pageUsage as UsageEntry);
  const business = parseJson(headers.get('x-business-use-case-usage'));
  if (business && typeof business === 'object') {
    for (const list of Object.values(business as Record<string, unknown>)) {
      if (Array.isArray(list)) pageEntries.push(...(list.filter((item) => item && typeof item === 'object') as UsageEntry[]));
    }
  }
  return {
    app: app && typeof app === 'object' ? summarize([app as UsageEntry]) : undefined,
    page: summarize(pageEntries),
  };
}

/** The higher of several budgets, with the longest wait. */
export function combineUsage(...usages: Array<ChannelUsage | undefined>): ChannelUsage | undefined {
  const known = usages.filter((usage): usage is ChannelUsage => usage !== undefined);
  if (known.length === 0) return undefined;
  const resets = known.map((usage) => usage.resetAfterMs).filter((value): value is number => value !== undefined);
  return {
    highestPercent: Math.max(...known.map((usage) => usage.highestPercent)),
    ...(resets.length > 0 ? { resetAfterMs: Math.max(...resets) } : {}),
  };
}

export interface UsageGateOptions {
  /** Calls are spaced above this percentage (default 75). */
  slowDownAbovePercent?: number;
  /** The wait just below 100 % (default 8 s); it grows linearly from 0 at the threshold. */
  maxSpacingMs?: number;
  /** How long to stop when Meta says 100 % without a time to regain access (default 10 min). */
  defaultBlockMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

interface Observed {
  usage: ChannelUsage;
  observedAt: number;
  /** Epoch ms before which nothing is sent (at 100 %). */
  blockedUntil?: number;
}

/** Usage figures older than Meta's rolling hour say nothing about now. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Remembers the last usage per key (a page id, or `app`) in this process. */
export class UsageGate {
  private readonly observed = new Map<string, Observed>();
  private readonly threshold: number;
  private readonly maxSpacingMs: number;
  private readonly defaultBlockMs: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(options: UsageGateOptions = {}) {
    this.threshold = options.slowDownAbovePercent ?? 75;
    this.maxSpacingMs = options.maxSpacingMs ?? 8_000;
    this.defaultBlockMs = options.defaultBlockMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Records what an answer said. */
  record(key: string, usage: ChannelUsage): void {
    const now = this.now();
    const blockedUntil = usage.highestPercent >= 100 ? now + (usage.resetAfterMs ?? this.defaultBlockMs) : undefined;
    this.observed.set(key, { usage, observedAt: now, blockedUntil });
  }

  /** Records a throttling error: nothing more is sent for `retryAfterMs`. */
  block(key: string, retryAfterMs: number): void {
    const now = this.now();
    this.observed.set(key, {
      usage: { highestPercent: 100, resetAfterMs: retryAfterMs },
      observedAt: now,
      blockedUntil: now + retryAfterMs,
    });
  }

  /** The freshest usage known for `key`, with the time left before a reset. */
  usage(key: string): ChannelUsage | undefined {
    const entry = this.observed.get(key);
    if (!entry || this.now() - entry.observedAt > STALE_AFTER_MS) return undefined;
    const left = entry.blockedUntil !== undefined ? Math.max(0, entry.blockedUntil - this.now()) : undefined;
    return { highestPercent: entry.usage.highestPercent, ...(left !== undefined ? { resetAfterMs: left } : {}) };
  }

  /** Waits or refuses before a call that counts against every key given (the page and the app). */
  async beforeCall(keys: string[]): Promise<void> {
    const now = this.now();
    let highest = 0;
    for (const key of keys) {
      const entry = this.observed.get(key);
      if (!entry || now - entry.observedAt > STALE_AFTER_MS) continue;
      if (entry.blockedUntil !== undefined && entry.blockedUntil > now) {
        throw new ChannelError('throttled', `Graph API usage at 100 % for ${key}; waiting until it resets`, {
          retryAfterMs: entry.blockedUntil - now,
        });
      }
      if (entry.blockedUntil === undefined) highest = Math.max(highest, entry.usage.highestPercent);
    }
    if (highest > this.threshold) {
      const share = Math.min(1, (highest - this.threshold) / (100 - this.threshold));
      await this.sleep(Math.round(share * this.maxSpacingMs));
    }
  }
}
