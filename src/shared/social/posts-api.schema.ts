/**
 * API shapes of social posts, scheduling and queue slots: one zod schema per request, shared by the
 * routes, the OpenAPI document and the composer's client-side checks (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema, localTimeSchema } from '../planning/calendar-date.js';
import { LANGUAGE_MODES } from './compose-message.js';
import {
  FIRST_COMMENT_STATES,
  HashtagsSchema,
  isPostableLink,
  LinkPreviewSchema,
  POST_STATUSES,
  PUBLICATION_STATES,
  SOCIAL_POST_LIMITS,
} from './posts.schema.js';

const postText = () => localizedTextSchema({ maxLength: SOCIAL_POST_LIMITS.storedTextUnits });

export const PostLinkSchema = z.strictObject({
  url: z.string().trim().max(SOCIAL_POST_LIMITS.linkLength, { message: 'TOO_LONG' }).refine(isPostableLink, { message: 'INVALID_URL' }),
  /** The preview as fetched (POST …/social/link-preview); absent when none could be read. */
  preview: LinkPreviewSchema.nullable().optional(),
});

const postFields = {
  channelId: z.string().uuid(),
  campaignId: z.string().uuid().nullable().optional(),
  languageMode: z.enum(LANGUAGE_MODES).default('together'),
  text: postText(),
  hashtags: HashtagsSchema.optional(),
  firstComment: postText().optional(),
  assetIds: z.array(z.string().uuid()).max(SOCIAL_POST_LIMITS.photos, { message: 'TOO_MANY' }).optional(),
  link: PostLinkSchema.nullable().optional(),
};

function refineAttachments(
  post: { assetIds?: string[] | undefined; link?: unknown },
  context: { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void },
) {
  if (post.link && (post.assetIds?.length ?? 0) > 0) context.addIssue({ code: 'custom', path: ['link'], message: 'PHOTOS_OR_LINK' });
  if (post.assetIds && new Set(post.assetIds).size !== post.assetIds.length) {
    context.addIssue({ code: 'custom', path: ['assetIds'], message: 'DUPLICATE_KEY' });
  }
}

export const PostCreateSchema = z.strictObject(postFields).superRefine((post, context) => {
  if (!Object.values(post.text).some((entry) => entry?.value)) {
    context.addIssue({ code: 'custom', path: ['text'], message: 'LOCALIZED_REQUIRED' });
  }
  refineAttachments(post, context);
});
export type PostCreate = z.infer<typeof PostCreateSchema>;

export const PostUpdateSchema = z
  .strictObject({
    ...postFields,
    channelId: postFields.channelId.optional(),
    languageMode: z.enum(LANGUAGE_MODES).optional(),
    text: postText().optional(),
    /** The version the editor started from; an older one is refused (CONFLICT). */
    version: z.number().int().min(1),
  })
  .superRefine((post, context) => {
    if (post.text && !Object.values(post.text).some((entry) => entry?.value)) {
      context.addIssue({ code: 'custom', path: ['text'], message: 'LOCALIZED_REQUIRED' });
    }
    refineAttachments(post, context);
  });
export type PostUpdate = z.infer<typeof PostUpdateSchema>;

/** When to publish: a wall-clock date and time of the workspace, the channel's next free queue slot, or now. */
export const PostScheduleSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('at'), date: calendarDateSchema, time: localTimeSchema }),
  z.strictObject({ mode: z.literal('next_slot') }),
  z.strictObject({ mode: z.literal('now') }),
]);
export type PostSchedule = z.infer<typeof PostScheduleSchema>;

/** The calendar's drag: another day, at the same wall-clock time unless one is given. */
export const PostRescheduleSchema = z.strictObject({ date: calendarDateSchema, time: localTimeSchema.optional() });
export type PostReschedule = z.infer<typeof PostRescheduleSchema>;

/** How a list is sorted: last created first, or the next to go out first (scheduled, held, publishing). */
export const POST_LIST_ORDERS = ['newest', 'next'] as const;
export type PostListOrder = (typeof POST_LIST_ORDERS)[number];

export const PostListQuerySchema = z.strictObject({
  status: z.enum(POST_STATUSES).optional(),
  channelId: z.string().uuid().optional(),
  campaignId: z.string().uuid().optional(),
  /** Posts written in this language (with text in it). */
  language: z.enum(CONTENT_LANGUAGES).optional(),
  order: z.enum(POST_LIST_ORDERS).default('newest'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  lang: z.string().optional(),
});
export type PostListQuery = z.infer<typeof PostListQuerySchema>;

const LocalizedOut = z.partialRecord(z.enum(CONTENT_LANGUAGES), z.object({ value: z.string(), status: z.string() }));

export const PublicationSchema = z.object({
  id: z.string().uuid(),
  target: z.string(),
  state: z.enum(PUBLICATION_STATES),
  attempts: z.number().int(),
  requestSentAt: z.string().nullable(),
  externalPostId: z.string().nullable(),
  permalinkUrl: z.string().nullable(),
  publishedAt: z.string().nullable(),
  lastErrorKind: z.string().nullable(),
  lastNetworkCode: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  firstCommentState: z.enum(FIRST_COMMENT_STATES),
});
export type Publication = z.infer<typeof PublicationSchema>;

/** A message as it will go out: its target, text and length as readers count it. */
export const ComposedMessageSchema = z.object({
  target: z.string(),
  message: z.string(),
  characters: z.number().int(),
  firstComment: z.string(),
});

export const PostSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  channelId: z.string().uuid(),
  campaignId: z.string().uuid().nullable(),
  languageMode: z.enum(LANGUAGE_MODES),
  text: LocalizedOut,
  hashtags: z.partialRecord(z.enum(CONTENT_LANGUAGES), z.array(z.string())),
  firstComment: LocalizedOut,
  assetIds: z.array(z.string().uuid()),
  link: z.object({ url: z.string(), preview: LinkPreviewSchema.nullable() }).nullable(),
  status: z.enum(POST_STATUSES),
  /** The approval workflow's state (draft when it has none yet). */
  reviewState: z.string(),
  scheduledAt: z.string().nullable(),
  /** The schedule as the workspace's wall clock reads it, in its time zone. */
  scheduledLocal: z.object({ date: z.string(), time: z.string(), timeZone: z.string() }).nullable(),
  publishedAt: z.string().nullable(),
  lastErrorKind: z.string().nullable(),
  version: z.number().int(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof PostSchema>;

export const PostDetailSchema = PostSchema.extend({
  messages: z.array(ComposedMessageSchema),
  publications: z.array(PublicationSchema),
  /**
   * Photos that could not go out as they are now (asset id → ASSET_ARCHIVED, CONSENT_EXPIRED,
   * CONSENT_NOT_VALID…): a consent that expired or changed since the post was saved.
   */
  photoProblems: z.record(z.string(), z.string()),
});
export type PostDetail = z.infer<typeof PostDetailSchema>;

export const PostPageSchema = z.object({ items: z.array(PostSchema), nextCursor: z.string().nullable() });
export type PostPage = z.infer<typeof PostPageSchema>;

export const QueueSlotCreateSchema = z.strictObject({
  channelId: z.string().uuid(),
  weekday: z.number().int().min(1).max(7),
  time: localTimeSchema,
});
export type QueueSlotCreate = z.infer<typeof QueueSlotCreateSchema>;

export const QueueSlotSchema = z.object({
  id: z.string().uuid(),
  channelId: z.string().uuid(),
  weekday: z.number().int(),
  time: z.string(),
});
export type QueueSlot = z.infer<typeof QueueSlotSchema>;

export const QueueSlotListQuerySchema = z.strictObject({ channelId: z.string().uuid().optional(), lang: z.string().optional() });
export const QueueSlotListSchema = z.object({ items: z.array(QueueSlotSchema), timeZone: z.string() });
export type QueueSlotList = z.infer<typeof QueueSlotListSchema>;

export const LinkPreviewRequestSchema = z.strictObject({ url: PostLinkSchema.shape.url });
export const LinkPreviewAnswerSchema = z.object({ url: z.string(), preview: LinkPreviewSchema.nullable() });
export type LinkPreviewAnswer = z.infer<typeof LinkPreviewAnswerSchema>;

/** A studio design to attach as a photo: its PNG is rendered and kept in the asset library. */
export const DesignPhotoRequestSchema = z.strictObject({ designId: z.string().uuid() });
export type DesignPhotoRequest = z.infer<typeof DesignPhotoRequestSchema>;

export const DesignPhotoSchema = z.object({
  /** The library photo to put in the post's `assetIds`. */
  assetId: z.string().uuid(),
  designId: z.string().uuid(),
  /** True when the design, unchanged since, had already been rendered into the library (no second copy). */
  reused: z.boolean(),
});
export type DesignPhoto = z.infer<typeof DesignPhotoSchema>;
