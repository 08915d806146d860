/** Connected pages (channels) as the API shows them: never a token, always the status and why. */
import { z } from 'zod';

export const SOCIAL_NETWORKS = ['facebook'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export const SOCIAL_CHANNEL_STATUSES = ['connected', 'needs_reconnection', 'disconnected'] as const;
export type SocialChannelStatus = (typeof SOCIAL_CHANNEL_STATUSES)[number];

/** Why a channel needs reconnection (`status_reason` is `<reason>` or `permission-missing:<permission>`). */
export const SOCIAL_CHANNEL_REASONS = ['token-expired', 'token-invalid', 'permission-missing'] as const;
export type SocialChannelReason = (typeof SOCIAL_CHANNEL_REASONS)[number];

const timestamp = z.string().datetime({ offset: true });

export const SocialChannelSchema = z.object({
  id: z.string().uuid(),
  network: z.enum(SOCIAL_NETWORKS),
  externalId: z.string(),
  name: z.string(),
  pictureUrl: z.string().nullable(),
  status: z.enum(SOCIAL_CHANNEL_STATUSES),
  statusReason: z.enum(SOCIAL_CHANNEL_REASONS).nullable(),
  /** For `permission-missing`: the permission, e.g. pages_manage_posts. */
  missingPermission: z.string().nullable(),
  grantedPermissions: z.array(z.string()),
  tokenExpiresAt: timestamp.nullable(),
  /** Since when the page has its status (e.g. needs reconnection since…). */
  statusChangedAt: timestamp.optional(),
  lastCheckedAt: timestamp.nullable(),
  connectedAt: timestamp,
  connectedByName: z.string().nullable(),
  /** The demo's local sandbox page: nothing reaches Facebook. */
  sandbox: z.boolean(),
});
export type SocialChannel = z.infer<typeof SocialChannelSchema>;

export const SocialChannelListSchema = z.object({
  items: z.array(SocialChannelSchema),
  /** A Meta app is configured (or the sandbox runs): an admin can connect a page. */
  canConnect: z.boolean(),
  /** Pages connected now go to the demo's sandbox, not to Facebook. */
  sandbox: z.boolean(),
});
export type SocialChannelList = z.infer<typeof SocialChannelListSchema>;

export const ChannelLoginStartSchema = z.strictObject({ network: z.enum(SOCIAL_NETWORKS).default('facebook') });
export type ChannelLoginStart = z.input<typeof ChannelLoginStartSchema>;

export const ChannelLoginStartedSchema = z.object({ url: z.string().url() });

export const ChannelLoginPagesSchema = z.object({
  network: z.enum(SOCIAL_NETWORKS),
  expiresAt: timestamp,
  pages: z.array(
    z.object({
      externalId: z.string(),
      name: z.string(),
      pictureUrl: z.string().nullable(),
      tasks: z.array(z.string()),
      /** Tasks the person lacks on the page (publishing, moderating or insights will fail). */
      missingTasks: z.array(z.string()),
      /** The workspace's channel for this page, when already connected. */
      channelId: z.string().uuid().nullable(),
    }),
  ),
});
export type ChannelLoginPages = z.infer<typeof ChannelLoginPagesSchema>;

export const ChannelConnectSchema = z.strictObject({
  loginId: z.string().min(16).max(64),
  externalIds: z
    .array(z.string().regex(/^\d{1,40}$/, { message: 'INVALID_VALUE' }))
    .min(1)
    .max(25),
});
export type ChannelConnect = z.input<typeof ChannelConnectSchema>;

export const CHANNEL_CHECK_RESULTS = ['valid', 'needs-reconnection', 'unknown', 'disconnected'] as const;
export type ChannelCheckResult = (typeof CHANNEL_CHECK_RESULTS)[number];

export const ChannelCheckSchema = z.object({ result: z.enum(CHANNEL_CHECK_RESULTS), channel: SocialChannelSchema });
