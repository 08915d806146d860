/** Workspaces, the signed-in user's profile, and membership rules. */
import { and, eq } from 'drizzle-orm';
import { pickUiLocale } from '../../../shared/languages.js';
import type { Role } from '../../../shared/roles.js';
import type { Me, Workspace, WorkspaceUpdate } from '../../../shared/workspaces/workspace.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Actor } from '../../platform/http/request-context.js';
import { memberships, workspaces } from '../../platform/platform.tables.js';
import { assertFileOwned } from '../../platform/storage/files.service.js';
import { presentWorkspace } from './workspaces.presenter.js';
import { findMembers, findMembership, findWorkspaceById, findWorkspacesOfUser } from './workspaces.repo.js';

export function createWorkspacesService(db: Db) {
  return {
    async me(actor: Actor, csrfToken: string): Promise<Me> {
      const rows = await findWorkspacesOfUser(db, actor.user.id);
      return {
        user: { ...actor.user, locale: pickUiLocale(actor.user.locale) },
        workspaces: rows.map((row) => ({ ...presentWorkspace(row.workspace), role: row.role as Role })),
        csrfToken,
      };
    },

    async updateMe(actor: Actor, input: { locale?: string; name?: string }): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(users.id, actor.user.id));
        await recordAudit(tx, {
          workspaceId: null,
          actorUserId: actor.user.id,
          action: 'update',
          entityType: 'user',
          entityId: actor.user.id,
          before: { locale: actor.user.locale, name: actor.user.name },
          after: input,
        });
      });
    },

    async get(ctx: ServiceContext): Promise<Workspace> {
      const row = await findWorkspaceById(db, ctx.membership.workspaceId);
      if (!row) throw new AppError('NOT_FOUND');
      return presentWorkspace(row);
    },

    async update(ctx: ServiceContext, input: WorkspaceUpdate): Promise<Workspace> {
      const workspaceId = ctx.membership.workspaceId;
      if (input.logoFileId) await assertFileOwned(db, workspaceId, input.logoFileId, 'logoFileId');
      return db.transaction(async (tx) => {
        const before = await findWorkspaceById(tx, workspaceId);
        if (!before) throw new AppError('NOT_FOUND');
        const [after] = await tx
          .update(workspaces)
          .set({ ...input, updatedAt: new Date() })
          .where(eq(workspaces.id, workspaceId))
          .returning();
        if (!after) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'workspace',
          entityId: workspaceId,
          before: presentWorkspace(before),
          after: presentWorkspace(after),
        });
        return presentWorkspace(after);
      });
    },

    async members(ctx: ServiceContext) {
      const rows = await findMembers(db, ctx.membership.workspaceId);
      return rows.map((row) => ({ ...row, role: row.role as Role, createdAt: row.createdAt.toISOString() }));
    },

    /** Changes a member's role (or removes them with `null`); the last admin cannot be demoted. */
    async setMemberRole(ctx: ServiceContext, userId: string, role: Role | null): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await findMembership(tx, workspaceId, userId);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.role === 'admin' && role !== 'admin') {
          const admins = (await findMembers(tx, workspaceId)).filter((member) => member.role === 'admin');
          if (admins.length <= 1) throw new AppError('CONFLICT', { params: { reason: 'LAST_ADMIN' } });
        }
        const where = and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId));
        if (role === null) await tx.delete(memberships).where(where);
        else await tx.update(memberships).set({ role }).where(where);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: role === null ? 'delete' : 'update',
          entityType: 'membership',
          entityId: userId,
          before: { role: before.role },
          after: role === null ? null : { role },
        });
      });
    },
  };
}
