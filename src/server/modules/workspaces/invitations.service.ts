/**
 * Invitations by email link. The token is shown once (in the mail); only its hash is stored.
 * The mail is bilingual (French then Arabic) since the invitee's language is not known yet.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { pickLocalized } from '../../../shared/localized-text.js';
import type { Role } from '../../../shared/roles.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { createAccount, findUserIdByEmail, isPasswordOf } from '../../platform/auth/accounts.js';
import type { Auth } from '../../platform/auth/auth.js';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { translatorFor } from '../../platform/i18n.js';
import type { Mailer } from '../../platform/mail/mailer.js';
import { invitations, memberships } from '../../platform/platform.tables.js';
import { findMembership, findOpenInvitationByTokenHash, findOpenInvitations, findWorkspaceById } from './workspaces.repo.js';

export const INVITATION_DAYS = 7;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createInvitationsService(deps: { db: Db; auth: Auth; mailer: Mailer; publicUrl: string }) {
  const { db, auth, mailer, publicUrl } = deps;
  return {
    async list(ctx: ServiceContext) {
      const rows = await findOpenInvitations(db, ctx.membership.workspaceId);
      return rows.map((row) => ({
        id: row.id,
        email: row.email,
        role: row.role as Role,
        expiresAt: row.expiresAt.toISOString(),
        createdAt: row.createdAt.toISOString(),
      }));
    },

    /** Creates an invitation and mails its link; returns the link too (the outbox shows it when no SMTP). */
    async create(ctx: ServiceContext, input: { email: string; role: Role }) {
      const workspaceId = ctx.membership.workspaceId;
      const workspace = await findWorkspaceById(db, workspaceId);
      if (!workspace) throw new AppError('NOT_FOUND');
      const existingUserId = await findUserIdByEmail(auth, input.email);
      if (existingUserId && (await findMembership(db, workspaceId, existingUserId))) {
        throw new AppError('ALREADY_EXISTS', { fields: { email: 'ALREADY_USED' } });
      }
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const url = `${publicUrl}/app/invitation/${token}`;
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(invitations)
          .values({
            workspaceId,
            email: input.email,
            role: input.role,
            tokenHash: hashToken(token),
            invitedBy: ctx.actor.user.id,
            expiresAt,
          })
          .returning();
        if (!created) throw new AppError('INTERNAL');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'invitation',
          entityId: created.id,
          after: { email: input.email, role: input.role },
        });
        return created;
      });
      const parts = (['fr', 'ar'] as const).map((locale) => {
        const t = translatorFor(locale);
        const workspaceName = pickLocalized(workspace.name, locale, workspace.contentLanguages)?.value ?? workspace.slug;
        const params = {
          workspace: workspaceName,
          inviter: ctx.actor.user.name,
          role: t(`roles.${input.role}`),
          url,
          days: INVITATION_DAYS,
        };
        return { subject: t('mail.invitation.subject', params), body: t('mail.invitation.body', params) };
      });
      await mailer.send({
        workspaceId,
        to: input.email,
        subject: `${parts[0]?.subject} · ${parts[1]?.subject}`,
        text: parts.map((part) => part.body).join('\n\n————————\n\n'),
      });
      return {
        id: row.id,
        email: row.email,
        role: row.role as Role,
        expiresAt: row.expiresAt.toISOString(),
        createdAt: row.createdAt.toISOString(),
        url,
      };
    },

    async revoke(ctx: ServiceContext, invitationId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.delete(invitations).where(eq(invitations.id, invitationId)).returning();
        if (!row || row.workspaceId !== ctx.membership.workspaceId) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId: ctx.membership.workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'invitation',
          entityId: invitationId,
          before: { email: row.email, role: row.role },
        });
      });
    },

    async preview(token: string) {
      const invitation = await findOpenInvitationByTokenHash(db, hashToken(token));
      if (!invitation) throw new AppError('INVITATION_INVALID');
      const workspace = await findWorkspaceById(db, invitation.workspaceId);
      if (!workspace) throw new AppError('INVITATION_INVALID');
      return {
        email: invitation.email,
        role: invitation.role as Role,
        workspace: { id: workspace.id, name: workspace.name },
        hasAccount: Boolean(await findUserIdByEmail(auth, invitation.email)),
      };
    },

    /**
     * Accepts an invitation: creates the account when the email has none (the password is set here);
     * when it has one, the password must be that account's, so a forwarded link cannot join someone
     * else's account to the workspace. Marks the invitation used, then adds the membership — the token
     * works once, even for two accepts at the same instant.
     */
    async accept(token: string, input: { name: string; password: string; locale?: string }): Promise<{ email: string }> {
      const invitation = await findOpenInvitationByTokenHash(db, hashToken(token));
      if (!invitation) throw new AppError('INVITATION_INVALID');
      // Claim the link first, so a double click goes no further than here; better-auth creates accounts on
      // its own connection (no shared transaction on PGlite), so any failure after the claim (a wrong
      // password included) releases it and the link can be used again.
      const [claimed] = await db
        .update(invitations)
        .set({ acceptedAt: new Date() })
        .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
        .returning({ id: invitations.id });
      if (!claimed) throw new AppError('INVITATION_INVALID');
      try {
        const existingUserId = await findUserIdByEmail(auth, invitation.email);
        if (existingUserId && !(await isPasswordOf(auth, existingUserId, input.password))) throw new AppError('INVALID_CREDENTIALS');
        const userId =
          existingUserId ??
          (await createAccount(auth, { email: invitation.email, name: input.name, password: input.password, locale: input.locale }));
        await db.transaction(async (tx) => {
          await tx.insert(memberships).values({ workspaceId: invitation.workspaceId, userId, role: invitation.role }).onConflictDoNothing();
          await recordAudit(tx, {
            workspaceId: invitation.workspaceId,
            actorUserId: userId,
            action: 'create',
            entityType: 'membership',
            entityId: userId,
            after: { role: invitation.role, invitationId: invitation.id },
          });
        });
      } catch (error) {
        await db.update(invitations).set({ acceptedAt: null }).where(eq(invitations.id, invitation.id));
        throw error;
      }
      return { email: invitation.email };
    },
  };
}
