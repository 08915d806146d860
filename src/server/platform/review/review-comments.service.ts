/** Comments of a review, anchored to a language version (and a quoted passage), and their resolution. */
import type { ReviewComment, ReviewCommentCreate } from '../../../shared/review/review.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/guards.js';
import { presentReviewComment } from './review.presenter.js';
import { ensureReview, findComment, findReview, insertComment, resolveCommentRow } from './review.repo.js';
import { loadReviewContext } from './review-read.js';

export function createReviewCommentsService(db: Db) {
  return {
    async addComment(ctx: ServiceContext, contentType: string, contentId: string, input: ReviewCommentCreate): Promise<ReviewComment> {
      const workspaceId = ctx.membership.workspaceId;
      const actor = ctx.actor.user;
      return db.transaction(async (tx) => {
        const { settings } = await loadReviewContext(tx, ctx, contentType, contentId);
        if (input.language && !settings.contentLanguages.includes(input.language)) {
          throw new AppError('VALIDATION_FAILED', { fields: { language: 'INVALID_VALUE' } });
        }
        const review = await ensureReview(tx, workspaceId, contentType, contentId);
        const row = await insertComment(tx, {
          reviewId: review.id,
          language: input.language ?? null,
          quote: input.quote || null,
          body: input.body,
          authorUserId: actor.id,
        });
        const comment = presentReviewComment({ comment: row, authorName: actor.name });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: actor.id,
          action: 'review.comment',
          entityType: contentType,
          entityId: contentId,
          after: comment,
        });
        return comment;
      });
    },

    /** Resolves an open comment: its author, or anyone who submits or decides. */
    async resolveComment(ctx: ServiceContext, contentType: string, contentId: string, commentId: string): Promise<ReviewComment> {
      const workspaceId = ctx.membership.workspaceId;
      const actor = ctx.actor.user;
      return db.transaction(async (tx) => {
        await loadReviewContext(tx, ctx, contentType, contentId);
        const review = await findReview(tx, workspaceId, contentType, contentId);
        const before = review ? await findComment(tx, review.id, commentId) : undefined;
        if (!before) throw new AppError('NOT_FOUND');
        const role = ctx.membership.role;
        const isAllowed = before.authorUserId === actor.id || hasPermission(role, 'review:decide') || hasPermission(role, 'review:submit');
        if (!isAllowed) throw new AppError('FORBIDDEN');
        const resolved = await resolveCommentRow(tx, commentId);
        if (!resolved) throw new AppError('CONFLICT');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: actor.id,
          action: 'review.resolve-comment',
          entityType: contentType,
          entityId: contentId,
          before: { commentId, resolvedAt: null },
          after: { commentId, resolvedAt: resolved.resolvedAt?.toISOString() ?? null },
        });
        return presentReviewComment({ comment: resolved, authorName: null });
      });
    },
  };
}
