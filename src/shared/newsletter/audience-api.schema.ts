/**
 * API shapes of the newsletter's audience: subscribers, lists, segments and audience counts. One
 * source for request validation, OpenAPI and the web forms (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { LIST_SUBSCRIPTION_STATUSES, SegmentFilterSchema, SUBSCRIBER_STATUSES } from './newsletter.schema.js';
import { isPlausibleEmail } from './subscriber-identity.js';

export type SubscriberStatus = (typeof SUBSCRIBER_STATUSES)[number];
export type ListSubscriptionStatus = (typeof LIST_SUBSCRIPTION_STATUSES)[number];

export const AUDIENCE_LIMITS = {
  emailLength: 254,
  tagLength: 60,
  tagsMax: 30,
  attributesMax: 30,
  attributeKeyLength: 60,
  attributeValueLength: 500,
  consentTextLength: 2000,
  listsMax: 50,
} as const;

export const LIST_VISIBILITIES = ['public', 'private'] as const;
export const OPT_IN_MODES = ['single', 'double'] as const;
export const CONSENT_ACTIONS = ['subscribe', 'confirm', 'unsubscribe', 'preferences'] as const;
export const CONSENT_SOURCES = ['form', 'import', 'manual', 'email_link', 'one_click', 'api'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

const uuid = z.string().uuid();
const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'INVALID_COUNTRY' });
export const subscriberEmailSchema = z
  .string()
  .trim()
  .min(1, { message: 'REQUIRED' })
  .max(AUDIENCE_LIMITS.emailLength, { message: 'TOO_LONG' })
  .refine(isPlausibleEmail, { message: 'INVALID_EMAIL' });
const languages = z
  .array(z.enum(CONTENT_LANGUAGES))
  .min(1, { message: 'REQUIRED' })
  .max(CONTENT_LANGUAGES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'INVALID_VALUE' });
const tag = z.string().trim().min(1).max(AUDIENCE_LIMITS.tagLength);
const tags = z
  .array(tag)
  .max(AUDIENCE_LIMITS.tagsMax)
  .transform((list) => [...new Set(list)]);
const attributes = z
  .record(z.string().trim().min(1).max(AUDIENCE_LIMITS.attributeKeyLength), z.string().max(AUDIENCE_LIMITS.attributeValueLength))
  .refine((record) => Object.keys(record).length <= AUDIENCE_LIMITS.attributesMax, { message: 'TOO_LONG' });
/** What the officer records as the person's consent (e.g. "Signed the sheet at the Sfax forum, 12 Oct."). */
const consentText = z.string().trim().min(1, { message: 'REQUIRED' }).max(AUDIENCE_LIMITS.consentTextLength, { message: 'TOO_LONG' });
const listIds = z
  .array(uuid)
  .max(AUDIENCE_LIMITS.listsMax)
  .transform((list) => [...new Set(list)]);
const name = z.string().trim().max(LIMITS.nameLength, { message: 'TOO_LONG' });

/** A subscriber added by hand: confirmed at once in `listIds`, with the officer's consent text as proof. */
export const SubscriberCreateSchema = z.strictObject({
  email: subscriberEmailSchema,
  name: name.default(''),
  languages,
  country: countryCode.nullable().optional(),
  organisationId: uuid.nullable().optional(),
  organisationName: name.default(''),
  tags: tags.default([]),
  attributes: attributes.default({}),
  listIds: listIds.default([]),
  consentText,
});
export type SubscriberCreate = z.input<typeof SubscriberCreateSchema>;

/** Profile fields; status and lists change through their own actions. Omitted fields keep their value. */
export const SubscriberUpdateSchema = z.strictObject({
  email: subscriberEmailSchema.optional(),
  name: name.optional(),
  languages: languages.optional(),
  country: countryCode.nullable().optional(),
  organisationId: uuid.nullable().optional(),
  organisationName: name.optional(),
  tags: tags.optional(),
  attributes: attributes.optional(),
});
export type SubscriberUpdate = z.input<typeof SubscriberUpdateSchema>;

/** Adding a subscriber to a list by hand needs the officer's consent text. */
export const SubscriptionAddSchema = z.strictObject({ consentText });
export type SubscriptionAdd = z.input<typeof SubscriptionAddSchema>;

export const SubscriberListQuerySchema = z.strictObject({
  q: z.string().max(LIMITS.searchLength).optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  /** Subscribed (confirmed or awaiting confirmation) to this list. */
  listId: uuid.optional(),
  tag: tag.optional(),
  language: z.enum(CONTENT_LANGUAGES).optional(),
  country: countryCode.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type SubscriberListQuery = z.infer<typeof SubscriberListQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const SubscriberSummarySchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  languages: z.array(z.string()),
  country: z.string().nullable(),
  status: z.enum(SUBSCRIBER_STATUSES),
  tags: z.array(z.string()),
  createdAt: z.string(),
});
export type SubscriberSummary = z.infer<typeof SubscriberSummarySchema>;

export const SubscriberPageSchema = z.object({
  items: z.array(SubscriberSummarySchema),
  nextCursor: z.string().nullable(),
  /** Exact up to `LIMITS.listTotalCap`; beyond it, the cap with `isTotalCapped`. */
  total: z.number().int(),
  isTotalCapped: z.boolean(),
});
export type SubscriberPage = z.infer<typeof SubscriberPageSchema>;

export const MembershipSchema = z.object({
  listId: uuid,
  listName: LocalizedOut,
  status: z.enum(LIST_SUBSCRIPTION_STATUSES),
  subscribedAt: z.string(),
  confirmedAt: z.string().nullable(),
  unsubscribedAt: z.string().nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const ConsentEntrySchema = z.object({
  id: uuid,
  action: z.enum(CONSENT_ACTIONS),
  source: z.enum(CONSENT_SOURCES),
  listId: uuid.nullable(),
  listName: LocalizedOut.nullable(),
  consentText: z.string(),
  language: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ConsentEntry = z.infer<typeof ConsentEntrySchema>;

export const SubscriberSchema = SubscriberSummarySchema.extend({
  organisationId: uuid.nullable(),
  organisationName: z.string(),
  attributes: z.record(z.string(), z.string()),
  unsubscribedAt: z.string().nullable(),
  bouncedAt: z.string().nullable(),
  softBounceCount: z.number().int(),
  updatedAt: z.string(),
  memberships: z.array(MembershipSchema),
  /** Newest first: every opt-in, confirmation, preference change and withdrawal. */
  consents: z.array(ConsentEntrySchema),
});
export type Subscriber = z.infer<typeof SubscriberSchema>;

export const MailingListCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 1000 }).optional(),
  visibility: z.enum(LIST_VISIBILITIES).default('private'),
  optIn: z.enum(OPT_IN_MODES).default('double'),
});
export type MailingListCreate = z.input<typeof MailingListCreateSchema>;

export const MailingListUpdateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }).optional(),
  description: localizedTextSchema({ maxLength: 1000 }).optional(),
  visibility: z.enum(LIST_VISIBILITIES).optional(),
  optIn: z.enum(OPT_IN_MODES).optional(),
});
export type MailingListUpdate = z.input<typeof MailingListUpdateSchema>;

export const MailingListQuerySchema = z.strictObject({
  archived: z.enum(['true', 'false', 'all']).default('false'),
  lang: z.string().optional(),
});

export const ListCountsSchema = z.object({
  /** Confirmed and reachable (the subscriber is active). */
  confirmed: z.number().int(),
  /** Awaiting the double opt-in confirmation. */
  unconfirmed: z.number().int(),
  unsubscribed: z.number().int(),
  /** Confirmed on the list, but the address bounced or complained. */
  bounced: z.number().int(),
});
export type ListCounts = z.infer<typeof ListCountsSchema>;

export const MailingListSchema = z.object({
  id: uuid,
  name: LocalizedOut,
  description: LocalizedOut,
  visibility: z.enum(LIST_VISIBILITIES),
  optIn: z.enum(OPT_IN_MODES),
  isArchived: z.boolean(),
  counts: ListCountsSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MailingList = z.infer<typeof MailingListSchema>;

export const MailingListsSchema = z.object({ items: z.array(MailingListSchema) });
export type MailingLists = z.infer<typeof MailingListsSchema>;

export const SegmentCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  filter: SegmentFilterSchema,
});
export type SegmentCreate = z.input<typeof SegmentCreateSchema>;

export const SegmentUpdateSchema = SegmentCreateSchema.partial();
export type SegmentUpdate = z.input<typeof SegmentUpdateSchema>;

export const SegmentSchema = z.object({
  id: uuid,
  name: LocalizedOut,
  filter: SegmentFilterSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const SegmentsSchema = z.object({ items: z.array(SegmentSchema) });
export type Segments = z.infer<typeof SegmentsSchema>;

/**
 * `GET …/newsletter/audience/count`: with `listIds`, the audience (active, confirmed on one of
 * the lists, matching the segment); without, the active subscribers matching the segment. The segment
 * is a saved one (`segmentId`) or an unsaved filter (`filter`, JSON) for the builder's live count.
 */
export const AudienceCountQuerySchema = z.strictObject({
  /** Comma-separated list ids. */
  listIds: z
    .string()
    .max(AUDIENCE_LIMITS.listsMax * 37)
    .optional(),
  segmentId: uuid.optional(),
  /** A `SegmentFilter` as JSON. */
  filter: z.string().max(20_000).optional(),
  lang: z.string().optional(),
});
export type AudienceCountQuery = z.infer<typeof AudienceCountQuerySchema>;

export const AudienceCountSchema = z.object({ count: z.number().int() });
export type AudienceCount = z.infer<typeof AudienceCountSchema>;
