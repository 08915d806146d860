import { describe, expect, it } from 'vitest';
import { type Clock, TokenBucket } from './throttle.js';

/** A clock that only moves when the bucket sleeps, so a test measures what the bucket asked for. */
function fakeClock(): Clock & { slept: number } {
  let now = 0;
  const clock = {
    slept: 0,
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
      clock.slept += ms;
    },
  };
  return clock;
}

describe('messages per second', () => {
  it('hands out at most the rate per second, a second saved up at most', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, clock);
    let taken = 0;
    for (let round = 0; round < 10; round += 1) taken += await bucket.take(10);
    // 10 at once, then 10 per second: 100 messages take 9 seconds.
    expect(taken).toBe(100);
    expect(clock.slept).toBeGreaterThanOrEqual(9000);
    expect(clock.slept).toBeLessThan(9300);
  });

  it('never hands out more than a second worth in one take, and takes back what was not used', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(5, clock);
    expect(await bucket.take(200)).toBe(5);
    bucket.giveBack(5);
    expect(await bucket.take(5)).toBe(5);
    expect(clock.slept).toBe(0);
  });

  it('slows down when the rate is divided between workers, and stops waiting when asked', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(10, clock);
    await bucket.take(10);
    bucket.setRate(2);
    expect(await bucket.take(2)).toBe(2);
    expect(clock.slept).toBeGreaterThanOrEqual(1000);
    expect(await bucket.take(2, () => true)).toBe(0);
  });
});
