/**
 * Social (T1): connected channels (Facebook pages first), and — added by the posts area — posts,
 * their publication ledger, queue slots, comments and daily insights.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/auth.tables.js';
import { workspaces } from '../../platform/platform.tables.js';
import { campaigns } from '../planning/campaigns.tables.js';

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
    /** When `status` last changed (connected, needs reconnection since…, disconnected). */
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull().defaultNow(),
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

/**
 * A post to one channel: its text per language (LocalizedText, reviewed through the approval
 * workflow as `social.post`), how the languages go out (`together` in one post, or `per_language`),
 * its attachments (up to ten library photos, or a link), first comment and hashtags per language.
 * `status` is the post's own lifecycle from scheduling on; before that, what readers see is the
 * workflow's state (the workflow stores it, this table never copies it).
 */
export const socialPosts = pgTable(
  'social_post',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** The page it goes to. A channel with posts is kept (disconnected), never deleted. */
    channelId: uuid('channel_id')
      .notNull()
      .references(() => socialChannels.id),
    /** The planning campaign it serves, if any. */
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    text: jsonb('text').$type<LocalizedText>().notNull().default({}),
    /** together | per_language (src/shared/social/compose-message.ts). */
    languageMode: text('language_mode').notNull().default('together'),
    /** Library photos (asset ids), in order; at most ten; exclusive with `link_url`. */
    assetIds: uuid('asset_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    linkUrl: text('link_url'),
    /** The link's preview as fetched when it was attached: { title, description, imageUrl }. */
    linkPreview: jsonb('link_preview').$type<{ title: string; description: string; imageUrl: string | null }>(),
    firstComment: jsonb('first_comment').$type<LocalizedText>().notNull().default({}),
    /** Hashtags per language, without `#`: { ar: ['صفاقس'], fr: ['ESS'] }. */
    hashtags: jsonb('hashtags').$type<Partial<Record<string, string[]>>>().notNull().default({}),
    /** draft | scheduled | publishing | published | failed | held (see posts.schema.ts). */
    status: text('status').notNull().default('draft'),
    /** When it goes out (UTC); entered as a wall-clock time of the workspace's time zone. */
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    /**
     * While `publishing`: when a worker may take it again — the end of the current worker's lease,
     * or the time of a retry, a verification or the end of a throttling wait.
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** The claim of the worker now publishing it; every write of that worker checks it. */
    claimToken: uuid('claim_token'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Why it failed or is held: a channel error kind or a rule (consent-expired…), for the officer. */
    lastErrorKind: text('last_error_kind'),
    /** Raised by every edit; an edit naming an older version is refused (CONFLICT). */
    version: integer('version').notNull().default(1),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('social_post_workspace_created_idx').on(t.workspaceId, t.createdAt),
    index('social_post_workspace_scheduled_idx').on(t.workspaceId, t.scheduledAt),
    index('social_post_due_idx').on(t.status, t.scheduledAt),
    index('social_post_retry_idx').on(t.status, t.nextAttemptAt),
    index('social_post_channel_status_idx').on(t.channelId, t.status),
  ],
);

/**
 * The publication ledger: one row per (post, target) — `together`, or a language in per_language
 * mode — with a unique idempotency key. The publisher writes `sending` and `request_sent_at` BEFORE
 * calling the network, so a lost answer is known to be unknown: the page is then read around
 * `request_sent_at` for a post with the same content fingerprint before anything is sent again.
 */
export const socialPublications = pgTable(
  'social_publication',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** A post with publications is never deleted (the ledger is its history). */
    postId: uuid('post_id')
      .notNull()
      .references(() => socialPosts.id),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => socialChannels.id),
    /** together, or the language of a per_language publication. */
    target: text('target').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** pending | sending | published | failed | outcome_unknown | verified_absent | verified_present. */
    state: text('state').notNull().default('pending'),
    /** Requests sent to the network for this publication. */
    attempts: integer('attempts').notNull().default(0),
    /** Readings of the page that could not tell whether it is there. */
    verifyAttempts: integer('verify_attempts').notNull().default(0),
    /** The message as composed when the publication was created (what was, or will be, sent). */
    message: text('message').notNull(),
    /** SHA-256 of the normalized message (normalizeForFingerprint): how it is recognized on the page. */
    fingerprint: text('fingerprint').notNull(),
    requestSentAt: timestamp('request_sent_at', { withTimezone: true }),
    /** When the last answer (or the failure to get one) came back. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    externalPostId: text('external_post_id'),
    permalinkUrl: text('permalink_url'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    lastErrorKind: text('last_error_kind'),
    lastNetworkCode: integer('last_network_code'),
    /** When the publisher may act on it again (retry, verification, throttling). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** The first comment as composed, or null; posted on the publication once it exists. */
    firstComment: text('first_comment'),
    /** none | pending | sending | posted | outcome_unknown | failed. */
    firstCommentState: text('first_comment_state').notNull().default('none'),
    firstCommentSentAt: timestamp('first_comment_sent_at', { withTimezone: true }),
    firstCommentExternalId: text('first_comment_external_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_publication_key_idx').on(t.idempotencyKey),
    uniqueIndex('social_publication_post_target_idx').on(t.postId, t.target),
    index('social_publication_channel_external_idx').on(t.channelId, t.externalPostId),
    /** Insights read the publications of a period (posts published between two dates). */
    index('social_publication_workspace_published_idx').on(t.workspaceId, t.publishedAt),
  ],
);

/** A queue slot: posts "in the queue" of a channel take its next free weekday and wall-clock time. */
export const socialQueueSlots = pgTable(
  'social_queue_slot',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => socialChannels.id, { onDelete: 'cascade' }),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: integer('weekday').notNull(),
    /** `HH:MM` in the workspace's time zone. */
    localTime: text('local_time').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_queue_slot_channel_time_idx').on(t.channelId, t.weekday, t.localTime)],
);

export type SocialPostRow = typeof socialPosts.$inferSelect;
export type SocialPublicationRow = typeof socialPublications.$inferSelect;
export type SocialQueueSlotRow = typeof socialQueueSlots.$inferSelect;

/**
 * Daily page figures (insights), under Tawasul's metric names (`SOCIAL_METRICS` in
 * channels/channel.ts: the network's names are mapped by its channel), one row per channel, day and
 * metric. `day` is the calendar date the figure covers as the network reports it (Meta's days follow
 * the page's reporting zone; a daily figure cannot be cut again into the workspace's zone). The sync
 * upserts: a day read again replaces its value, and a metric the network stops answering simply
 * gets no new rows, so its history stays as it was.
 */
export const socialPageMetrics = pgTable(
  'social_page_metric',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => socialChannels.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    /** One of SOCIAL_METRICS (followers is a level, the others are the day's count). */
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    /** When this value was last read from the network. */
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_page_metric_channel_day_metric_idx').on(t.channelId, t.day, t.metric),
    index('social_page_metric_workspace_day_idx').on(t.workspaceId, t.day),
  ],
);

/**
 * Post figures (insights): the lifetime values of one publication (one post on the page — a
 * per-language post has one per language) as read on a day of the workspace's calendar, one row per
 * publication, day and metric. The latest row of a metric is the post's figure; earlier days keep
 * how it grew. Upserted like page figures, with the same rule for a metric the network retires.
 */
export const socialPostMetrics = pgTable(
  'social_post_metric',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => socialPublications.id, { onDelete: 'cascade' }),
    /** The day of the reading, in the workspace's time zone. */
    capturedOn: date('captured_on', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    syncedAt: timestamp('synced_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('social_post_metric_publication_metric_day_idx').on(t.publicationId, t.metric, t.capturedOn)],
);

export type SocialPageMetricRow = typeof socialPageMetrics.$inferSelect;
export type SocialPostMetricRow = typeof socialPostMetrics.$inferSelect;

/**
 * A comment on one of the page's posts, as the inbox shows it: read from the network by the sync
 * (social.sync-comments, comment-sync.ts) or written by us (a reply from the inbox). A thread is a
 * top-level comment (`parent_external_id` null) with its replies (Facebook keeps two levels: a reply
 * to a reply names the top-level comment). The inbox lists threads started by people, newest
 * activity first; `handled_*` and `activity_at` are the thread's, kept on its top-level row.
 */
export const socialComments = pgTable(
  'social_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    channelId: uuid('channel_id')
      .notNull()
      .references(() => socialChannels.id, { onDelete: 'cascade' }),
    /** Our post when the comment is on a post we published (found through the publication ledger). */
    postId: uuid('post_id').references(() => socialPosts.id, { onDelete: 'set null' }),
    /** The network's id of the post, always (posts made on Facebook itself have no `post_id`). */
    postExternalId: text('post_external_id').notNull(),
    /** The post's first words as read from the page, to show which post a comment is on. */
    postExcerpt: text('post_excerpt').notNull().default(''),
    postPermalinkUrl: text('post_permalink_url'),
    /** The network's id; null only while our reply is on its way (`reply_state` sending or unknown). */
    externalId: text('external_id'),
    /** For a reply: the network's id of the top-level comment of its thread. */
    parentExternalId: text('parent_external_id'),
    authorExternalId: text('author_external_id'),
    /** Empty when the network hides who wrote it (people who do not let apps see them). */
    authorName: text('author_name').notNull().default(''),
    /** Written by the page itself: its replies, the publisher's first comments. */
    isFromPage: boolean('is_from_page').notNull().default(false),
    message: text('message').notNull(),
    /** ar | fr (detectCommentLanguage); null when the text has no letter (emoji only). */
    language: text('language'),
    /** When it was written, on the network's clock. */
    networkCreatedAt: timestamp('network_created_at', { withTimezone: true }).notNull(),
    /** A thread's latest comment from a person (the inbox's order); a reply's own time. */
    activityAt: timestamp('activity_at', { withTimezone: true }).notNull(),
    isHidden: boolean('is_hidden').notNull().default(false),
    /** The thread is dealt with; a new reply from a person opens it again (the sync clears these). */
    handledAt: timestamp('handled_at', { withTimezone: true }),
    handledBy: text('handled_by').references(() => users.id, { onDelete: 'set null' }),
    /** Our reply from the inbox: sending | sent | unknown (the answer was lost; the sync finds it); null for comments read from the page. */
    replyState: text('reply_state'),
    /** Who wrote our reply. */
    sentBy: text('sent_by').references(() => users.id, { onDelete: 'set null' }),
    /** The reply box's key: the same key twice (a double click, a retry) is the same reply, posted once. */
    idempotencyKey: text('idempotency_key'),
    requestSentAt: timestamp('request_sent_at', { withTimezone: true }),
    /** When we first stored it (a reply first seen after the thread was handled opens it again). */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('social_comment_channel_external_idx').on(t.channelId, t.externalId),
    uniqueIndex('social_comment_idempotency_idx').on(t.idempotencyKey),
    // The inbox: threads started by people, newest activity first (keyset on activity_at, id)…
    index('social_comment_inbox_idx')
      .on(t.workspaceId, t.activityAt, t.id)
      .where(sql`${t.parentExternalId} is null and not ${t.isFromPage}`),
    // …the default view (open) and its count…
    index('social_comment_inbox_open_idx')
      .on(t.workspaceId, t.activityAt, t.id)
      .where(sql`${t.parentExternalId} is null and not ${t.isFromPage} and not ${t.isHidden} and ${t.handledAt} is null`),
    // …filtered by language or by post.
    index('social_comment_inbox_language_idx')
      .on(t.workspaceId, t.language, t.activityAt, t.id)
      .where(sql`${t.parentExternalId} is null and not ${t.isFromPage}`),
    index('social_comment_inbox_post_idx')
      .on(t.workspaceId, t.postExternalId, t.activityAt, t.id)
      .where(sql`${t.parentExternalId} is null and not ${t.isFromPage}`),
    // A thread's replies; the newest comment of a post (where the next sync starts).
    index('social_comment_thread_idx').on(t.channelId, t.parentExternalId),
    index('social_comment_post_time_idx').on(t.channelId, t.postExternalId, t.networkCreatedAt),
  ],
);

/**
 * Where each channel's comment sync stands: when it last ran through, and when it may run again
 * after the network throttled it (so no process calls a throttled page before its time).
 */
export const socialCommentSyncs = pgTable('social_comment_sync', {
  channelId: uuid('channel_id')
    .primaryKey()
    .references(() => socialChannels.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  /** The last run that read every recent post. */
  syncedAt: timestamp('synced_at', { withTimezone: true }),
  attemptedAt: timestamp('attempted_at', { withTimezone: true }),
  /** The channel error kind that stopped the last run, null when it went through. */
  lastErrorKind: text('last_error_kind'),
  /** Throttled: no call before this time. */
  notBefore: timestamp('not_before', { withTimezone: true }),
});

export type SocialCommentRow = typeof socialComments.$inferSelect;
export type SocialCommentSyncRow = typeof socialCommentSyncs.$inferSelect;
