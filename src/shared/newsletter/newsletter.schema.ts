/**
 * The newsletter's shared shapes: composer blocks and segment filters. Server, OpenAPI and forms use
 * these schemas (STYLE: one zod schema per shape). API request/response schemas live beside, per area.
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { localizedTextSchema } from '../localized-text.js';

/** What a subscriber may prefer; "both" is ['ar', 'fr']. */
export const SubscriberLanguagesSchema = z.array(z.enum(CONTENT_LANGUAGES)).min(1).max(CONTENT_LANGUAGES.length);

export const SUBSCRIBER_STATUSES = ['active', 'unsubscribed', 'bounced', 'complained'] as const;
export const LIST_SUBSCRIPTION_STATUSES = ['unconfirmed', 'confirmed', 'unsubscribed'] as const;
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed', 'bounced'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];
export const ISSUE_STATUSES = ['draft', 'scheduled', 'sending', 'paused', 'sent', 'cancelled'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export const SEND_MODES = ['per_language', 'bilingual'] as const;
/** A rendered variant: one language, or both in one email. */
export const VARIANTS = [...CONTENT_LANGUAGES, 'bilingual'] as const;
export type Variant = (typeof VARIANTS)[number];

const blockId = z.string().min(1).max(40);
const urlText = localizedTextSchema({ maxLength: 2000 });
const imageSource = {
  /** An image of the workspace's file store (or, later, the studio's asset library). */
  fileId: z.uuid().optional(),
  /** Or an absolute https URL. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
};

const leafBlocks = [
  z.strictObject({
    type: z.literal('heading'),
    id: blockId,
    level: z.union([z.literal(1), z.literal(2)]).default(2),
    text: localizedTextSchema({ maxLength: 300 }),
  }),
  /** Paragraphs separated by blank lines; URLs become links; `**bold**` is the only markup. */
  z.strictObject({ type: z.literal('text'), id: blockId, text: localizedTextSchema({ maxLength: 20_000 }) }),
  z.strictObject({
    type: z.literal('image'),
    id: blockId,
    ...imageSource,
    alt: localizedTextSchema({ maxLength: 300 }),
    caption: localizedTextSchema({ maxLength: 500 }),
    href: urlText.optional(),
  }),
  z.strictObject({ type: z.literal('button'), id: blockId, label: localizedTextSchema({ maxLength: 80 }), url: urlText }),
  z.strictObject({
    type: z.literal('article'),
    id: blockId,
    title: localizedTextSchema({ maxLength: 300 }),
    summary: localizedTextSchema({ maxLength: 2000 }),
    url: urlText,
    imageFileId: imageSource.fileId,
    imageUrl: imageSource.url,
  }),
  z.strictObject({
    type: z.literal('event'),
    id: blockId,
    title: localizedTextSchema({ maxLength: 300 }),
    /** ISO date-time with offset; shown in the workspace time zone, per locale. */
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }).optional(),
    place: localizedTextSchema({ maxLength: 300 }),
    url: urlText.optional(),
  }),
  z.strictObject({ type: z.literal('divider'), id: blockId }),
] as const;

export const LeafBlockSchema = z.discriminatedUnion('type', leafBlocks);
export const NewsletterBlockSchema = z.discriminatedUnion('type', [
  ...leafBlocks,
  z.strictObject({
    type: z.literal('columns'),
    id: blockId,
    columns: z.tuple([z.array(LeafBlockSchema).max(10), z.array(LeafBlockSchema).max(10)]),
  }),
]);
export type LeafBlock = z.infer<typeof LeafBlockSchema>;
export type NewsletterBlock = z.infer<typeof NewsletterBlockSchema>;
export const NewsletterBlocksSchema = z.array(NewsletterBlockSchema).max(100);

/** One condition of a segment; every one maps to an indexed predicate on `subscriber`. */
export const SegmentConditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('language'), op: z.enum(['includes', 'excludes']), value: z.enum(CONTENT_LANGUAGES) }),
  z.strictObject({
    field: z.literal('country'),
    op: z.enum(['in', 'not_in']),
    values: z
      .array(z.string().regex(/^[A-Z]{2}$/))
      .min(1)
      .max(250),
  }),
  z.strictObject({ field: z.literal('tag'), op: z.enum(['has', 'not_has']), value: z.string().min(1).max(100) }),
  z.strictObject({ field: z.literal('organisation'), op: z.enum(['is', 'is_not']), organisationId: z.uuid() }),
  z.strictObject({ field: z.literal('list'), op: z.enum(['member', 'not_member']), listId: z.uuid() }),
  z.strictObject({
    field: z.literal('attribute'),
    key: z.string().min(1).max(100),
    op: z.enum(['equals', 'not_equals']),
    value: z.string().max(500),
  }),
  z.strictObject({ field: z.literal('created'), op: z.enum(['after', 'before']), date: z.iso.date() }),
]);
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;
export const SegmentFilterSchema = z.strictObject({
  match: z.enum(['all', 'any']),
  conditions: z.array(SegmentConditionSchema).max(30),
});
export type SegmentFilter = z.infer<typeof SegmentFilterSchema>;
