/** How a page token is kept: sealed with the secret box under one purpose, opened only to call the network. */
import type { Config } from '../../platform/config.js';
import { openSecret } from '../../platform/secret-box.js';
import type { SocialChannelRow } from './social.tables.js';

/** Purpose of the sealed page tokens (the channels area seals them with it). */
export const CHANNEL_TOKEN_PURPOSE = 'social-channel-token';

/** The page's token in clear; throws SECRET_UNREADABLE-like errors when the secret key changed. */
export function openChannelToken(config: Pick<Config, 'secretKey'>, row: Pick<SocialChannelRow, 'accessTokenSealed'>): string {
  return openSecret(config.secretKey, CHANNEL_TOKEN_PURPOSE, row.accessTokenSealed);
}
