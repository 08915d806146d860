/**
 * Studio documents API (T5): one zod schema per request and response, shared by the routes, the
 * OpenAPI document and the editor (STYLE G3). The body format itself (tiptap JSON per language,
 * layouts, modes, limits) is in documents.schema.ts.
 *
 * Routes (all under `/api/workspaces/:workspaceId/studio/documents`, studio:read to read, studio:write
 * to write):
 *   GET    /                      ?cursor&q&layout&limit  → DocumentPage (last edited first)
 *   POST   /                      DocumentCreate          → 201 Document
 *   GET    /:documentId                                   → Document
 *   PATCH  /:documentId           DocumentUpdate          → Document (409 CONFLICT when `version` is stale)
 *   DELETE /:documentId                                   → 204
 *   POST   /:documentId/export    DocumentExportRequest   → 200 DocumentExport (`ready`) or 202 (`queued`)
 *   GET    /:documentId/download                          → the last exported PDF (attachment)
 *   GET    /:documentId/preview.png ?page&width&v         → image/png of one page of the saved document;
 *                                                            header `x-page-count`: the document's page count
 * The review of a document is the platform's (`/api/workspaces/:ws/reviews/studio.document/:id`,
 * content type STUDIO_DOCUMENT_CONTENT_TYPE): the web's ReviewPanel works as for newsletter issues.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema, TRANSLATION_STATUSES } from '../localized-text.js';
import { REVIEW_STATES } from '../review/review.schema.js';
import { DOCUMENT_DIGITS, DOCUMENT_LAYOUTS, DOCUMENT_MODES, type DocumentBody, DocumentBodySchema } from './documents.schema.js';

/** The approval workflow's name for a studio document. */
export const STUDIO_DOCUMENT_CONTENT_TYPE = 'studio.document';

/** The languages a document is written in. */
export const DOCUMENT_LANGUAGES = ['ar', 'fr'] as const;
export type DocumentLanguageCode = (typeof DOCUMENT_LANGUAGES)[number];

export const DOCUMENT_API_LIMITS = {
  titleLength: 300,
  subtitleLength: 400,
  /** Width in pixels of a page preview: the editor asks for its panel's width, within these bounds. */
  previewWidthMin: 200,
  previewWidthMax: 1600,
  previewWidthDefault: 800,
  /** A request may carry both bodies at their largest (200 000 characters each, Arabic is 2 bytes a letter). */
  requestBytes: 4 * 1024 * 1024,
} as const;

const uuid = z.uuid();
const layout = z.enum(DOCUMENT_LAYOUTS);
const mode = z.enum(DOCUMENT_MODES);
const language = z.enum(DOCUMENT_LANGUAGES);
const title = localizedTextSchema({ required: true, maxLength: DOCUMENT_API_LIMITS.titleLength });
const subtitle = localizedTextSchema({ maxLength: DOCUMENT_API_LIMITS.subtitleLength });
/**
 * Print order of the languages: `['ar', 'fr']` (Arabic first, the default) or `['fr', 'ar']` for the
 * bilingual modes; `['ar']` or `['fr']` for a one-language mode. The server keeps it consistent with
 * the mode (a one-language mode prints its language; a bilingual mode both, in this order).
 */
const languages = z
  .array(language)
  .min(1)
  .max(2)
  .refine((value) => new Set(value).size === value.length, { message: 'INVALID_VALUE' });
/** Translation status of each language's body (what reviewers approve, with the title's). */
const bodyStatus = z.strictObject({ ar: z.enum(TRANSLATION_STATUSES).optional(), fr: z.enum(TRANSLATION_STATUSES).optional() });
/** The body per language; `null` removes a language's body. */
const bodies = z.strictObject({ ar: DocumentBodySchema.nullable().optional(), fr: DocumentBodySchema.nullable().optional() });
/** The cover: an image of the asset library shown on the cover page (or the title band), or none. */
const cover = z.strictObject({ imageAssetId: uuid.nullable() });

export const DocumentCreateSchema = z.strictObject({
  title,
  subtitle: subtitle.optional(),
  layout,
  mode,
  languages: languages.optional(),
  campaignId: uuid.nullable().optional(),
});
export type DocumentCreate = z.input<typeof DocumentCreateSchema>;

export const DocumentUpdateSchema = z.strictObject({
  /** The `version` the editor loaded; another save since then answers 409 CONFLICT (reload, then save again). */
  version: z.int().min(1),
  title: title.optional(),
  subtitle: subtitle.optional(),
  layout: layout.optional(),
  mode: mode.optional(),
  languages: languages.optional(),
  bodies: bodies.optional(),
  bodyStatus: bodyStatus.optional(),
  cover: cover.optional(),
  campaignId: uuid.nullable().optional(),
});
export type DocumentUpdate = z.input<typeof DocumentUpdateSchema>;

export const DocumentListQuerySchema = z.strictObject({
  /** Part of the title, in any language (accents, Arabic diacritics and letter variants folded). */
  q: z.string().trim().max(LIMITS.searchLength).optional(),
  layout: layout.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type DocumentListQuery = z.infer<typeof DocumentListQuerySchema>;

/**
 * Why an image of the body (or the cover) is left out of the PDF and the previews. The document
 * still renders; the editor lists these beside the image.
 *   CONSENT_EXPIRED        a person shown gave consent until `expiresOn`, now past
 *   CONSENT_MISSING        a photo of people without any consent record
 *   CONSENT_NOT_FOR_PRINT  consents that do not cover print
 *   ASSET_NOT_FOUND        no such asset in the workspace's library (deleted)
 *   ASSET_ARCHIVED         archived in the library
 *   ASSET_NOT_IMAGE        the asset is a document, not an image
 *   TOO_MANY_IMAGES        beyond the 40 images a document prints
 */
export const DOCUMENT_WARNING_CODES = [
  'CONSENT_EXPIRED',
  'CONSENT_MISSING',
  'CONSENT_NOT_FOR_PRINT',
  'ASSET_NOT_FOUND',
  'ASSET_ARCHIVED',
  'ASSET_NOT_IMAGE',
  'TOO_MANY_IMAGES',
] as const;
export type DocumentWarningCode = (typeof DOCUMENT_WARNING_CODES)[number];

export const DocumentWarningSchema = z.object({
  code: z.enum(DOCUMENT_WARNING_CODES),
  assetId: uuid,
  /** Where the image is: `cover`, or the languages whose body uses it. */
  where: z.array(z.enum(['cover', ...DOCUMENT_LANGUAGES])),
  /** The asset's title in the library (the workspace's first language that has one), when it exists. */
  assetTitle: z.string().nullable(),
  /** Last day of the consent that expired first (CONSENT_EXPIRED). */
  expiresOn: z.string().nullable(),
});
export type DocumentWarning = z.infer<typeof DocumentWarningSchema>;

export const DocumentLastRenderSchema = z.object({
  fileId: uuid,
  pages: z.int(),
  renderedAt: z.string(),
  /** The document's `version` that was exported: older than `version` means the PDF is out of date. */
  version: z.int(),
  isCurrent: z.boolean(),
  /** Same-origin URL of the PDF (attachment). */
  downloadUrl: z.string(),
});
export type DocumentLastRender = z.infer<typeof DocumentLastRenderSchema>;

/** A background export (long documents): `queued` until the job stores the PDF, `failed` with Typst's reason. */
export const DocumentExportStateSchema = z.object({
  state: z.enum(['idle', 'queued', 'failed']),
  requestedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));
/** Bodies as stored (validated on the way in by DocumentBodySchema). */
const BodyOut = z.looseObject({ type: z.literal('doc'), content: z.array(z.looseObject({ type: z.string() })) });

const summaryFields = {
  id: uuid,
  workspaceId: uuid,
  title: LocalizedOut,
  subtitle: LocalizedOut,
  layout,
  mode,
  /** Print order of the languages (see DocumentCreate). */
  languages: z.array(language),
  version: z.int(),
  /** State of the approval workflow (`draft` before any submission). */
  reviewState: z.enum(REVIEW_STATES),
  lastRender: DocumentLastRenderSchema.nullable(),
  campaignId: uuid.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const DocumentSummarySchema = z.object(summaryFields);
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DocumentSchema = z.object({
  ...summaryFields,
  bodies: z.object({ ar: BodyOut.optional(), fr: BodyOut.optional() }),
  bodyStatus: z.object({ ar: z.enum(TRANSLATION_STATUSES).optional(), fr: z.enum(TRANSLATION_STATUSES).optional() }),
  cover: z.object({ imageAssetId: uuid.nullable() }),
  /** Images left out of the PDF and why (never an error: the document renders without them). */
  warnings: z.array(DocumentWarningSchema),
  export: DocumentExportStateSchema,
  /** Page-number digits of the workspace (a workspace setting, not the document's). */
  digits: z.enum(DOCUMENT_DIGITS),
});
export type DocumentOut = z.infer<typeof DocumentSchema>;
export type Document = Omit<DocumentOut, 'bodies'> & { bodies: { ar?: DocumentBody; fr?: DocumentBody } };

export const DocumentPageSchema = z.object({ items: z.array(DocumentSummarySchema), nextCursor: z.string().nullable() });
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

export const DocumentExportRequestSchema = z.strictObject({
  format: z.literal('pdf').default('pdf'),
  /** Render in a background job even when short. */
  background: z.boolean().optional(),
});
export type DocumentExportRequest = z.input<typeof DocumentExportRequestSchema>;

/**
 * `ready`: the PDF is stored (`fileId`, `pages`, `downloadUrl`), and the document's `lastRender` points at
 * it. `queued` (HTTP 202): a long document renders in a job; poll the document until `lastRender.version`
 * reaches the version exported, or `export.state` says `failed`.
 */
export const DocumentExportSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('ready'),
    fileId: uuid,
    pages: z.int(),
    downloadUrl: z.string(),
    version: z.int(),
    warnings: z.array(DocumentWarningSchema),
  }),
  z.object({ state: z.literal('queued'), version: z.int(), warnings: z.array(DocumentWarningSchema) }),
]);
export type DocumentExport = z.infer<typeof DocumentExportSchema>;

export const DocumentPreviewQuerySchema = z.strictObject({
  /** 1-based; past the last page answers 400 `page: OUT_OF_RANGE`. */
  page: z.coerce.number().int().min(1).max(2000).default(1),
  width: z.coerce
    .number()
    .int()
    .min(DOCUMENT_API_LIMITS.previewWidthMin)
    .max(DOCUMENT_API_LIMITS.previewWidthMax)
    .default(DOCUMENT_API_LIMITS.previewWidthDefault),
  /** The document's version, so a browser asks again after a save (the picture is cached privately). */
  v: z.string().max(40).optional(),
  lang: z.string().optional(),
});
export type DocumentPreviewQuery = z.input<typeof DocumentPreviewQuerySchema>;
