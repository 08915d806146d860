/**
 * Holding a channel's posts while its page needs reconnection, and releasing them after. A publish
 * that meets an expired token or a missing permission marks the channel `needs_reconnection`
 * (channel-status.ts: once per incident, the workspace's admins told in the app and by email, in
 * their language); every post of the channel that is due or on its way is `held`, and later ones
 * are held when they come due. A reconnection (the admin's, or a check that finds the token working
 * again) runs `releaseHeldPosts`: held posts go back to the schedule, due ones out at the next scan,
 * and any publication whose outcome was unknown is looked for on the page before anything is sent
 * again.
 */
import { SOCIAL_POST_CONTENT_TYPE } from '../../../shared/social/posts.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Platform } from '../../platform/platform.js';
import { markNeedsReconnection, registerChannelReconnectedListener } from './channel-status.js';
import { holdDuePosts, releaseHeldPostRows } from './publish.repo.js';
import type { SocialChannelRow } from './social.tables.js';

type HoldPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

/** Marks the channel (once) and holds its due posts; returns the posts held now. */
export async function holdChannel(platform: HoldPlatform, channel: SocialChannelRow, reason: string, now: Date) {
  await markNeedsReconnection(platform, channel, reason);
  const db = platform.database.db;
  const held = await holdDuePosts(db, channel.id, now, reason.split(':')[0] ?? reason);
  for (const post of held) {
    await recordAudit(db, {
      workspaceId: post.workspaceId,
      actorUserId: null,
      action: 'social.post.hold',
      entityType: SOCIAL_POST_CONTENT_TYPE,
      entityId: post.id,
      after: { status: 'held', channelId: channel.id, reason },
    });
  }
  return held;
}

/**
 * After a reconnection (called by the channels' reconnect route): the channel's held posts go back to
 * `scheduled` at their time; a time already past publishes at the next scan. Returns how many.
 */
export async function releaseHeldPosts(platform: Pick<Platform, 'database'>, channelId: string, actorUserId: string | null = null) {
  const db = platform.database.db;
  return db.transaction(async (tx) => {
    const released = await releaseHeldPostRows(tx, channelId);
    for (const post of released) {
      await recordAudit(tx, {
        workspaceId: post.workspaceId,
        actorUserId,
        action: 'social.post.release',
        entityType: SOCIAL_POST_CONTENT_TYPE,
        entityId: post.id,
        before: { status: 'held' },
        after: { status: 'scheduled', scheduledAt: post.scheduledAt?.toISOString() ?? null },
      });
    }
    return released.length;
  });
}

/** Registers the release with the channels area (idempotent: the same function is kept once). */
export function releaseHeldPostsOnReconnection(): void {
  registerChannelReconnectedListener(releaseOnReconnection);
}

async function releaseOnReconnection(platform: Pick<Platform, 'database'>, channel: SocialChannelRow, actorUserId: string | null) {
  return releaseHeldPosts(platform, channel.id, actorUserId);
}
