/**
 * Scheduling posts (T1), for members with social:publish. A post is scheduled once the approval
 * workflow approved it (NOT_APPROVED otherwise) with every language it is written in reviewed: at a
 * wall-clock date and time of the workspace's time zone (converted by the planning's
 * `zonedDateTimeToInstant`: a time skipped when clocks go forward moves forward by the gap, a
 * repeated time is its first occurrence), at the channel's next free queue slot, or now. The
 * workflow's review follows (scheduled, with the same time), so its panel and the audit agree.
 *
 * Meta's native scheduling (`scheduled_publish_time`, 10 minutes to 75 days ahead) is not used: the
 * ledger and the hold need Tawasul to own the moment of publishing — a post held because its page
 * needs reconnection, or a lost answer checked on the page before any retry, cannot be done for a
 * post Meta publishes by itself, and an edit or unschedule would race Meta's clock.
 */
import { addDays, calendarDateAt, weekdayOf, zonedDateTimeToInstant } from '../../../shared/planning/calendar-date.js';
import {
  localDateTimeAt,
  RELEASED_REVIEW_STATES,
  SCHEDULABLE_POST_STATUSES,
  SOCIAL_POST_CONTENT_TYPE,
  SOCIAL_POST_LIMITS,
  type StoredPostStatus,
} from '../../../shared/social/posts.schema.js';
import type {
  PostDetail,
  PostReschedule,
  PostSchedule,
  QueueSlot,
  QueueSlotCreate,
  QueueSlotList,
} from '../../../shared/social/posts-api.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { ensureReview, insertReviewEvent, updateReviewRow } from '../../platform/review/review.repo.js';
import { assertPostPhotos } from './post-photos.js';
import { presentQueueSlot } from './posts.presenter.js';
import {
  deleteQueueSlotRow,
  findChannelOfWorkspace,
  findQueueSlots,
  findTakenTimes,
  insertQueueSlot,
  lockChannel,
  lockPost,
  resetFailedPublications,
  updatePostRow,
} from './posts.repo.js';
import { reviewedTextOfPost } from './posts.review.js';
import { createPostsService, postSettingsOf } from './posts.service.js';
import type { SocialPostRow } from './social.tables.js';

const DAY_MS = 86_400_000;

/** The first queue slot of `channelId` after `now` that no other post takes; undefined when none in the search window. */
export async function findNextFreeSlot(
  db: DbOrTransaction,
  input: { workspaceId: string; channelId: string; postId: string; timeZone: string; now: Date },
): Promise<Date | undefined> {
  const slots = await findQueueSlots(db, input.workspaceId, input.channelId);
  if (slots.length === 0) return undefined;
  const days = SOCIAL_POST_LIMITS.queueSearchDays;
  const taken = await findTakenTimes(db, input.channelId, input.now, new Date(input.now.getTime() + (days + 2) * DAY_MS), input.postId);
  const today = calendarDateAt(input.now, input.timeZone);
  for (let offset = 0; offset <= days; offset++) {
    const date = addDays(today, offset);
    const weekday = weekdayOf(date);
    for (const slot of slots.filter((candidate) => candidate.weekday === weekday)) {
      const instant = zonedDateTimeToInstant(date, slot.localTime, input.timeZone);
      if (instant.getTime() > input.now.getTime() && !taken.has(instant.getTime())) return instant;
    }
  }
  return undefined;
}

/** The languages of the post whose text or first comment is not yet reviewed. */
function unreviewedLanguages(post: SocialPostRow): string[] {
  return Object.entries(reviewedTextOfPost(post))
    .filter(([, entry]) => entry?.status !== 'reviewed')
    .map(([language]) => language);
}

/** Puts the workflow's review in `scheduled` at `scheduledFor`, from approved (or from scheduled/published when rescheduled). */
async function scheduleReview(tx: DbOrTransaction, ctx: ServiceContext, postId: string, scheduledFor: Date) {
  const workspaceId = ctx.membership.workspaceId;
  const review = await ensureReview(tx, workspaceId, SOCIAL_POST_CONTENT_TYPE, postId);
  const fromState = review.state;
  await updateReviewRow(tx, review.id, { state: 'scheduled', scheduledFor });
  await insertReviewEvent(tx, {
    reviewId: review.id,
    actorUserId: ctx.actor.user.id,
    action: 'schedule',
    fromState,
    toState: 'scheduled',
    note: null,
  });
  await recordAudit(tx, {
    workspaceId,
    actorUserId: ctx.actor.user.id,
    action: 'review.schedule',
    entityType: SOCIAL_POST_CONTENT_TYPE,
    entityId: postId,
    before: { state: fromState, scheduledFor: review.scheduledFor?.toISOString() ?? null },
    after: { state: 'scheduled', scheduledFor: scheduledFor.toISOString() },
  });
}

export function createPostScheduleService(platform: Pick<Platform, 'database'>, clock: () => Date = () => new Date()) {
  const db = platform.database.db;
  const posts = createPostsService(platform);

  /** Schedules (or reschedules) a post at the instant `when` picks; the one path every schedule takes. */
  async function scheduleAt(
    ctx: ServiceContext,
    id: string,
    when: (tx: DbOrTransaction, post: SocialPostRow, timeZone: string) => Promise<Date>,
  ) {
    const workspaceId = ctx.membership.workspaceId;
    await db.transaction(async (tx) => {
      const before = await lockPost(tx, workspaceId, id);
      if (!before) throw new AppError('NOT_FOUND');
      if (!SCHEDULABLE_POST_STATUSES.includes(before.status as StoredPostStatus)) {
        throw new AppError('INVALID_STATE', { params: { state: before.status } });
      }
      const review = await ensureReview(tx, workspaceId, SOCIAL_POST_CONTENT_TYPE, id);
      if (!(RELEASED_REVIEW_STATES as readonly string[]).includes(review.state)) {
        throw new AppError('NOT_APPROVED', { params: { state: review.state } });
      }
      const missing = unreviewedLanguages(before);
      if (missing.length > 0) throw new AppError('LANGUAGES_INCOMPLETE', { params: { languages: missing.join(', ') } });
      const channel = await lockChannel(tx, workspaceId, before.channelId);
      if (!channel) throw new AppError('NOT_FOUND');
      if (channel.status !== 'connected') throw new AppError('NEEDS_RECONNECTION', { params: { channel: channel.name } });
      await assertPostPhotos(tx, workspaceId, before.assetIds, clock());
      const { timeZone } = await postSettingsOf(tx, workspaceId);
      const scheduledAt = await when(tx, before, timeZone);
      const updated = await updatePostRow(tx, workspaceId, id, {
        status: 'scheduled',
        scheduledAt,
        nextAttemptAt: null,
        claimToken: null,
        lastErrorKind: null,
      });
      if (before.status === 'failed' || before.status === 'held') await resetFailedPublications(tx, id);
      await scheduleReview(tx, ctx, id, scheduledAt);
      await recordAudit(tx, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action: before.status === 'draft' ? 'social.post.schedule' : 'social.post.reschedule',
        entityType: SOCIAL_POST_CONTENT_TYPE,
        entityId: id,
        before: { status: before.status, scheduledAt: before.scheduledAt?.toISOString() ?? null },
        after: { status: updated?.status, scheduledAt: scheduledAt.toISOString(), timeZone, local: localDateTimeAt(scheduledAt, timeZone) },
      });
    });
    return posts.get(ctx, id);
  }

  return {
    schedule(ctx: ServiceContext, id: string, input: PostSchedule): Promise<PostDetail> {
      return scheduleAt(ctx, id, async (tx, post, timeZone) => {
        const now = clock();
        switch (input.mode) {
          case 'now':
            return now;
          case 'at': {
            const instant = zonedDateTimeToInstant(input.date, input.time, timeZone);
            if (instant.getTime() <= now.getTime()) throw new AppError('VALIDATION_FAILED', { fields: { date: 'DATE_IN_PAST' } });
            return instant;
          }
          case 'next_slot': {
            const slot = await findNextFreeSlot(tx, {
              workspaceId: post.workspaceId,
              channelId: post.channelId,
              postId: post.id,
              timeZone,
              now,
            });
            if (!slot) throw new AppError('VALIDATION_FAILED', { fields: { mode: 'NO_FREE_SLOT' } });
            return slot;
          }
          default: {
            const unknown: never = input;
            throw new Error(`Unknown schedule ${JSON.stringify(unknown)}`);
          }
        }
      });
    },

    /** The calendar's drag: another day, keeping the wall-clock time unless a new one is given. */
    reschedule(ctx: ServiceContext, id: string, input: PostReschedule): Promise<PostDetail> {
      return scheduleAt(ctx, id, async (_tx, post, timeZone) => {
        if (!post.scheduledAt && !input.time) throw new AppError('VALIDATION_FAILED', { fields: { time: 'REQUIRED' } });
        const time = input.time ?? localDateTimeAt(post.scheduledAt as Date, timeZone).time;
        const instant = zonedDateTimeToInstant(input.date, time, timeZone);
        if (instant.getTime() <= clock().getTime()) throw new AppError('VALIDATION_FAILED', { fields: { date: 'DATE_IN_PAST' } });
        return instant;
      });
    },

    /** Takes a scheduled (or held) post off the schedule; it stays approved. */
    async unschedule(ctx: ServiceContext, id: string): Promise<PostDetail> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await lockPost(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.status !== 'scheduled' && before.status !== 'held')
          throw new AppError('INVALID_STATE', { params: { state: before.status } });
        await updatePostRow(tx, workspaceId, id, { status: 'draft', scheduledAt: null, nextAttemptAt: null, claimToken: null });
        const review = await ensureReview(tx, workspaceId, SOCIAL_POST_CONTENT_TYPE, id);
        if (review.state === 'scheduled' || review.state === 'published') {
          await updateReviewRow(tx, review.id, { state: 'approved', scheduledFor: null });
          const event = {
            reviewId: review.id,
            actorUserId: ctx.actor.user.id,
            action: 'unschedule',
            fromState: review.state,
            toState: 'approved',
          };
          await insertReviewEvent(tx, { ...event, note: null });
        }
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'social.post.unschedule',
          entityType: SOCIAL_POST_CONTENT_TYPE,
          entityId: id,
          before: { status: before.status, scheduledAt: before.scheduledAt?.toISOString() ?? null },
          after: { status: 'draft', scheduledAt: null },
        });
      });
      return posts.get(ctx, id);
    },

    async listSlots(ctx: ServiceContext, channelId?: string): Promise<QueueSlotList> {
      const workspaceId = ctx.membership.workspaceId;
      const [rows, settings] = await Promise.all([findQueueSlots(db, workspaceId, channelId), postSettingsOf(db, workspaceId)]);
      return { items: rows.map(presentQueueSlot), timeZone: settings.timeZone };
    },

    async addSlot(ctx: ServiceContext, input: QueueSlotCreate): Promise<QueueSlot> {
      const workspaceId = ctx.membership.workspaceId;
      return db.transaction(async (tx) => {
        if (!(await findChannelOfWorkspace(tx, workspaceId, input.channelId))) {
          throw new AppError('VALIDATION_FAILED', { fields: { channelId: 'UNKNOWN_CHANNEL' } });
        }
        const existing = await findQueueSlots(tx, workspaceId, input.channelId);
        if (existing.some((slot) => slot.weekday === input.weekday && slot.localTime === input.time)) {
          throw new AppError('ALREADY_EXISTS', { fields: { time: 'ALREADY_USED' } });
        }
        if (existing.length >= SOCIAL_POST_LIMITS.queueSlotsPerChannel)
          throw new AppError('VALIDATION_FAILED', { fields: { time: 'TOO_MANY' } });
        const row = await insertQueueSlot(tx, { workspaceId, channelId: input.channelId, weekday: input.weekday, localTime: input.time });
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'social.queue-slot',
          entityId: row.id,
          after: presentQueueSlot(row),
        });
        return presentQueueSlot(row);
      });
    },

    async removeSlot(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const row = await deleteQueueSlotRow(tx, workspaceId, id);
        if (!row) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: 'social.queue-slot',
          entityId: id,
          before: presentQueueSlot(row),
        });
      });
    },
  };
}

export type PostScheduleService = ReturnType<typeof createPostScheduleService>;
