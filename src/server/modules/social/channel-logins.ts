/**
 * Logins between Meta's callback and the admin's choice of pages. The page tokens stay in this web
 * process's memory for fifteen minutes and are never written anywhere until a page is connected
 * (then sealed); a restart in between only asks the admin to log in again.
 */
import { randomBytes } from 'node:crypto';
import type { ConnectablePage } from './channels/channel.js';

export interface PendingLogin {
  id: string;
  workspaceId: string;
  userId: string;
  network: 'facebook';
  pages: ConnectablePage[];
  expiresAt: number;
}

const TTL_MS = 15 * 60 * 1000;
const MAX_PENDING = 500;

export class PendingLogins {
  private readonly logins = new Map<string, PendingLogin>();

  constructor(private readonly now: () => number = Date.now) {}

  private sweep(): void {
    const now = this.now();
    for (const [id, login] of this.logins) if (login.expiresAt <= now) this.logins.delete(id);
    while (this.logins.size >= MAX_PENDING) {
      const oldest = this.logins.keys().next().value;
      if (oldest === undefined) break;
      this.logins.delete(oldest);
    }
  }

  put(input: Omit<PendingLogin, 'id' | 'expiresAt'>): PendingLogin {
    this.sweep();
    const login = { ...input, id: randomBytes(24).toString('base64url'), expiresAt: this.now() + TTL_MS };
    this.logins.set(login.id, login);
    return login;
  }

  /** The login, only for the workspace and the person who started it. */
  get(id: string, workspaceId: string, userId: string): PendingLogin | undefined {
    this.sweep();
    const login = this.logins.get(id);
    return login && login.workspaceId === workspaceId && login.userId === userId ? login : undefined;
  }

  delete(id: string): void {
    this.logins.delete(id);
  }
}

const stores = new WeakMap<object, PendingLogins>();

/** The pending logins of one app instance (keyed by its database, like the other per-app caches). */
export function pendingLoginsOf(owner: object): PendingLogins {
  let store = stores.get(owner);
  if (!store) {
    store = new PendingLogins();
    stores.set(owner, store);
  }
  return store;
}
