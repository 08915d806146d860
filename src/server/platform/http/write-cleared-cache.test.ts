import { describe, expect, it } from 'vitest';
import { WriteClearedCache } from './write-cleared-cache.js';

describe('WriteClearedCache', () => {
  function cacheAt(clock: { now: number }, maxEntries = 3) {
    return new WriteClearedCache<string>({ ttlMs: 1_000, maxEntries, now: () => clock.now });
  }

  it('keeps an entry for its time to live, and never past the session’s own expiry', () => {
    const clock = { now: 0 };
    const cache = cacheAt(clock);
    cache.set('long', 'a', cache.generation, 10_000);
    cache.set('short', 'b', cache.generation, 500);
    clock.now = 499;
    expect([cache.get('long'), cache.get('short')]).toEqual(['a', 'b']);
    clock.now = 500;
    expect(cache.get('short')).toBeUndefined();
    clock.now = 1_000;
    expect(cache.get('long')).toBeUndefined();
  });

  it('does not store a lookup that started before a write emptied the cache', () => {
    const cache = cacheAt({ now: 0 });
    const before = cache.generation;
    cache.clear();
    cache.set('token', 'stale', before, 10_000);
    expect(cache.get('token')).toBeUndefined();
    cache.set('token', 'fresh', cache.generation, 10_000);
    expect(cache.get('token')).toBe('fresh');
  });

  it('forgets the oldest entry when full', () => {
    const cache = cacheAt({ now: 0 }, 2);
    for (const key of ['one', 'two', 'three']) cache.set(key, key, cache.generation, 10_000);
    expect([cache.get('one'), cache.get('two'), cache.get('three')]).toEqual([undefined, 'two', 'three']);
  });
});
