/**
 * Admin views. The job queue and the outbox are instance-wide (one server, one queue): any workspace
 * admin sees them, which suits a consortium's single installation; the audit log is per workspace.
 */
import { and, desc, eq, lt } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { auditLog, jobTypeSettings, mailOutbox } from '../platform.tables.js';

export function createAdminService(platform: Platform) {
  const db = platform.database.db;
  const jobs = platform.jobs;

  function assertJobType(name: string): void {
    if (!jobs.definition(name)) throw new AppError('NOT_FOUND');
  }

  return {
    async audit(ctx: ServiceContext, query: { limit: number; before?: number }) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ctx.membership.workspaceId), query.before ? lt(auditLog.id, query.before) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(query.limit);
      return { items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })) };
    },

    async outbox() {
      const rows = await db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(100);
      return {
        smtpConfigured: platform.mailer.isSmtpConfigured,
        items: rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null })),
      };
    },

    /** Job types with their pause state and counts per state, and the latest jobs (optionally of one state). */
    async jobs(state?: string) {
      const settings = await db.select().from(jobTypeSettings);
      const counts = await platform.database.executeSql('select name, state, count(*)::int as count from pgboss.job group by name, state');
      const recent = await platform.database.executeSql(
        `select id, name, state, data, output, retry_count, retry_limit, singleton_key, start_after, created_on, started_on, completed_on
           from pgboss.job ${state ? 'where state = $1' : ''} order by created_on desc limit 100`,
        state ? [state] : [],
      );
      return {
        types: jobs.names.map((name) => {
          const setting = settings.find((row) => row.name === name);
          const byState = Object.fromEntries(
            counts.rows.filter((row) => row.name === name).map((row) => [String(row.state), Number(row.count)]),
          );
          return {
            name,
            isPaused: setting?.isPaused ?? false,
            pausedReason: setting?.pausedReason ?? null,
            isSending: jobs.definition(name)?.isSending ?? false,
            counts: byState,
          };
        }),
        jobs: recent.rows.map((row) => ({
          id: String(row.id),
          name: String(row.name),
          // `failed` after the last retry is the dead state: it keeps the last error in `output`.
          state: String(row.state),
          isDead: row.state === 'failed',
          data: row.data,
          output: row.output,
          retryCount: Number(row.retry_count),
          retryLimit: Number(row.retry_limit),
          singletonKey: row.singleton_key ?? null,
          startAfter: row.start_after,
          createdOn: row.created_on,
          startedOn: row.started_on,
          completedOn: row.completed_on,
        })),
      };
    },

    async setPaused(ctx: ServiceContext, name: string, isPaused: boolean) {
      assertJobType(name);
      await jobs.setPaused(name, isPaused, isPaused ? `paused by ${ctx.actor.user.email}` : undefined);
      await recordAudit(db, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: isPaused ? 'pause' : 'resume',
        entityType: 'job_type',
        entityId: name,
      });
    },

    async retry(ctx: ServiceContext, name: string, jobId: string) {
      assertJobType(name);
      await jobs.boss.retry(name, jobId);
      await recordAudit(db, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'retry',
        entityType: 'job',
        entityId: jobId,
      });
    },

    async cancel(ctx: ServiceContext, name: string, jobId: string) {
      assertJobType(name);
      await jobs.boss.cancel(name, jobId);
      await recordAudit(db, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'cancel',
        entityType: 'job',
        entityId: jobId,
      });
    },
  };
}
