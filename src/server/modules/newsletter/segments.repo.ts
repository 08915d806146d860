/** All SQL of segments (STYLE G5). Every query is scoped by workspace. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { newsletterIssues, segments } from './newsletter.tables.js';

export type SegmentRow = typeof segments.$inferSelect;
export type SegmentInsert = typeof segments.$inferInsert;

/** Issue states in which a segment still decides who receives it. */
const LIVE_ISSUE_STATUSES = ['draft', 'scheduled', 'sending', 'paused'];

export function findSegments(db: DbOrTransaction, workspaceId: string) {
  return db.select().from(segments).where(eq(segments.workspaceId, workspaceId)).orderBy(asc(segments.createdAt), asc(segments.id));
}

export async function findSegmentById(db: DbOrTransaction, workspaceId: string, id: string): Promise<SegmentRow | undefined> {
  const [row] = await db
    .select()
    .from(segments)
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
  return row;
}

export async function insertSegment(db: DbOrTransaction, values: SegmentInsert): Promise<SegmentRow> {
  const [row] = await db.insert(segments).values(values).returning();
  return row as SegmentRow;
}

export async function updateSegmentRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<SegmentInsert>) {
  const [row] = await db
    .update(segments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)))
    .returning();
  return row as SegmentRow | undefined;
}

export async function deleteSegmentRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<void> {
  await db.delete(segments).where(and(eq(segments.workspaceId, workspaceId), eq(segments.id, id)));
}

/** Whether an issue not yet sent or cancelled uses the segment (deleting it would widen that issue's audience). */
export async function isSegmentInUse(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(newsletterIssues)
    .where(
      and(
        eq(newsletterIssues.workspaceId, workspaceId),
        eq(newsletterIssues.segmentId, id),
        inArray(newsletterIssues.status, LIVE_ISSUE_STATUSES),
      ),
    )
    .limit(1);
  return Boolean(row);
}
