/**
 * A short-lived memory of resolved sessions, for the embedded database only. PGlite serves one process
 * through one connection, so a session lookup (two queries) is a large share of every request under
 * load. Whatever can end or change a session (sign-out, revocation, password change, profile edits) is
 * a write request in this same process, and every write request empties the cache before and after it
 * runs; a generation number keeps a lookup that raced with a write from storing what it read. On a
 * PostgreSQL server several app processes may run, so there is no cache there.
 */

export interface CachedSession<T> {
  value: T;
  /** Epoch ms after which the entry is not used. */
  expiresAt: number;
}

export class SessionCache<T> {
  readonly #entries = new Map<string, CachedSession<T>>();
  #generation = 0;

  constructor(private readonly options: { ttlMs: number; maxEntries: number; now?: () => number }) {}

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
  set(key: string, value: T, generation: number, sessionExpiresAt: number): void {
    if (generation !== this.#generation) return;
    if (this.#entries.size >= this.options.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { value, expiresAt: Math.min(sessionExpiresAt, this.#now() + this.options.ttlMs) });
  }

  clear(): void {
    this.#generation += 1;
    this.#entries.clear();
  }
}
