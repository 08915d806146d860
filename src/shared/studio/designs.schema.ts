/**
 * Designs API schemas (T4): the templates a design can use (with the form each asks for), saved
 * designs, the live preview and the export. One source for validation, OpenAPI and the pages (STYLE G3).
 * A design's `data` is checked against its template's fields by the service (`designDataSchema`),
 * so its errors come back as `data.<field>` (`data.title.ar: TOO_LONG`, `data.image: CONSENT_NOT_VALID`).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { RENDER_VARIANTS } from '../render/render.schema.js';
import { CONSENT_USES } from './assets.schema.js';
import { DESIGN_FIELD_KINDS } from './design-templates.js';

const uuid = z.string().uuid();

export const DESIGN_LIMITS = {
  titleLength: 200,
  /** Width of the live preview in pixels: the page asks for its panel's width, within these bounds. */
  previewWidthMin: 240,
  previewWidthMax: 1200,
  previewWidthDefault: 720,
  thumbnailWidth: 480,
} as const;

const variant = z.enum(RENDER_VARIANTS);
const title = z.string().trim().min(1, { message: 'REQUIRED' }).max(DESIGN_LIMITS.titleLength, { message: 'TOO_LONG' });
/** Checked per template by the service; here only its outer shape. */
const data = z.record(z.string(), z.unknown());

export const DesignFieldSchema = z.object({
  key: z.string(),
  kind: z.enum(DESIGN_FIELD_KINDS),
  required: z.boolean(),
  maxLength: z.number().int().nullable(),
  multiline: z.boolean(),
  slot: z.string().nullable(),
});
export type DesignFieldOut = z.infer<typeof DesignFieldSchema>;

export const DesignTemplateSchema = z.object({
  name: z.string(),
  title: z.object({ fr: z.string(), ar: z.string(), en: z.string() }),
  description: z.object({ fr: z.string(), ar: z.string(), en: z.string() }),
  variants: z.array(variant),
  /** Pixel size of the PNG export; `paper` for printed pieces (their PDF is at that size). */
  png: z.object({ width: z.number().int(), height: z.number().int() }),
  paper: z.enum(['A3', 'A5', 'A5-landscape']).nullable(),
  formats: z.array(z.enum(['png', 'pdf'])),
  /** The consent a photo of people needs to be used in it. */
  use: z.enum(CONSENT_USES),
  fields: z.array(DesignFieldSchema),
});
export type DesignTemplate = z.infer<typeof DesignTemplateSchema>;

export const DesignTemplateListSchema = z.object({ items: z.array(DesignTemplateSchema) });
export type DesignTemplateList = z.infer<typeof DesignTemplateListSchema>;

export const DesignCreateSchema = z.strictObject({
  title,
  template: z.string().max(60),
  variant,
  data: data.default({}),
  campaignId: uuid.nullable().optional(),
});
export type DesignCreate = z.input<typeof DesignCreateSchema>;

export const DesignUpdateSchema = z
  .strictObject({
    title,
    variant,
    data,
    campaignId: uuid.nullable(),
    /** The `updatedAt` the editor loaded; a newer design means someone else saved meanwhile (409). */
    expectedUpdatedAt: z.string().datetime({ offset: true }),
  })
  .partial();
export type DesignUpdate = z.input<typeof DesignUpdateSchema>;

export const DesignDuplicateSchema = z.strictObject({ title: title.optional() });
export type DesignDuplicate = z.input<typeof DesignDuplicateSchema>;

export const DesignListQuerySchema = z.strictObject({
  template: z.string().max(60).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type DesignListQuery = z.infer<typeof DesignListQuerySchema>;

export const DesignSchema = z.object({
  id: uuid,
  workspaceId: uuid,
  title: z.string(),
  template: z.string(),
  variant,
  data: z.record(z.string(), z.unknown()),
  assetIds: z.array(uuid),
  campaignId: uuid.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Images that can no longer be used as they are (field → code: ASSET_NOT_FOUND, ASSET_ARCHIVED, ASSET_NOT_IMAGE,
   * CONSENT_NOT_VALID): a consent expired since the design was saved. Export refuses them.
   */
  assetProblems: z.record(z.string(), z.string()),
});
export type Design = z.infer<typeof DesignSchema>;

export const DesignPageSchema = z.object({ items: z.array(DesignSchema), nextCursor: z.string().nullable() });
export type DesignPage = z.infer<typeof DesignPageSchema>;

/** What the live preview renders: the form as it is, not saved. */
export const DesignPreviewSchema = z.strictObject({
  template: z.string().max(60),
  variant,
  data,
  width: z.number().int().min(DESIGN_LIMITS.previewWidthMin).max(DESIGN_LIMITS.previewWidthMax).default(DESIGN_LIMITS.previewWidthDefault),
});
export type DesignPreview = z.input<typeof DesignPreviewSchema>;

export const DESIGN_EXPORT_FORMATS = ['png', 'pdf'] as const;
export type DesignExportFormat = (typeof DESIGN_EXPORT_FORMATS)[number];

export const DesignExportQuerySchema = z.strictObject({
  format: z.enum(DESIGN_EXPORT_FORMATS),
  lang: z.string().optional(),
});

export const TemplateThumbnailQuerySchema = z.strictObject({
  variant: variant.default('bilingual'),
  lang: z.string().optional(),
});
