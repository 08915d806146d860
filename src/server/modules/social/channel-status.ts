/**
 * A channel's health, for the publisher and the token-check job (posts area) and the channels page:
 * `checkChannel` asks the network whether the page token still works with every permission, and
 * `markNeedsReconnection` records an incident once and tells the workspace's admins once (in the
 * app and by email, in their language). Listeners hear when a page is reconnected (the posts area
 * releases the posts it held).
 */
import { eq, sql } from 'drizzle-orm';
import type { ChannelCheckResult } from '../../../shared/social/channels-api.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { type ChannelAccount, ChannelError, type ChannelErrorKind } from './channels/channel.js';
import { channelFor } from './channels/registry.js';
import { openChannelToken } from './channels/sealed-token.js';
import {
  claimNeedsReconnection,
  claimReconnectionNotice,
  findChannelAdminIds,
  findChannelById,
  recordValidCheck,
} from './channels.repo.js';
import { type SocialChannelRow, socialChannels } from './social.tables.js';

type StatusPlatform = Pick<Platform, 'database' | 'mailer' | 'config'>;

/** The channel's `status_reason`: token-expired, token-invalid, or permission-missing:<permission>. */
export function reconnectionReasonOf(error: Pick<ChannelError, 'kind' | 'permission' | 'networkSubcode'>): string {
  if (error.kind === 'permission-missing') return `permission-missing:${error.permission ?? 'unknown'}`;
  return error.networkSubcode === 463 ? 'token-expired' : 'token-invalid';
}

/** The page as the network's channel wants it: its id and its token opened from the secret box. */
export function channelAccountOf(
  platform: Pick<Platform, 'config'>,
  row: Pick<SocialChannelRow, 'externalId' | 'accessTokenSealed'>,
): ChannelAccount {
  return { externalId: row.externalId, accessToken: openChannelToken(platform.config, row.accessTokenSealed) };
}

/**
 * Marks the channel as needing reconnection for `reason`. Returns true when this call opened the
 * incident; the admins are told once per incident, however many publishers or checks meet it.
 */
export async function markNeedsReconnection(platform: StatusPlatform, channel: SocialChannelRow, reason: string): Promise<boolean> {
  const db = platform.database.db;
  const changed = await claimNeedsReconnection(db, channel.id, reason);
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
  if (await claimReconnectionNotice(db, channel.id)) {
    await notify(platform, {
      workspaceId: channel.workspaceId,
      userIds: await findChannelAdminIds(db, channel.workspaceId),
      kind: 'social-channel-needs-reconnection',
      params: { channel: channel.name, reason: (reason.split(':')[0] ?? reason).replaceAll('-', '_') },
      link: `/app/w/${channel.workspaceId}/social/channels`,
      email: true,
    });
  }
  return true;
}

export type ReconnectedListener = (platform: Platform, channel: SocialChannelRow, actorUserId: string | null) => Promise<unknown>;
const reconnectedListeners = new Set<ReconnectedListener>();

/** Runs after a page needing reconnection works again (reconnected by an admin, or a check found it valid). */
export function registerChannelReconnectedListener(listener: ReconnectedListener): void {
  reconnectedListeners.add(listener);
}

/** Tells every listener; one that fails is audited and does not stop the others. */
export async function channelReconnected(platform: Platform, channel: SocialChannelRow, actorUserId: string | null): Promise<void> {
  for (const listener of reconnectedListeners) {
    try {
      await listener(platform, channel, actorUserId);
    } catch (error) {
      await recordAudit(platform.database.db, {
        workspaceId: channel.workspaceId,
        actorUserId,
        action: 'social.channel.reconnected-listener-failed',
        entityType: 'social.channel',
        entityId: channel.id,
        after: { error: error instanceof Error ? error.message : String(error) },
      });
    }
  }
}

export interface ChannelCheck {
  result: ChannelCheckResult;
  channel?: SocialChannelRow;
  /** For needs-reconnection: the status reason recorded. */
  reason?: string;
  /** For unknown: what kept the network from answering (throttled, transient…). */
  errorKind?: ChannelErrorKind;
  expiresAt?: Date;
}

async function heal(platform: Platform, row: SocialChannelRow): Promise<SocialChannelRow> {
  const [healed] = await platform.database.db
    .update(socialChannels)
    .set({ status: 'connected', statusReason: null, reconnectionNotifiedAt: null, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(socialChannels.id, row.id))
    .returning();
  if (!healed) return row;
  await recordAudit(platform.database.db, {
    workspaceId: row.workspaceId,
    actorUserId: null,
    action: 'social.channel.healed',
    entityType: 'social.channel',
    entityId: row.id,
    before: { status: row.status, reason: row.statusReason },
    after: { status: 'connected' },
  });
  await channelReconnected(platform, healed, null);
  return healed;
}

/**
 * Asks the network whether the channel's token works and holds every permission needed. Marks the
 * channel (and tells the admins once) when it does not; a network that cannot answer now changes
 * nothing (`unknown`). Used daily, ahead of each scheduled post, and by the "check again" button.
 */
export async function checkChannel(platform: Platform, channelId: string): Promise<ChannelCheck> {
  const db = platform.database.db;
  const row = await findChannelById(db, channelId);
  if (!row) return { result: 'unknown' };
  if (row.status === 'disconnected') return { result: 'disconnected', channel: row };
  const fail = async (reason: string): Promise<ChannelCheck> => {
    await markNeedsReconnection(platform, row, reason);
    return { result: 'needs-reconnection', reason, channel: await findChannelById(db, channelId) };
  };
  let account: ChannelAccount;
  try {
    account = channelAccountOf(platform, row);
  } catch {
    // SECRET_KEY changed since the page was connected: the token cannot be read back.
    return fail('token-invalid');
  }
  try {
    const checked = await channelFor(platform, row.network).checkAccount(account);
    if (!checked.valid) return fail(checked.reason ?? 'token-invalid');
    if (checked.missingPermissions[0]) return fail(`permission-missing:${checked.missingPermissions[0]}`);
    let updated = (await recordValidCheck(db, row.id, { expiresAt: checked.expiresAt ?? null })) ?? row;
    if (updated.status === 'needs_reconnection') updated = await heal(platform, updated);
    return { result: 'valid', channel: updated, expiresAt: checked.expiresAt };
  } catch (error) {
    if (error instanceof ChannelError && (error.kind === 'needs-reconnection' || error.kind === 'permission-missing')) {
      return fail(reconnectionReasonOf(error));
    }
    if (error instanceof ChannelError) return { result: 'unknown', channel: row, errorKind: error.kind };
    throw error;
  }
}
