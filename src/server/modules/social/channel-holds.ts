/**
 * Holding a channel's posts while its page needs reconnection, and releasing them after. A publish
 * or a token check that meets an expired token or a missing permission marks the channel
 * `needs_reconnection` (once: a conditional update from `connected`) and tells the workspace's
 * admins, in the app and by email, in their language; every post of the channel that is due or on
 * its way is `held`, and later ones are held when they come due. Reconnecting calls
 * `releaseHeldPosts`: held posts go back to the schedule, due ones out at the next scan, and any
 * publication whose outcome was unknown is looked for on the page before anything is sent again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../shared/social/posts.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import type { ChannelError } from './channels/channel.js';
import { holdDuePosts, releaseHeldPostRows } from './publish.repo.js';
import { type SocialChannelRow, socialChannels } from './social.tables.js';

type HoldPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

/** The channel's `status_reason` for an error: token-expired, token-invalid, permission-missing:<name>. */
export function reconnectionReasonOf(error: Pick<ChannelError, 'kind' | 'permission' | 'networkSubcode'>): string {
  if (error.kind === 'permission-missing') return `permission-missing:${error.permission ?? 'unknown'}`;
  return error.networkSubcode === 463 ? 'token-expired' : 'token-invalid';
}

async function adminIdsOf(platform: HoldPlatform, workspaceId: string): Promise<string[]> {
  const rows = await platform.database.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, 'admin')));
  return rows.map((row) => row.userId);
}

/**
 * Marks the channel as needing reconnection for `reason`; returns true when this call made the
 * change (the first of the incident), after telling the admins once.
 */
export async function markNeedsReconnection(platform: HoldPlatform, channel: SocialChannelRow, reason: string): Promise<boolean> {
  const db = platform.database.db;
  const [changed] = await db
    .update(socialChannels)
    .set({ status: 'needs_reconnection', statusReason: reason, updatedAt: sql`now()` })
    .where(and(eq(socialChannels.id, channel.id), eq(socialChannels.status, 'connected')))
    .returning();
  if (!changed) return false;
  await recordAudit(db, {
    workspaceId: channel.workspaceId,
    actorUserId: null,
    action: 'social.channel.needs-reconnection',
    entityType: 'social.channel',
    entityId: channel.id,
    before: { status: channel.status },
    after: { status: 'needs_reconnection', reason },
  });
  const [claimed] = await db
    .update(socialChannels)
    .set({ reconnectionNotifiedAt: sql`now()` })
    .where(and(eq(socialChannels.id, channel.id), sql`${socialChannels.reconnectionNotifiedAt} is null`))
    .returning({ id: socialChannels.id });
  if (claimed) {
    await notify(platform, {
      workspaceId: channel.workspaceId,
      userIds: await adminIdsOf(platform, channel.workspaceId),
      kind: 'social-channel-needs-reconnection',
      params: { channel: channel.name, reason: (reason.split(':')[0] ?? reason).replaceAll('-', '_') },
      link: `/app/w/${channel.workspaceId}/social/channels`,
      email: true,
    });
  }
  return true;
}

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
