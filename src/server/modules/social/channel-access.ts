/** A channel row as something to call: the network's channel (from the registry) and the page's opened token. */
import type { Platform } from '../../platform/platform.js';
import { channelAccountOf } from './channel-status.js';
import type { Channel, ChannelAccount } from './channels/channel.js';
import { channelFor } from './channels/registry.js';
import type { SocialChannelRow } from './social.tables.js';

export interface ChannelAccess {
  channel: Channel;
  account: ChannelAccount;
}

export type ChannelResolver = (row: SocialChannelRow) => ChannelAccess | Promise<ChannelAccess>;

export function defaultChannelAccess(platform: Pick<Platform, 'config'>, row: SocialChannelRow): ChannelAccess {
  return { channel: channelFor(platform, row.network), account: channelAccountOf(platform, row) };
}
