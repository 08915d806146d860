/**
 * Admin views. The job queue and the outbox are instance-wide (one server, one queue): any workspace
 * admin sees them, which suits a consortium's single installation; the audit log is per workspace.
 */
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { AuditListQuery, AuditPage, JobState, JobsOverview, OutboxListQuery, OutboxPage } from '../../../shared/admin/admin.schema.js';
import { recordAudit } from '../audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../db/pagination.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/guards.js';
import type { Platform } from '../platform.js';
import { auditLog, jobTypeSettings, mailOutbox } from '../platform.tables.js';

/** Raw SQL answers timestamps as Date (or text on some drivers); the API speaks ISO strings. */
function isoOrNull(value: unknown): string | null {
  if (value == null) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

export function createAdminService(platform: Platform) {
  const db = platform.database.db;
  const jobs = platform.jobs;

  function assertJobType(name: string): void {
    if (!jobs.definition(name)) throw new AppError('NOT_FOUND');
  }

  return {
    /** The workspace's entries, newest first; `before` is the previous page's `nextCursor` (an entry id). */
    async audit(ctx: ServiceContext, query: AuditListQuery): Promise<AuditPage> {
      const rows = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.workspaceId, ctx.membership.workspaceId), query.before ? lt(auditLog.id, Number(query.before)) : undefined))
        .orderBy(desc(auditLog.id))
        .limit(query.limit + 1);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() })),
        nextCursor: rows.length > query.limit && last ? String(last.id) : null,
      };
    },

    /**
     * Every message, newest first, by keyset on (created_at, id). The cursor keeps the timestamp to the
     * microsecond as PostgreSQL stores it: a JavaScript Date would round it and skip or repeat rows.
     */
    async outbox(query: OutboxListQuery): Promise<OutboxPage> {
      const cursor = decodeKeysetCursor(query.before, { sortKey: TIMESTAMP_SORT_KEY, field: 'before' });
      const sortKey = sql<string>`to_char(${mailOutbox.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
      const rows = await db
        .select({ row: mailOutbox, sortKey })
        .from(mailOutbox)
        .where(cursor ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)` : undefined)
        .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        smtpConfigured: platform.mailer.isSmtpConfigured,
        items: page.map(({ row }) => ({ ...row, createdAt: row.createdAt.toISOString(), sentAt: row.sentAt?.toISOString() ?? null })),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.row.id }) : null,
      };
    },

    /** Job types with their pause state and counts per state, and the latest jobs (optionally of one state). */
    async jobs(state?: JobState): Promise<JobsOverview> {
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
          state: String(row.state) as JobState,
          isDead: row.state === 'failed',
          data: row.data,
          output: row.output,
          retryCount: Number(row.retry_count),
          retryLimit: Number(row.retry_limit),
          singletonKey: row.singleton_key == null ? null : String(row.singleton_key),
          startAfter: isoOrNull(row.start_after),
          createdOn: isoOrNull(row.created_on) ?? '',
          startedOn: isoOrNull(row.started_on),
          completedOn: isoOrNull(row.completed_on),
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
