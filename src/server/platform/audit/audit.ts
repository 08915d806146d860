/** The audit log: who changed what, when, with before/after. Written in the same transaction as the change. */
import type { Db } from '../db/database.js';
import { auditLog } from '../platform.tables.js';

export interface AuditEntry {
  workspaceId: string | null;
  actorUserId: string | null;
  action: 'create' | 'update' | 'archive' | 'restore' | 'delete' | string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/** Anything that can run an insert: the database or an open transaction. */
export type DbOrTransaction = Pick<Db, 'insert' | 'select' | 'update' | 'delete' | 'execute'>;

/** Appends one entry; call it with the transaction that makes the change. */
export async function recordAudit(db: DbOrTransaction, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: (entry.before ?? null) as object | null,
    after: (entry.after ?? null) as object | null,
  });
}
