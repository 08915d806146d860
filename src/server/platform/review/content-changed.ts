/**
 * What content modules call when an item's text changes: approvals were given to the previous
 * version, so they are cleared, and an item past review (approved, scheduled, published) goes back
 * to `in_review`. Runs in the caller's transaction, with its event and audit entry.
 */
import type { DbOrTransaction } from '../audit/audit.js';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import { deleteApprovals, findReview, insertReviewEvent, lockReviewInState, updateReviewRow } from './review.repo.js';

const BACK_TO_REVIEW = new Set(['approved', 'scheduled', 'published']);

/** Returns the states before and after, or undefined when the change did not touch the workflow. */
export async function contentChanged(
  tx: DbOrTransaction,
  workspaceId: string,
  contentType: string,
  contentId: string,
  actorUserId: string | null = null,
): Promise<{ fromState: string; toState: string } | undefined> {
  const review = await findReview(tx, workspaceId, contentType, contentId);
  if (!review || (review.state !== 'in_review' && !BACK_TO_REVIEW.has(review.state))) return undefined;
  const fromState = review.state;
  if (!(await lockReviewInState(tx, review.id, fromState))) throw new AppError('CONFLICT', { params: { state: fromState } });
  const cleared = await deleteApprovals(tx, review.id);
  if (fromState === 'in_review' && cleared === 0) return undefined;
  const toState = 'in_review';
  await updateReviewRow(tx, review.id, { state: toState, scheduledFor: null, overrideReason: null });
  await insertReviewEvent(tx, { reviewId: review.id, actorUserId, action: 'content_changed', fromState, toState, note: null });
  await recordAudit(tx, {
    workspaceId,
    actorUserId,
    action: 'review.content-changed',
    entityType: contentType,
    entityId: contentId,
    before: { state: fromState, approvals: cleared, scheduledFor: review.scheduledFor?.toISOString() ?? null },
    after: { state: toState, approvals: 0, scheduledFor: null },
  });
  return { fromState, toState };
}
