/**
 * Scheduled content is published when its time comes: a recurring scan moves every `scheduled` review
 * whose `scheduled_for` has passed to `published`, with its event and audit entry (no actor: the
 * platform did it). Idempotent: each item moves by a conditional update on its state, so a retry or
 * a second process publishes it once. Content modules read the state; one that must act on
 * publication (a newsletter starts sending) registers a listener (publication-listeners.ts), called
 * after the item's transaction commits.
 */
import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.js';
import type { Db } from '../db/database.js';
import { defineJob } from '../jobs/job-queue.js';
import type { Platform } from '../platform.js';
import { type PublishedItem, runPublicationListeners } from './publication-listeners.js';
import { insertReviewEvent, lockReviewInState, updateReviewRow } from './review.repo.js';
import { contentReviews } from './review.tables.js';

export const PUBLISH_DUE_JOB = 'review.publish-due';

/** Publishes every scheduled item due at `now`; returns how many moved. `afterPublish` runs after each commit. */
export async function publishDueReviews(
  db: Db,
  now: Date = new Date(),
  afterPublish?: (item: PublishedItem) => Promise<unknown>,
): Promise<number> {
  const due = await db
    .select({ id: contentReviews.id })
    .from(contentReviews)
    .where(and(eq(contentReviews.state, 'scheduled'), lte(contentReviews.scheduledFor, now)));
  let published = 0;
  for (const { id } of due) {
    const item = await db.transaction(async (tx) => {
      const review = await lockReviewInState(tx, id, 'scheduled');
      if (!review?.scheduledFor || review.scheduledFor > now) return undefined;
      await updateReviewRow(tx, id, { state: 'published' });
      await insertReviewEvent(tx, {
        reviewId: id,
        actorUserId: null,
        action: 'publish',
        fromState: 'scheduled',
        toState: 'published',
        note: null,
      });
      await recordAudit(tx, {
        workspaceId: review.workspaceId,
        actorUserId: null,
        action: 'review.publish',
        entityType: review.contentType,
        entityId: review.contentId,
        before: { state: 'scheduled', scheduledFor: review.scheduledFor.toISOString() },
        after: { state: 'published', isScheduled: true },
      });
      return { workspaceId: review.workspaceId, contentType: review.contentType, contentId: review.contentId };
    });
    if (item) {
      published += 1;
      await afterPublish?.(item);
    }
  }
  return published;
}

export function publishDueReviewsJob(platform: Platform) {
  return defineJob({
    name: PUBLISH_DUE_JOB,
    schema: z.object({}),
    policy: 'stately',
    everyMinutes: 5,
    handler: async () => ({
      published: await publishDueReviews(platform.database.db, new Date(), (item) => runPublicationListeners(platform, item)),
    }),
  });
}
