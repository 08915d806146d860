/**
 * The approval workflow (S5), shared by every content type: one review row per content item, its
 * transitions, the approvals of the current round, and comments anchored to a language version.
 */
import { bigserial, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.tables.js';
import { workspaces } from '../platform.tables.js';

export const contentReviews = pgTable(
  'content_review',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    /** `<module>.<thing>`, e.g. `planning.campaign-brief`; each type registers its content reader. */
    contentType: text('content_type').notNull(),
    contentId: uuid('content_id').notNull(),
    state: text('state').notNull().default('draft'),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /** Set when an admin scheduled with a language missing or unreviewed. */
    overrideReason: text('override_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('content_review_item_idx').on(t.workspaceId, t.contentType, t.contentId)],
);

export const contentReviewEvents = pgTable(
  'content_review_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => contentReviews.id, { onDelete: 'cascade' }),
    actorUserId: text('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_review_event_review_idx').on(t.reviewId, t.id)],
);

/** Approvals of the current review round; a request for changes or a new submission clears them. */
export const contentApprovals = pgTable(
  'content_approval',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => contentReviews.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.userId] })],
);

export const contentComments = pgTable(
  'content_comment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => contentReviews.id, { onDelete: 'cascade' }),
    /** The language version the comment is about (`ar`, `fr`…), or null for the whole item. */
    language: text('language'),
    /** The passage quoted from that version, when the reviewer selected one. */
    quote: text('quote'),
    body: text('body').notNull(),
    authorUserId: text('author_user_id').references(() => users.id, { onDelete: 'set null' }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('content_comment_review_idx').on(t.reviewId, t.createdAt)],
);
