/**
 * Short-lived memories of what reads found, for the embedded database only: resolved sessions, and
 * the first pages of the directory lists. PGlite serves one process through one connection, so every
 * query of every request waits its turn, and a busy list is read far more often than it changes.
 * Whatever can change what is cached (sign-out, revocation, an edit) is a write request in this same
 * process, and every write request empties every cache before and after it runs
 * (`installWriteClearing`); a generation number keeps a read that raced with a write from storing
 * what it read, and a time to live bounds what background jobs could change. On a PostgreSQL server
 * several app processes may run, so nothing is cached there.
 */
import type { FastifyInstance } from 'fastify';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CACHES = new Set<{ clear(): void }>();

export interface CachedEntry<T> {
  value: T;
  /** Epoch ms after which the entry is not used. */
  expiresAt: number;
}

export class WriteClearedCache<T> {
  readonly #entries = new Map<string, CachedEntry<T>>();
  #generation = 0;

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {
    CACHES.add(this);
  }

  #now(): number {
    return this.options.now?.() ?? Date.now();
  }

  get generation(): number {
    return this.#generation;
  }

  get(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Stores a lookup made at `generation`, unless a write emptied the cache since. */
  set(key: string, value: T, generation: number, validUntil: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= this.options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: Math.min(validUntil, this.#now() + this.options.ttlMs) });
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}

/** Empties every cache of the process when a write request starts and when it ends. */
export function installWriteClearing(app: FastifyInstance): void {
  const clearAll = async (request: { method: string }) => {
    if (UNSAFE_METHODS.has(request.method)) for (const cache of CACHES) cache.clear();
  };
  app.addHook('onRequest', clearAll);
  app.addHook('onResponse', clearAll);
}
