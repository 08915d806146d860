/**
 * The one place that knows which class serves which network, so the publisher, the inbox and the
 * insights ask for "the channel of this row" and never name Facebook. One instance per
 * configuration, so the usage a channel learned from Meta's headers is kept between calls.
 */
import { SOCIAL_NETWORKS, type SocialNetwork } from '../../../../shared/social/channels-api.schema.js';
import type { Config } from '../../../platform/config.js';
import type { Channel } from './channel.js';
import { FacebookChannel } from './facebook/facebook-channel.js';

export { SOCIAL_NETWORKS, type SocialNetwork };

const channels = new WeakMap<Config, Map<SocialNetwork, Channel>>();

function build(config: Config, network: SocialNetwork): Channel {
  switch (network) {
    case 'facebook':
      return new FacebookChannel({
        graphUrl: config.facebook.graphUrl,
        version: config.facebook.graphVersion,
        dialogUrl: config.facebook.dialogUrl,
        appId: config.facebook.appId,
        appSecret: config.facebook.appSecret,
      });
    default: {
      const unknown: never = network;
      throw new Error(`no channel for ${String(unknown)}`);
    }
  }
}

/** The channel serving `network` under this platform's configuration. */
export function channelFor(platform: { config: Config }, network: string): Channel {
  if (!isSocialNetwork(network)) throw new Error(`no channel for network "${network}"`);
  let byNetwork = channels.get(platform.config);
  if (!byNetwork) {
    byNetwork = new Map();
    channels.set(platform.config, byNetwork);
  }
  let channel = byNetwork.get(network);
  if (!channel) {
    channel = build(platform.config, network);
    byNetwork.set(network, channel);
  }
  return channel;
}

export function isSocialNetwork(value: string): value is SocialNetwork {
  return (SOCIAL_NETWORKS as readonly string[]).includes(value);
}
