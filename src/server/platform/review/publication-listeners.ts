/**
 * What content modules run when the workflow publishes one of their items at its scheduled time (a
 * newsletter issue starts sending). Listeners must be idempotent. One that fails does not stop the
 * others nor the publication of other items: the failure is written to the audit log of the item's
 * workspace (`review.publish-listener-failed`), where admins see it.
 */
import { recordAudit } from '../audit/audit.js';
import type { Platform } from '../platform.js';

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

/** Runs every listener of the item's type; returns how many failed (each failure is audited). */
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
    }
  }
  return failures;
}
