/**
 * Asset library schemas (T4): uploaded images and documents, their localized metadata, and the
 * consent records of the people they show. One source for validation, OpenAPI and the pages (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema } from '../planning/calendar-date.js';

export const ASSET_KINDS = ['image', 'document'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

/** What a person agreed their picture may be used for. */
export const CONSENT_USES = ['print', 'web', 'social', 'press'] as const;
export type ConsentUse = (typeof CONSENT_USES)[number];

/**
 * Consent state of an asset: `not_required` (shows no one), `missing` (no record yet), `expired`
 * (a record's date has passed) or `valid` (every person shown has a current record).
 */
export const CONSENT_STATUSES = ['not_required', 'missing', 'expired', 'valid'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export const ASSET_LIMITS = {
  /** Images are refused above this many pixels, read from the header before any decoding. */
  maxMegapixels: 50,
  /** Longest side of the WebP thumbnail. */
  thumbnailSize: 400,
  tagsMax: 30,
  tagLength: 40,
  captionLength: 1000,
  altLength: 500,
  creditLength: 200,
  licenceLength: 200,
  personNameLength: 200,
  consentNotesLength: 2000,
} as const;

/** Types an asset may be: what the file store sniffs, minus nothing. */
export const ASSET_ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,image/svg+xml,application/pdf';

const uuid = z.string().uuid();

const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, { message: 'INVALID_VALUE' });

const tag = z
  .string()
  .trim()
  .min(1)
  .max(ASSET_LIMITS.tagLength, { message: 'TOO_LONG' })
  .transform((value) => value.normalize('NFC').toLocaleLowerCase());

const metadataFields = {
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  caption: localizedTextSchema({ maxLength: ASSET_LIMITS.captionLength }),
  alt: localizedTextSchema({ maxLength: ASSET_LIMITS.altLength }),
  credit: z.string().trim().max(ASSET_LIMITS.creditLength, { message: 'TOO_LONG' }),
  licence: z.string().trim().max(ASSET_LIMITS.licenceLength, { message: 'TOO_LONG' }),
  tags: z
    .array(tag)
    .max(ASSET_LIMITS.tagsMax)
    .transform((list) => [...new Set(list)]),
  organisationId: uuid.nullable(),
  /** The campaign or event the asset comes from. */
  campaignId: uuid.nullable(),
  /** Languages of the text inside the asset; empty for an asset without text (fits every language). */
  languages: uniqueList(z.enum(CONTENT_LANGUAGES), CONTENT_LANGUAGES.length),
  showsPeople: z.boolean(),
};

/** Metadata sent with an upload (the `metadata` part, JSON); every field optional. */
export const AssetCreateMetadataSchema = z.strictObject(metadataFields).partial();
export type AssetCreateMetadata = z.input<typeof AssetCreateMetadataSchema>;

export const AssetUpdateSchema = z
  .strictObject({
    ...metadataFields,
    /** Archived assets leave lists and pickers; false brings one back. */
    isArchived: z.boolean(),
    expectedUpdatedAt: z.string().datetime({ offset: true }),
  })
  .partial();
export type AssetUpdate = z.input<typeof AssetUpdateSchema>;

export const AssetListQuerySchema = z.strictObject({
  q: z.string().max(LIMITS.searchLength).optional(),
  tag: z.string().max(ASSET_LIMITS.tagLength).optional(),
  organisationId: uuid.optional(),
  campaignId: uuid.optional(),
  /** Assets in that language, or without text. */
  language: z.enum(CONTENT_LANGUAGES).optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  /** Picker mode: only assets whose people all have a current consent (for `use` when given). */
  usable: z.enum(['true', 'false']).default('false'),
  use: z.enum(CONSENT_USES).optional(),
  archived: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type AssetListQuery = z.infer<typeof AssetListQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const AssetConsentSummarySchema = z.object({
  status: z.enum(CONSENT_STATUSES),
  /** Uses every person shown agreed to, with no consent expired (every use when no one is shown). */
  usableFor: z.array(z.enum(CONSENT_USES)),
  /** The earliest expiry among the records, if any has one. */
  expiresOn: z.string().nullable(),
});
export type AssetConsentSummary = z.infer<typeof AssetConsentSummarySchema>;

export const AssetSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  kind: z.enum(ASSET_KINDS),
  fileId: uuid,
  thumbnailFileId: uuid.nullable(),
  contentType: z.string(),
  byteSize: z.number().int(),
  originalName: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  title: LocalizedOut,
  caption: LocalizedOut,
  alt: LocalizedOut,
  credit: z.string(),
  licence: z.string(),
  tags: z.array(z.string()),
  organisationId: uuid.nullable(),
  campaignId: uuid.nullable(),
  languages: z.array(z.string()),
  showsPeople: z.boolean(),
  consent: AssetConsentSummarySchema,
  isArchived: z.boolean(),
  /** Whether the caller may edit it (its uploader, or a brand manager). */
  canEdit: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Asset = z.infer<typeof AssetSchema>;

export const AssetPageSchema = z.object({ items: z.array(AssetSchema), nextCursor: z.string().nullable() });
export type AssetPage = z.infer<typeof AssetPageSchema>;

export const AssetTagsSchema = z.object({ tags: z.array(z.string()) });

const consentFields = {
  personName: z.string().trim().min(1, { message: 'REQUIRED' }).max(ASSET_LIMITS.personNameLength, { message: 'TOO_LONG' }),
  scope: uniqueList(z.enum(CONSENT_USES), CONSENT_USES.length).refine((list) => list.length > 0, { message: 'REQUIRED' }),
  /** Last day the consent holds; null for no end date. */
  expiresOn: calendarDateSchema.nullable(),
  /** The signed form, uploaded through the file store. */
  documentFileId: uuid.nullable(),
  notes: z.string().trim().max(ASSET_LIMITS.consentNotesLength, { message: 'TOO_LONG' }),
};

export const ConsentCreateSchema = z.strictObject({
  ...consentFields,
  expiresOn: consentFields.expiresOn.optional(),
  documentFileId: consentFields.documentFileId.optional(),
  notes: consentFields.notes.optional(),
});
export type ConsentCreate = z.input<typeof ConsentCreateSchema>;

export const ConsentUpdateSchema = z.strictObject(consentFields).partial();
export type ConsentUpdate = z.input<typeof ConsentUpdateSchema>;

export const ConsentSchema = z.object({
  id: uuid,
  assetId: uuid,
  personName: z.string(),
  scope: z.array(z.enum(CONSENT_USES)),
  expiresOn: z.string().nullable(),
  documentFileId: uuid.nullable(),
  notes: z.string(),
  /** Its last day is before today in the workspace's time zone. */
  isExpired: z.boolean(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const ConsentListSchema = z.object({ items: z.array(ConsentSchema) });
export type ConsentList = z.infer<typeof ConsentListSchema>;

export const ASSET_USAGE_WARNINGS = ['CONSENT_EXPIRED', 'CONSENT_MISSING'] as const;

export const AssetUsageSchema = z.object({
  designs: z.array(z.object({ id: uuid, title: z.string(), template: z.string(), updatedAt: z.string() })),
  documents: z.array(z.object({ id: uuid, title: LocalizedOut, updatedAt: z.string() })),
  /** Set when the asset is used somewhere while its people's consent is expired or missing. */
  warning: z.enum(ASSET_USAGE_WARNINGS).nullable(),
});
export type AssetUsage = z.infer<typeof AssetUsageSchema>;
