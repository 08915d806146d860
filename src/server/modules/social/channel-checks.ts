/**
 * Checking a page's token before it is needed: a token that expired, was revoked or lost a
 * permission marks the channel (channel-holds.ts tells the admins once); a valid one records when it
 * was checked. A check that cannot reach the network changes nothing (the next one will tell).
 */
import { eq, sql } from 'drizzle-orm';
import type { Platform } from '../../platform/platform.js';
import { type ChannelAccess, defaultChannelAccess } from './channel-access.js';
import { markNeedsReconnection, reconnectionReasonOf } from './channel-holds.js';
import { ChannelError } from './channels/channel.js';
import { type SocialChannelRow, socialChannels } from './social.tables.js';

export type ChannelCheck = 'valid' | 'needs-reconnection' | 'unknown';

export async function checkChannelToken(
  platform: Platform,
  row: SocialChannelRow,
  now = new Date(),
  resolve?: (row: SocialChannelRow) => ChannelAccess,
): Promise<ChannelCheck> {
  let access: ChannelAccess;
  try {
    access = resolve ? resolve(row) : defaultChannelAccess(platform, row);
  } catch {
    await markNeedsReconnection(platform, row, 'token-invalid');
    return 'needs-reconnection';
  }
  try {
    const result = await access.channel.checkAccount(access.account);
    if (!result.valid) {
      // Newer contracts say why (token-expired, token-invalid); older ones only that it is invalid.
      await markNeedsReconnection(platform, row, (result as { reason?: string }).reason ?? 'token-invalid');
      return 'needs-reconnection';
    }
    if (result.missingPermissions.length > 0) {
      await markNeedsReconnection(platform, row, `permission-missing:${result.missingPermissions[0]}`);
      return 'needs-reconnection';
    }
    await platform.database.db
      .update(socialChannels)
      .set({ lastCheckedAt: now, tokenExpiresAt: result.expiresAt ?? row.tokenExpiresAt, updatedAt: sql`now()` })
      .where(eq(socialChannels.id, row.id));
    return 'valid';
  } catch (error) {
    if (error instanceof ChannelError && (error.kind === 'needs-reconnection' || error.kind === 'permission-missing')) {
      await markNeedsReconnection(platform, row, reconnectionReasonOf(error));
      return 'needs-reconnection';
    }
    return 'unknown';
  }
}
