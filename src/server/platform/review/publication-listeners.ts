/**
 * What content modules run when the workflow publishes one of their items at its scheduled time (a
 * newsletter issue starts sending). Listeners must be idempotent. One that fails does not stop the
 * others nor the publication of other items: the failure is written to the audit log of the item's
 * workspace (`review.publish-listener-failed`), and the item's author — whoever last submitted it for
 * review — and the workspace's admins get an in-app notification (`publish-failed`) linking to it,
 * since nobody is watching when a schedule fires.
 */
import { recordAudit } from '../audit/audit.js';
import { notify } from '../notifications/notify.js';
import type { Platform } from '../platform.js';
import { findReviewableContent } from './review.registry.js';
import { findAdminIds, findReview, findSubmitter } from './review.repo.js';

export type PublicationListener = (platform: Platform, workspaceId: string, contentId: string) => Promise<void>;

const listeners = new Map<string, Set<PublicationListener>>();

/** Registers a listener for a content type (registering the same function twice keeps one). */
export function registerPublicationListener(contentType: string, listener: PublicationListener): void {
  let set = listeners.get(contentType);
  if (!set) {
    set = new Set();
    listeners.set(contentType, set);
  }
  set.add(listener);
}

export interface PublishedItem {
  workspaceId: string;
  contentType: string;
  contentId: string;
}

/** Tells the item's author and the workspace's admins that its publication did not go through. */
async function notifyFailure(platform: Platform, item: PublishedItem): Promise<void> {
  const db = platform.database.db;
  const [content, review, admins] = await Promise.all([
    findReviewableContent(item.contentType)?.load(db, item.workspaceId, item.contentId),
    findReview(db, item.workspaceId, item.contentType, item.contentId),
    findAdminIds(db, item.workspaceId),
  ]);
  const submitter = review ? await findSubmitter(db, review.id) : undefined;
  await notify(platform, {
    workspaceId: item.workspaceId,
    userIds: [...(submitter?.userId ? [submitter.userId] : []), ...admins],
    kind: 'publish-failed',
    params: { title: content?.title ?? '' },
    link: content?.link,
  });
}

/** Runs every listener of the item's type; returns how many failed (each failure is audited and notified). */
export async function runPublicationListeners(platform: Platform, item: PublishedItem): Promise<number> {
  let failures = 0;
  for (const listener of listeners.get(item.contentType) ?? []) {
    try {
      await listener(platform, item.workspaceId, item.contentId);
    } catch (error) {
      failures += 1;
      const message = error instanceof Error ? ((error as { code?: string }).code ?? error.message) : String(error);
      await recordAudit(platform.database.db, {
        workspaceId: item.workspaceId,
        actorUserId: null,
        action: 'review.publish-listener-failed',
        entityType: item.contentType,
        entityId: item.contentId,
        after: { error: message.slice(0, 500) },
      }).catch(() => {
        // The audit itself failing must not stop the other items either.
      });
      await notifyFailure(platform, item).catch(() => {
        // Nor the notification: the audit entry stays.
      });
    }
  }
  return failures;
}
