/**
 * A sliding-window limit per key (the visitor's IP) kept in memory. Each process counts its own
 * visitors: with several app processes behind a balancer the bound is per process, which is enough
 * against form-filling bots (double opt-in stops the rest) and costs no database write per visit.
 */
export class SlidingWindowLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(private readonly options: { limit: number; windowMs: number; maxKeys?: number }) {}

  /** Counts one attempt; says whether it is allowed and, if not, when the oldest one leaves the window. */
  take(key: string, now = Date.now()): { isAllowed: boolean; retryAfterSeconds: number } {
    const since = now - this.options.windowMs;
    const hits = (this.#hits.get(key) ?? []).filter((at) => at > since);
    if (hits.length >= this.options.limit) {
      this.#hits.set(key, hits);
      return { isAllowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((hits[0] as number) - since) / 1000)) };
    }
    hits.push(now);
    this.#hits.delete(key);
    this.#hits.set(key, hits);
    if (this.#hits.size > (this.options.maxKeys ?? 50_000)) {
      const oldest = this.#hits.keys().next().value;
      if (oldest !== undefined) this.#hits.delete(oldest);
    }
    return { isAllowed: true, retryAfterSeconds: 0 };
  }
}
