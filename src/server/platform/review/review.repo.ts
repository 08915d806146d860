/** All SQL of the approval workflow. Every review is found by workspace, content type and content id. */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { PERMISSIONS } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../audit/audit.js';
import { users } from '../auth/auth.tables.js';
import { memberships, workspaces } from '../platform.tables.js';
import { contentApprovals, contentComments, contentReviewEvents, contentReviews } from './review.tables.js';

export type ReviewRow = typeof contentReviews.$inferSelect;
export type ReviewCommentRow = typeof contentComments.$inferSelect;

/** The most events a review answers with (newest kept); a real item sees a few dozen. */
const EVENTS_SHOWN = 200;

export async function findReview(db: DbOrTransaction, workspaceId: string, contentType: string, contentId: string) {
  const [row] = await db
    .select()
    .from(contentReviews)
    .where(
      and(
        eq(contentReviews.workspaceId, workspaceId),
        eq(contentReviews.contentType, contentType),
        eq(contentReviews.contentId, contentId),
      ),
    );
  return row;
}

/** The review of an item, created in `draft` the first time anyone acts on it. */
export async function ensureReview(db: DbOrTransaction, workspaceId: string, contentType: string, contentId: string): Promise<ReviewRow> {
  await db.insert(contentReviews).values({ workspaceId, contentType, contentId }).onConflictDoNothing();
  return (await findReview(db, workspaceId, contentType, contentId)) as ReviewRow;
}

/**
 * Locks the review if it is still in `state` (a conditional update): a concurrent transition that
 * committed first leaves nothing to lock, so the caller answers CONFLICT instead of acting twice.
 */
export async function lockReviewInState(db: DbOrTransaction, reviewId: string, state: string): Promise<ReviewRow | undefined> {
  const [row] = await db
    .update(contentReviews)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(contentReviews.id, reviewId), eq(contentReviews.state, state)))
    .returning();
  return row;
}

export async function updateReviewRow(
  db: DbOrTransaction,
  reviewId: string,
  values: Partial<Pick<ReviewRow, 'state' | 'scheduledFor' | 'overrideReason'>>,
): Promise<ReviewRow> {
  const [row] = await db
    .update(contentReviews)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(contentReviews.id, reviewId))
    .returning();
  return row as ReviewRow;
}

export async function insertReviewEvent(db: DbOrTransaction, values: typeof contentReviewEvents.$inferInsert) {
  const [row] = await db.insert(contentReviewEvents).values(values).returning();
  return row as typeof contentReviewEvents.$inferSelect;
}

/** Events oldest first (the newest `EVENTS_SHOWN`), with the actor's name. */
export async function findReviewEvents(db: DbOrTransaction, reviewId: string) {
  const rows = await db
    .select({ event: contentReviewEvents, actorName: users.name })
    .from(contentReviewEvents)
    .leftJoin(users, eq(users.id, contentReviewEvents.actorUserId))
    .where(eq(contentReviewEvents.reviewId, reviewId))
    .orderBy(desc(contentReviewEvents.id))
    .limit(EVENTS_SHOWN);
  return rows.reverse();
}

/** Who made the submission now under review: the actor of the latest `submit`. */
export async function findSubmitter(db: DbOrTransaction, reviewId: string) {
  const [row] = await db
    .select({ userId: contentReviewEvents.actorUserId, name: users.name })
    .from(contentReviewEvents)
    .leftJoin(users, eq(users.id, contentReviewEvents.actorUserId))
    .where(and(eq(contentReviewEvents.reviewId, reviewId), eq(contentReviewEvents.action, 'submit')))
    .orderBy(desc(contentReviewEvents.id))
    .limit(1);
  return row;
}

export function findApprovals(db: DbOrTransaction, reviewId: string) {
  return db
    .select({ userId: contentApprovals.userId, name: users.name, createdAt: contentApprovals.createdAt })
    .from(contentApprovals)
    .innerJoin(users, eq(users.id, contentApprovals.userId))
    .where(eq(contentApprovals.reviewId, reviewId))
    .orderBy(asc(contentApprovals.createdAt));
}

/** Records an approval; false when this person had already approved in this round. */
export async function insertApproval(db: DbOrTransaction, reviewId: string, userId: string): Promise<boolean> {
  const rows = await db.insert(contentApprovals).values({ reviewId, userId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function deleteApprovals(db: DbOrTransaction, reviewId: string): Promise<number> {
  const rows = await db.delete(contentApprovals).where(eq(contentApprovals.reviewId, reviewId)).returning();
  return rows.length;
}

export async function insertComment(db: DbOrTransaction, values: typeof contentComments.$inferInsert): Promise<ReviewCommentRow> {
  const [row] = await db.insert(contentComments).values(values).returning();
  return row as ReviewCommentRow;
}

export function findComments(db: DbOrTransaction, reviewId: string) {
  return db
    .select({ comment: contentComments, authorName: users.name })
    .from(contentComments)
    .leftJoin(users, eq(users.id, contentComments.authorUserId))
    .where(eq(contentComments.reviewId, reviewId))
    .orderBy(asc(contentComments.createdAt), asc(contentComments.id));
}

export async function findComment(db: DbOrTransaction, reviewId: string, commentId: string) {
  const [row] = await db
    .select()
    .from(contentComments)
    .where(and(eq(contentComments.reviewId, reviewId), eq(contentComments.id, commentId)));
  return row;
}

/** Marks an open comment resolved; undefined when it was already resolved. */
export async function resolveCommentRow(db: DbOrTransaction, commentId: string): Promise<ReviewCommentRow | undefined> {
  const [row] = await db
    .update(contentComments)
    .set({ resolvedAt: sql`now()` })
    .where(and(eq(contentComments.id, commentId), isNull(contentComments.resolvedAt)))
    .returning();
  return row;
}

/** The workspace settings the workflow reads. */
export async function findReviewSettings(db: DbOrTransaction, workspaceId: string) {
  const [row] = await db
    .select({ requiredApprovals: workspaces.requiredApprovals, contentLanguages: workspaces.contentLanguages })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row;
}

/** Members whose role may approve or request changes (the reviewers to notify). */
/** The workspace's admins: who hears of what the platform did on its own and could not finish. */
export async function findAdminIds(db: DbOrTransaction, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin')));
  return rows.map((row) => row.userId);
}

export async function findDeciderIds(db: DbOrTransaction, workspaceId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, [...PERMISSIONS['review:decide']])));
  return rows.map((row) => row.userId);
}
