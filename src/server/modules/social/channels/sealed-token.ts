/** Page tokens at rest: sealed with the secret box (AES-256-GCM, key from SECRET_KEY) under one purpose. */
import type { Config } from '../../../platform/config.js';
import { openSecret, sealSecret } from '../../../platform/secret-box.js';

/** The secret box purpose of page tokens; a token sealed for another purpose does not open. */
export const CHANNEL_TOKEN_PURPOSE = 'social-channel-token';

export function sealChannelToken(config: Pick<Config, 'secretKey'>, token: string): string {
  return sealSecret(config.secretKey, CHANNEL_TOKEN_PURPOSE, token);
}

/** The token in clear, only to call the network; SECRET_UNREADABLE when SECRET_KEY changed. */
export function openChannelToken(config: Pick<Config, 'secretKey'>, sealed: string): string {
  return openSecret(config.secretKey, CHANNEL_TOKEN_PURPOSE, sealed);
}
