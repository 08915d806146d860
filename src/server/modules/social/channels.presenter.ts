/** Shapes channel rows for the API: the status and its reason, never the token (STYLE G3). */
import type { SocialChannel, SocialChannelReason, SocialChannelStatus, SocialNetwork } from '../../../shared/social/channels-api.schema.js';
import type { SocialChannelRow } from './social.tables.js';

export function presentChannel(row: SocialChannelRow & { connectedByName?: string | null }): SocialChannel {
  const [reason, permission] = (row.statusReason ?? '').split(':');
  return {
    id: row.id,
    network: row.network as SocialNetwork,
    externalId: row.externalId,
    name: row.name,
    pictureUrl: row.pictureUrl,
    status: row.status as SocialChannelStatus,
    statusReason: row.status === 'needs_reconnection' && reason ? (reason as SocialChannelReason) : null,
    missingPermission: row.status === 'needs_reconnection' && permission ? permission : null,
    grantedPermissions: row.grantedPermissions,
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    statusChangedAt: row.statusChangedAt.toISOString(),
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    connectedAt: row.connectedAt.toISOString(),
    connectedByName: row.connectedByName ?? null,
    sandbox: row.sandbox,
  };
}
