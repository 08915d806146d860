/**
 * Social (T1): connected channels (Facebook pages first), and — added by the posts area — posts,
 * their publication ledger, queue slots, comments and daily insights.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/platform.tables.js';

/**
 * A page (or account) a workspace publishes to. The access token is sealed with `sealSecret`
 * (purpose `social-channel-token`, see channels.service.ts) and never leaves the server. A channel
 * whose token expired or lost a permission is `needs_reconnection` with the reason; its posts are
 * held (by the posts area) until an admin reconnects it.
 */
export const socialChannels = pgTable(
  'social_channel',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The network: 'facebook' for now (see channels/channel.ts `Channel.network`). */
    network: text('network').notNull(),
    /** The network's id of the page. */
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    pictureUrl: text('picture_url'),
    /** `sealSecret(SECRET_KEY, 'social-channel-token', token)`; never plaintext, never sent to the browser. */
    accessTokenSealed: text('access_token_sealed').notNull(),
    /** When the page token expires; null when the network says it does not (long-lived page tokens). */
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }),
    /** Permissions (scopes) granted at the last connect or check, e.g. pages_manage_posts. */
    grantedPermissions: text('granted_permissions').array().notNull().default(sql`ARRAY[]::text[]`),
    /** connected | needs_reconnection | disconnected. */
    status: text('status').notNull().default('connected'),
    /**
     * Why the channel needs reconnection: token-expired, token-invalid, permission-missing:<name>…
     * (a code the web app translates), null when connected.
     */
    statusReason: text('status_reason'),
    /** When the token was last checked against the network. */
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }),
    /** When admins were last told about the current needs_reconnection incident (once per incident). */
    reconnectionNotifiedAt: timestamp('reconnection_notified_at', { withTimezone: true }),
    connectedBy: text('connected_by').references(() => users.id, { onDelete: 'set null' }),
    connectedAt: timestamp('connected_at', { withTimezone: true }).notNull().defaultNow(),
    /** True for the demo's sandbox page (the local fake Graph API), shown as such in the app. */
    sandbox: boolean('sandbox').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_channel_workspace_network_external_idx').on(t.workspaceId, t.network, t.externalId),
    index('social_channel_workspace_status_idx').on(t.workspaceId, t.status),
  ],
);

export type SocialChannelRow = typeof socialChannels.$inferSelect;
