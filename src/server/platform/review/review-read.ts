/** Reading one item's review: state, approvals, history, comments, and what the caller may do now. */
import type { LocalizedText } from '../../../shared/localized-text.js';
import { allowedActions, incompleteLanguages, type Review, type ReviewState } from '../../../shared/review/review.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/guards.js';
import { personOf, presentReviewComment, presentReviewEvent } from './review.presenter.js';
import { findReviewableContent, isWorkflowAction, type ReviewableContentType } from './review.registry.js';
import { findApprovals, findComments, findReview, findReviewEvents, findReviewSettings, findSubmitter } from './review.repo.js';

/** The registered reader of `contentType`; an unknown type is absent (404), like an unknown id. */
export function loadReviewable(contentType: string): ReviewableContentType {
  const content = findReviewableContent(contentType);
  if (!content) throw new AppError('NOT_FOUND');
  return content;
}

/** The item, its review row, and the workspace settings; 404 when the item is not in the caller's workspace. */
export async function loadReviewContext(db: DbOrTransaction, ctx: ServiceContext, contentType: string, contentId: string) {
  const content = loadReviewable(contentType);
  if (content.readPermission && !hasPermission(ctx.membership.role, content.readPermission)) throw new AppError('FORBIDDEN');
  const workspaceId = ctx.membership.workspaceId;
  const item = await content.load(db, workspaceId, contentId);
  if (!item) throw new AppError('NOT_FOUND');
  const [review, settings] = await Promise.all([findReview(db, workspaceId, contentType, contentId), findReviewSettings(db, workspaceId)]);
  if (!settings) throw new AppError('NOT_FOUND');
  return { item, review, settings };
}

export async function readReview(db: DbOrTransaction, ctx: ServiceContext, contentType: string, contentId: string): Promise<Review> {
  const content = loadReviewable(contentType);
  const { item, review, settings } = await loadReviewContext(db, ctx, contentType, contentId);
  const [approvals, events, comments, submitter] = review
    ? await Promise.all([
        findApprovals(db, review.id),
        findReviewEvents(db, review.id),
        findComments(db, review.id),
        findSubmitter(db, review.id),
      ])
    : [[], [], [], undefined];
  const state = (review?.state ?? 'draft') as ReviewState;
  const role = ctx.membership.role;
  const userId = ctx.actor.user.id;
  const languages = item.languages as LocalizedText & Record<string, { value: string; status: string } | undefined>;
  return {
    contentType,
    contentId,
    title: item.title,
    link: item.link,
    state,
    scheduledFor: review?.scheduledFor?.toISOString() ?? null,
    overrideReason: review?.overrideReason ?? null,
    requiredApprovals: settings.requiredApprovals,
    approvals: approvals.map((approval) => ({
      user: personOf(approval.userId, approval.name),
      createdAt: approval.createdAt.toISOString(),
    })),
    submittedBy: submitter ? personOf(submitter.userId, submitter.name) : null,
    languages: settings.contentLanguages.map((language) => {
      const entry = languages[language];
      return { language, status: entry && entry.value.trim() !== '' ? entry.status : 'missing' };
    }),
    incompleteLanguages: incompleteLanguages(languages, settings.contentLanguages),
    allowedActions: allowedActions(state, {
      role,
      hasApproved: approvals.some((approval) => approval.userId === userId),
      isSubmitter: submitter?.userId === userId,
    }).filter((action) => isWorkflowAction(content, action)),
    canOverride: hasPermission(role, 'review:override'),
    canComment: hasPermission(role, 'review:comment'),
    events: events.map(presentReviewEvent),
    comments: comments.map(presentReviewComment),
  };
}
