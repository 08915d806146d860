/**
 * Route guards (STYLE G4): a route declares what it needs; the guard checks the session, the
 * membership in the workspace named by `:workspaceId`, and the role's permission.
 */
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { hasPermission, type Permission, type Role } from '../../../shared/roles.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import { memberships } from '../platform.tables.js';
import type { Actor, WorkspaceMembership } from './request-context.js';
import { WriteClearedCache } from './write-cleared-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Roles by `userId|workspaceId`, per database, when the app caches reads (embedded database only). */
const roleCaches = new WeakMap<Db, WriteClearedCache<Role | null>>();

/** Lets guards remember roles briefly; every write request (a role change, a removal) forgets them. */
export function cacheMembershipRoles(db: Db): void {
  roleCaches.set(db, new WriteClearedCache<Role | null>({ ttlMs: 30_000, maxEntries: 10_000 }));
}

async function findRole(db: Db, workspaceId: string, userId: string): Promise<Role | null> {
  const cache = roleCaches.get(db);
  const key = `${userId}|${workspaceId}`;
  const cached = cache?.get(key);
  if (cached !== undefined) return cached;
  const generation = cache?.generation ?? 0;
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  const role = (membership?.role as Role | undefined) ?? null;
  cache?.set(key, role, generation, Number.POSITIVE_INFINITY);
  return role;
}

/** A signed-in user is required. */
export const requireUser: onRequestAsyncHookHandler = async (request) => {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
};

/** Signed in, member of the route's workspace, and holding `permission` there. */
export function requirePermission(db: Db, permission: Permission): onRequestAsyncHookHandler {
  return async (request) => {
    if (!request.actor) throw new AppError('UNAUTHENTICATED');
    const workspaceId = (request.params as { workspaceId?: string }).workspaceId;
    // A workspace the user is not a member of is reported as absent, so ids cannot be probed.
    if (!workspaceId || !UUID.test(workspaceId)) throw new AppError('NOT_FOUND');
    const role = await findRole(db, workspaceId, request.actor.user.id);
    if (!role) throw new AppError('NOT_FOUND');
    if (!hasPermission(role, permission)) throw new AppError('FORBIDDEN');
    request.membership = { workspaceId, role };
  };
}

/** What services receive: who acts, in which workspace, with which role. */
export interface ServiceContext {
  actor: Actor;
  membership: WorkspaceMembership;
}

/** The service context of a guarded request (the guard has run). */
export function contextOf(request: FastifyRequest): ServiceContext {
  if (!request.actor || !request.membership) throw new AppError('UNAUTHENTICATED');
  return { actor: request.actor, membership: request.membership };
}
