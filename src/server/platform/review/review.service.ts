/**
 * The approval workflow of every content type (S5). The table of transitions lives in
 * src/shared/review/review.schema.ts; this service enforces it in one transaction per action: a
 * conditional update on the current state (a concurrent double submit gets CONFLICT, not a second
 * transition), the event row, and the audit entry. Notifications follow the commit.
 *
 * Decisions: the submitter cannot approve their own submission, except an admin (who can override
 * every check and is audited); any new submission, a request for changes, or a reopen clears the
 * round's approvals; an override reason is kept only while it was needed.
 */
import type { ReviewAction, ReviewTransitionRequest } from '../../../shared/review/review.schema.js';
import { incompleteLanguages, REVIEW_TRANSITIONS } from '../../../shared/review/review.schema.js';
import { hasPermission } from '../../../shared/roles.js';
import { recordAudit } from '../audit/audit.js';
import { AppError } from '../errors.js';
import type { ServiceContext } from '../http/guards.js';
import { notify } from '../notifications/notify.js';
import type { Platform } from '../platform.js';
import { isWorkflowAction } from './review.registry.js';
import {
  deleteApprovals,
  ensureReview,
  findApprovals,
  findDeciderIds,
  findReviewSettings,
  findSubmitter,
  insertApproval,
  insertReviewEvent,
  lockReviewInState,
  updateReviewRow,
} from './review.repo.js';
import { createReviewCommentsService } from './review-comments.service.js';
import { loadReviewable, readReview } from './review-read.js';

type NotifyPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

function assertInput(action: ReviewAction, input: ReviewTransitionRequest): void {
  const transition = REVIEW_TRANSITIONS[action];
  if (transition.isNoteRequired && !input.note) throw new AppError('VALIDATION_FAILED', { fields: { note: 'REQUIRED' } });
  if (transition.isDateRequired) {
    if (!input.scheduledFor) throw new AppError('VALIDATION_FAILED', { fields: { scheduledFor: 'REQUIRED' } });
    if (new Date(input.scheduledFor).getTime() <= Date.now()) {
      throw new AppError('VALIDATION_FAILED', { fields: { scheduledFor: 'INVALID_VALUE' } });
    }
  }
}

export function createReviewService(platform: NotifyPlatform) {
  const db = platform.database.db;

  async function notifyAfter(
    ctx: ServiceContext,
    action: ReviewAction,
    outcome: { toState: string; submitterId: string | null; title: string; link: string },
  ) {
    const workspaceId = ctx.membership.workspaceId;
    const actorId = ctx.actor.user.id;
    const base = { workspaceId, params: { title: outcome.title, actor: ctx.actor.user.name }, link: outcome.link, email: true };
    const submitter = outcome.submitterId && outcome.submitterId !== actorId ? [outcome.submitterId] : [];
    if (action === 'submit') {
      const reviewers = (await findDeciderIds(db, workspaceId)).filter((id) => id !== actorId);
      await notify(platform, { ...base, userIds: reviewers, kind: 'review-requested' });
    } else if (action === 'request_changes') {
      await notify(platform, { ...base, userIds: submitter, kind: 'changes-requested' });
    } else if (action === 'approve' && outcome.toState === 'approved') {
      await notify(platform, { ...base, userIds: submitter, kind: 'approved' });
    }
  }

  return {
    get: (ctx: ServiceContext, contentType: string, contentId: string) => readReview(db, ctx, contentType, contentId),

    async transition(ctx: ServiceContext, contentType: string, contentId: string, input: ReviewTransitionRequest) {
      const { action } = input;
      const transition = REVIEW_TRANSITIONS[action];
      const workspaceId = ctx.membership.workspaceId;
      const actor = ctx.actor.user;
      const role = ctx.membership.role;
      if (!hasPermission(role, transition.permission)) throw new AppError('FORBIDDEN');
      if (input.override && !hasPermission(role, 'review:override')) throw new AppError('FORBIDDEN');
      const content = loadReviewable(contentType);
      const outcome = await db.transaction(async (tx) => {
        const item = await content.load(tx, workspaceId, contentId);
        if (!item) throw new AppError('NOT_FOUND');
        const review = await ensureReview(tx, workspaceId, contentType, contentId);
        const fromState = review.state;
        // The item's own page schedules and publishes it (e.g. a social post), not the workflow.
        if (!isWorkflowAction(content, action)) throw new AppError('INVALID_STATE', { params: { state: fromState } });
        if (!(transition.from as readonly string[]).includes(fromState)) {
          throw new AppError('CONFLICT', { params: { state: fromState } });
        }
        assertInput(action, input);
        if (!(await lockReviewInState(tx, review.id, fromState))) throw new AppError('CONFLICT', { params: { state: fromState } });
        const settings = await findReviewSettings(tx, workspaceId);
        if (!settings) throw new AppError('NOT_FOUND');
        const submitter = await findSubmitter(tx, review.id);
        let toState: string = transition.to;
        let { scheduledFor, overrideReason } = review;
        let approvalCount = (await findApprovals(tx, review.id)).length;

        if (action === 'approve') {
          if (submitter?.userId === actor.id && role !== 'admin') throw new AppError('OWN_SUBMISSION');
          if (!(await insertApproval(tx, review.id, actor.id))) throw new AppError('ALREADY_APPROVED');
          approvalCount += 1;
          toState = approvalCount >= settings.requiredApprovals ? 'approved' : 'in_review';
        }
        if (action === 'submit' || action === 'request_changes' || action === 'reopen') {
          await deleteApprovals(tx, review.id);
          approvalCount = 0;
          scheduledFor = null;
          overrideReason = null;
        }
        if (transition.needsCompleteLanguages) {
          const missing = incompleteLanguages(item.languages, settings.contentLanguages);
          if (missing.length > 0 && !input.override) {
            throw new AppError('LANGUAGES_INCOMPLETE', { params: { languages: missing.join(', ') }, fields: { override: 'REQUIRED' } });
          }
          overrideReason = missing.length > 0 && input.override ? input.override.reason : null;
        }
        if (action === 'schedule') scheduledFor = new Date(input.scheduledFor as string);
        if (action === 'unschedule') scheduledFor = null;

        await updateReviewRow(tx, review.id, { state: toState, scheduledFor, overrideReason });
        await insertReviewEvent(tx, { reviewId: review.id, actorUserId: actor.id, action, fromState, toState, note: input.note || null });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: actor.id,
          action: `review.${action}`,
          entityType: contentType,
          entityId: contentId,
          before: { state: fromState, scheduledFor: review.scheduledFor?.toISOString() ?? null },
          after: {
            state: toState,
            approvals: approvalCount,
            requiredApprovals: settings.requiredApprovals,
            scheduledFor: scheduledFor?.toISOString() ?? null,
            overrideReason: input.override && overrideReason ? overrideReason : null,
            isSelfApproval: action === 'approve' && submitter?.userId === actor.id,
            note: input.note || null,
          },
        });
        const submitterId = action === 'submit' ? actor.id : (submitter?.userId ?? null);
        return { toState, submitterId, title: item.title, link: item.link };
      });
      await notifyAfter(ctx, action, outcome);
      return readReview(db, ctx, contentType, contentId);
    },

    ...createReviewCommentsService(db),
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
