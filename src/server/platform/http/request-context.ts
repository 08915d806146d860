/** What a request carries once authenticated: the actor and, on workspace routes, the membership. */
import type { Role } from '../../../shared/roles.js';

export interface Actor {
  user: { id: string; name: string; email: string; locale: string };
  sessionId: string;
}

export interface WorkspaceMembership {
  workspaceId: string;
  role: Role;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    membership?: WorkspaceMembership;
  }
}
