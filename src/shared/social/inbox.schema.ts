/**
 * API shapes of the comments inbox: one zod schema per request and answer, shared by the routes, the
 * OpenAPI document and the inbox page (STYLE G3).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { COMMENT_LANGUAGES } from './comment-language.js';
import { SOCIAL_POST_LIMITS } from './posts.schema.js';

/** open: neither handled nor hidden; handled: dealt with (not hidden); hidden: hidden on the page. */
export const INBOX_STATES = ['open', 'handled', 'hidden', 'all'] as const;
export type InboxState = (typeof INBOX_STATES)[number];

/** Our reply's fate: sending (the request is out), sent, unknown (the answer was lost; the next sync finds it). */
export const REPLY_STATES = ['sending', 'sent', 'unknown'] as const;
export type ReplyState = (typeof REPLY_STATES)[number];

export const InboxListQuerySchema = z.strictObject({
  state: z.enum(INBOX_STATES).default('open'),
  language: z.enum(COMMENT_LANGUAGES).optional(),
  /** The network's id of a post (GET …/inbox/posts lists them). */
  post: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type InboxListQuery = z.infer<typeof InboxListQuerySchema>;

export const InboxPostRefSchema = z.object({
  externalId: z.string(),
  /** Our post, when it was published from Tawasul. */
  postId: z.string().uuid().nullable(),
  excerpt: z.string(),
  permalinkUrl: z.string().nullable(),
});
export type InboxPostRef = z.infer<typeof InboxPostRefSchema>;

export const InboxCommentSchema = z.object({
  id: z.string().uuid(),
  externalId: z.string().nullable(),
  author: z.object({ name: z.string(), externalId: z.string().nullable(), isPage: z.boolean() }),
  message: z.string(),
  language: z.enum(COMMENT_LANGUAGES).nullable(),
  /** When it was written, on the network's clock (ISO). */
  createdAt: z.string(),
  isHidden: z.boolean(),
  /** For our replies from the inbox: how the sending went, and who wrote it. */
  reply: z.object({ state: z.enum(REPLY_STATES), sentByName: z.string().nullable() }).nullable(),
});
export type InboxComment = z.infer<typeof InboxCommentSchema>;

/** A top-level comment from a person, with its replies (oldest first) and the thread's state. */
export const InboxThreadSchema = InboxCommentSchema.extend({
  channelId: z.string().uuid(),
  channelName: z.string(),
  post: InboxPostRefSchema,
  activityAt: z.string(),
  handled: z.object({ at: z.string(), byName: z.string().nullable() }).nullable(),
  replies: z.array(InboxCommentSchema),
});
export type InboxThread = z.infer<typeof InboxThreadSchema>;

export const InboxPageSchema = z.object({
  items: z.array(InboxThreadSchema),
  nextCursor: z.string().nullable(),
  /** Open threads under the same language and post filters (whatever the state asked), up to a cap. */
  openCount: z.number().int(),
  isOpenCountCapped: z.boolean(),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

/** Posts that have comments from people, newest comment first, for the post filter. */
export const InboxPostListSchema = z.object({
  items: z.array(InboxPostRefSchema.extend({ threads: z.number().int(), open: z.number().int() })),
});
export type InboxPostList = z.infer<typeof InboxPostListSchema>;

export const InboxReplyCreateSchema = z.strictObject({
  message: z.string().trim().min(1, { message: 'REQUIRED' }).max(SOCIAL_POST_LIMITS.commentCharacters, { message: 'TOO_LONG' }),
  /** Made by the reply box once per reply: sending it again (double click, retry) never posts twice. */
  idempotencyKey: z.string().uuid(),
});
export type InboxReplyCreate = z.infer<typeof InboxReplyCreateSchema>;

export const InboxHideSchema = z.strictObject({ hidden: z.boolean() });
export type InboxHide = z.infer<typeof InboxHideSchema>;

export const InboxHandledSchema = z.strictObject({ handled: z.boolean() });
export type InboxHandled = z.infer<typeof InboxHandledSchema>;

/** How one page's sync went: synced, skipped (needs reconnection or disconnected), or stopped by the network. */
export const CHANNEL_SYNC_RESULTS = ['synced', 'skipped', 'needs-reconnection', 'throttled', 'unavailable'] as const;
export type ChannelSyncResult = (typeof CHANNEL_SYNC_RESULTS)[number];

export const InboxRefreshSchema = z.object({
  channels: z.array(
    z.object({
      channelId: z.string().uuid(),
      result: z.enum(CHANNEL_SYNC_RESULTS),
      /** Comments stored for the first time, and comments whose text or visibility changed. */
      added: z.number().int(),
      changed: z.number().int(),
    }),
  ),
});
export type InboxRefresh = z.infer<typeof InboxRefreshSchema>;

/** Each connected page's sync, for "updated 3 minutes ago" and the reconnection notice. */
export const InboxStatusSchema = z.object({
  channels: z.array(
    z.object({
      channelId: z.string().uuid(),
      name: z.string(),
      status: z.string(),
      isSandbox: z.boolean(),
      syncedAt: z.string().nullable(),
      lastErrorKind: z.string().nullable(),
    }),
  ),
});
export type InboxStatus = z.infer<typeof InboxStatusSchema>;
