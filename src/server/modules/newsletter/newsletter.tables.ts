/**
 * Newsletter (T3): subscribers, lists, consent, segments, imports, issues, and one delivery row per
 * (issue, subscriber) whose state makes a send resumable without a lost or repeated message.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { NewsletterBlock, SegmentFilter } from '../../../shared/newsletter/newsletter.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import { files, workspaces } from '../../platform/platform.tables.js';
import { organisations } from '../directory/directory.tables.js';
import { campaigns } from '../planning/campaigns.tables.js';

export const subscribers = pgTable(
  'subscriber',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** As typed; `emailNormalized` (trimmed, NFC, lower case) is the identity. */
    email: text('email').notNull(),
    emailNormalized: text('email_normalized').notNull(),
    name: text('name').notNull().default(''),
    /** Preferred content languages, first is preferred: ['ar'], ['fr'], ['ar','fr'] ("both"). */
    languages: text('languages').array().notNull().default(sql`ARRAY['fr']::text[]`),
    /** ISO 3166-1 alpha-2, upper case. */
    country: text('country'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    /** Organisation name as given (imports, forms) when not linked to the directory. */
    organisationName: text('organisation_name').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`ARRAY[]::text[]`),
    attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default({}),
    /**
     * Suppression across every list: active, unsubscribed (from everything), bounced (hard),
     * complained. Never set back to active by an import; only by the person (a new confirmed opt-in).
     */
    status: text('status').notNull().default('active'),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
    softBounceCount: integer('soft_bounce_count').notNull().default(0),
    /**
     * Name and address folded for search (`subscriberSearchText` in subscribers.repo.ts: Arabic letter
     * variants, diacritics and accents folded), matched with `containsFolded`. Written by every writer
     * of a name or address; no trigram index: a scan of 100,000 rows costs ~40 ms on PGlite, while the
     * index tripled the cost of a bulk import.
     */
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('subscriber_workspace_email_idx').on(t.workspaceId, t.emailNormalized),
    index('subscriber_workspace_status_idx').on(t.workspaceId, t.status, t.id),
    index('subscriber_tags_idx').using('gin', t.tags),
    index('subscriber_languages_idx').using('gin', t.languages),
    index('subscriber_workspace_country_idx').on(t.workspaceId, t.country),
    index('subscriber_organisation_idx').on(t.organisationId),
  ],
);

export const mailingLists = pgTable(
  'mailing_list',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>().notNull().default({}),
    /** public: offered on the sign-up form and preferences page; private: managed by the officer. */
    visibility: text('visibility').notNull().default('private'),
    /** single or double opt-in for sign-ups from the public form. */
    optIn: text('opt_in').notNull().default('double'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mailing_list_workspace_idx').on(t.workspaceId)],
);

export const listSubscriptions = pgTable(
  'list_subscription',
  {
    listId: uuid('list_id')
      .notNull()
      .references(() => mailingLists.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    /** unconfirmed (double opt-in pending), confirmed, unsubscribed. */
    status: text('status').notNull(),
    subscribedAt: timestamp('subscribed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.subscriberId] }),
    index('list_subscription_list_status_idx').on(t.listId, t.status, t.subscriberId),
    index('list_subscription_subscriber_idx').on(t.subscriberId),
  ],
);

/** Proof of consent and of its withdrawal: append-only. */
export const consentRecords = pgTable(
  'consent_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    listId: uuid('list_id').references(() => mailingLists.id, { onDelete: 'set null' }),
    /** subscribe, confirm, unsubscribe, preferences. */
    action: text('action').notNull(),
    /** form, import, manual, email_link, one_click, api. */
    source: text('source').notNull(),
    /** The exact text the person agreed to, in the language shown. */
    consentText: text('consent_text').notNull().default(''),
    language: text('language'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    importId: uuid('import_id'),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consent_record_subscriber_idx').on(t.subscriberId, t.createdAt)],
);

/** A saved filter, evaluated at send time (never materialised). */
export const segments = pgTable(
  'segment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    filter: jsonb('filter').$type<SegmentFilter>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('segment_workspace_idx').on(t.workspaceId)],
);

export const subscriberImports = pgTable(
  'subscriber_import',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull().default(''),
    /** uploaded, queued, running, done, failed. */
    status: text('status').notNull().default('uploaded'),
    encoding: text('encoding'),
    delimiter: text('delimiter'),
    /** CSV column index → subscriber field (`email`, `name`, `attribute:<key>`…). */
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    listIds: uuid('list_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    tags: text('tags').array().notNull().default(sql`ARRAY[]::text[]`),
    /** What the officer confirms the people agreed to (stored on each consent record). */
    consentText: text('consent_text').notNull().default(''),
    totalRows: integer('total_rows'),
    processedRows: integer('processed_rows').notNull().default(0),
    createdCount: integer('created_count').notNull().default(0),
    updatedCount: integer('updated_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errorReportFileId: uuid('error_report_file_id').references(() => files.id, { onDelete: 'set null' }),
    error: text('error'),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('subscriber_import_workspace_idx').on(t.workspaceId, t.createdAt)],
);

/** Per-workspace sending settings (sender, throttling, tracking, DKIM). */
export const newsletterSettings = pgTable('newsletter_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  fromName: text('from_name').notNull().default(''),
  fromAddress: text('from_address').notNull().default(''),
  replyTo: text('reply_to'),
  /** Postal address shown in every footer (anti-spam laws). */
  postalAddress: text('postal_address').notNull().default(''),
  messagesPerSecond: integer('messages_per_second').notNull().default(10),
  smtpConnections: integer('smtp_connections').notNull().default(3),
  /** Rolling window: at most `windowMessages` per `windowHours` (0 = no window). */
  windowMessages: integer('window_messages').notNull().default(0),
  windowHours: integer('window_hours').notNull().default(24),
  trackOpens: boolean('track_opens').notNull().default(false),
  trackClicks: boolean('track_clicks').notNull().default(false),
  dkimDomain: text('dkim_domain'),
  dkimSelector: text('dkim_selector'),
  /** PEM private key, encrypted with the app's SECRET_KEY (platform secret box). */
  dkimPrivateKeyEncrypted: text('dkim_private_key_encrypted'),
  /** Shared secret providers put in the bounce webhook URL. */
  bounceWebhookSecret: text('bounce_webhook_secret'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const newsletterIssues = pgTable(
  'newsletter_issue',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    subject: jsonb('subject').$type<LocalizedText>().notNull(),
    preheader: jsonb('preheader').$type<LocalizedText>().notNull().default({}),
    blocks: jsonb('blocks').$type<NewsletterBlock[]>().notNull().default([]),
    /** per_language: one email per subscriber in their language; bilingual: one email, both languages. */
    sendMode: text('send_mode').notNull().default('per_language'),
    /** In bilingual mode, which language comes first. */
    bilingualOrder: text('bilingual_order').array().notNull().default(sql`ARRAY['ar','fr']::text[]`),
    listIds: uuid('list_ids').array().notNull().default(sql`ARRAY[]::uuid[]`),
    segmentId: uuid('segment_id').references(() => segments.id, { onDelete: 'set null' }),
    utmSource: text('utm_source').notNull().default('newsletter'),
    utmMedium: text('utm_medium').notNull().default('email'),
    utmCampaign: text('utm_campaign').notNull().default(''),
    campaignId: uuid('campaign_id').references(() => campaigns.id, { onDelete: 'set null' }),
    /**
     * draft → (approval workflow) → scheduled → sending ⇄ paused → sent | cancelled.
     * Approval state lives in the review tables; scheduling needs an approved review.
     */
    status: text('status').notNull().default('draft'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** Recipients resolved when the send started. */
    recipientCount: integer('recipient_count'),
    /** Rendered once per variant at send start (language → {subject, html, text}), so a send never re-renders. */
    renderedVariants: jsonb('rendered_variants').$type<Record<string, { subject: string; html: string; text: string }>>(),
    createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('newsletter_issue_workspace_idx').on(t.workspaceId, t.status, t.createdAt)],
);

/**
 * One row per (issue, subscriber). pending → sending → sent | failed | bounced. A row is marked
 * `sending` (with the worker and time) before SMTP gets the message; a row found in `sending` after a
 * crash is never re-sent by itself: an admin confirms it (sent) or re-queues it (pending).
 */
export const newsletterDeliveries = pgTable(
  'newsletter_delivery',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    /** Address and variant fixed when recipients were resolved. */
    email: text('email').notNull(),
    /** `ar`, `fr`, `en` or `bilingual`. */
    variant: text('variant').notNull(),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before this time (soft-bounce and 4xx retries). */
    retryAt: timestamp('retry_at', { withTimezone: true }),
    claimedBy: text('claimed_by'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    messageId: text('message_id'),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    openCount: integer('open_count').notNull().default(0),
    clickedAt: timestamp('clicked_at', { withTimezone: true }),
    /** Clicks recorded for this message (its `newsletter_click` rows), so statistics per language need no join. */
    clickCount: integer('click_count').notNull().default(0),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    bouncedAt: timestamp('bounced_at', { withTimezone: true }),
    /** hard, soft, complaint. */
    bounceType: text('bounce_type'),
  },
  (t) => [
    uniqueIndex('newsletter_delivery_issue_subscriber_idx').on(t.issueId, t.subscriberId),
    index('newsletter_delivery_issue_state_idx').on(t.issueId, t.state, t.id),
    index('newsletter_delivery_workspace_sent_idx').on(t.workspaceId, t.sentAt),
    index('newsletter_delivery_message_idx').on(t.messageId),
    /** A subscriber's deliveries, newest first: bounce matching by address and the soft-bounce streak. */
    index('newsletter_delivery_subscriber_idx').on(t.subscriberId, t.sentAt),
  ],
);

export const newsletterClicks = pgTable(
  'newsletter_click',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    issueId: uuid('issue_id')
      .notNull()
      .references(() => newsletterIssues.id, { onDelete: 'cascade' }),
    deliveryId: bigint('delivery_id', { mode: 'number' })
      .notNull()
      .references(() => newsletterDeliveries.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    clickedAt: timestamp('clicked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('newsletter_click_issue_idx').on(t.issueId, t.url)],
);

/** Bounces and complaints as reported (webhook, manual, SMTP), kept even after the subscriber is gone. */
export const newsletterBounces = pgTable(
  'newsletter_bounce',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    emailNormalized: text('email_normalized').notNull(),
    subscriberId: uuid('subscriber_id').references(() => subscribers.id, { onDelete: 'set null' }),
    deliveryId: bigint('delivery_id', { mode: 'number' }).references(() => newsletterDeliveries.id, { onDelete: 'set null' }),
    /** hard, soft, complaint. */
    type: text('type').notNull(),
    /** webhook, manual, smtp. */
    source: text('source').notNull(),
    diagnostic: text('diagnostic').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('newsletter_bounce_workspace_idx').on(t.workspaceId, t.createdAt),
    index('newsletter_bounce_email_idx').on(t.workspaceId, t.emailNormalized),
  ],
);

/**
 * Addresses erased on request (GDPR): the subscriber row, its subscriptions and consent records are
 * deleted, and only a SHA-256 of the normalized address stays, so a later import or manual add does not
 * bring the person back. Only a sign-up through the public form, confirmed by email, lifts it.
 */
export const newsletterSuppressions = pgTable(
  'newsletter_suppression',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Hex SHA-256 of the normalized address (`suppressionHashOf`). */
    emailHash: text('email_hash').notNull(),
    /** erased. */
    reason: text('reason').notNull().default('erased'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.emailHash] })],
);
