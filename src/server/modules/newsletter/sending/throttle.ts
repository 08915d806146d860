/**
 * Messages per second: a token bucket per workspace in each process. Several processes working the
 * same workspace divide the rate between them (each takes `rate / liveWorkers`), so together they
 * never exceed it; a worker that died still counts until its slice would have ended, which errs on
 * the slow side.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private ratePerSecond: number,
    private readonly clock: Clock = systemClock,
  ) {
    // Starts with one second's worth minus nothing in hand: the first batch goes at once.
    this.tokens = Math.max(1, ratePerSecond);
    this.updatedAt = clock.now();
  }

  /** Changes the rate (settings edited, another worker joined or left). */
  setRate(ratePerSecond: number): void {
    this.refill();
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, this.capacity);
  }

  get rate(): number {
    return this.ratePerSecond;
  }

  /** At most one second of sending is saved up. */
  private get capacity(): number {
    return Math.max(1, this.ratePerSecond);
  }

  private refill(): void {
    const now = this.clock.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.ratePerSecond);
    this.updatedAt = now;
  }

  /**
   * Waits until `wanted` tokens (capped at one second's worth) are in hand, takes them and returns
   * how many; `shouldStop` ends the wait early (0 is returned).
   */
  async take(wanted: number, shouldStop: () => boolean = () => false): Promise<number> {
    const count = Math.max(1, Math.min(Math.floor(wanted), Math.floor(this.capacity)));
    for (;;) {
      this.refill();
      if (this.tokens >= count) {
        this.tokens -= count;
        return count;
      }
      if (shouldStop()) return 0;
      const waitMs = Math.ceil(((count - this.tokens) / this.ratePerSecond) * 1000);
      await this.clock.sleep(Math.min(Math.max(waitMs, 1), 250));
    }
  }

  /** Gives back what was taken but not used (fewer rows were ready than tokens taken). */
  giveBack(count: number): void {
    this.refill();
    this.tokens = Math.min(this.capacity, this.tokens + Math.max(0, count));
  }
}
