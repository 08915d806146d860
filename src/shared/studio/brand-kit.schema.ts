/**
 * Brand kit schemas (T4): the workspace's colours, logos, fonts, funder disclaimer and the partner
 * logo strip. One source for request validation, OpenAPI and the brand kit page (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { type ContrastLevel, contrastLevel, contrastRatio, mixColours, WCAG_AA_NORMAL } from './colour-contrast.js';
import { ARABIC_FONT_FAMILIES, LATIN_FONT_FAMILIES } from './fonts.js';

const uuid = z.string().uuid();

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const colour = z
  .string()
  .regex(HEX_COLOUR, { message: 'INVALID_COLOUR' })
  .transform((value) => value.toLowerCase());

export const BRAND_COLOUR_KEYS = ['primary', 'secondary', 'accent', 'text', 'background'] as const;
export type BrandColourKey = (typeof BRAND_COLOUR_KEYS)[number];

export const BrandColorsSchema = z.strictObject({
  primary: colour,
  secondary: colour,
  accent: colour,
  text: colour,
  background: colour,
});
export type BrandColors = z.infer<typeof BrandColorsSchema>;

export const BRAND_FONT_KEYS = ['arabic', 'arabicHeading', 'latin', 'latinHeading'] as const;
export type BrandFontKey = (typeof BRAND_FONT_KEYS)[number];

/** Fonts are chosen among the shipped families (src/shared/studio/fonts.ts), per script and use. */
export const BrandFontsSchema = z.strictObject({
  arabic: z.enum(ARABIC_FONT_FAMILIES),
  arabicHeading: z.enum(ARABIC_FONT_FAMILIES),
  latin: z.enum(LATIN_FONT_FAMILIES),
  latinHeading: z.enum(LATIN_FONT_FAMILIES),
});
export type BrandFonts = z.infer<typeof BrandFontsSchema>;

export const DEFAULT_BRAND_FONTS: BrandFonts = {
  arabic: 'Noto Naskh Arabic',
  arabicHeading: 'Noto Sans Arabic',
  latin: 'Noto Sans',
  latinHeading: 'Noto Sans',
};

/** Colours of a workspace that saved no kit yet: its brand colour, a darker shade of it, and readable text. */
export function defaultBrandColors(brandColor: string | null | undefined): BrandColors {
  const primary = brandColor && HEX_COLOUR.test(brandColor) ? brandColor.toLowerCase() : '#0f766e';
  return {
    primary,
    secondary: mixColours(primary, '#000000', 0.4),
    accent: '#c2410c',
    text: '#1f2933',
    background: '#ffffff',
  };
}

/** Logo formats: raster images and SVG (refused when it carries scripts or external references). */
export const LOGO_CONTENT_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'] as const;

export const BRAND_LIMITS = {
  disclaimerLength: 1000,
  mentionLength: 300,
  partnersMax: 60,
} as const;

export const BrandKitUpdateSchema = z.strictObject({
  colors: BrandColorsSchema,
  fonts: BrandFontsSchema,
  logoLightFileId: uuid.nullable(),
  logoDarkFileId: uuid.nullable(),
  /** The funder's required mention (e.g. the EU disclaimer), per content language. */
  funderDisclaimer: localizedTextSchema({ maxLength: BRAND_LIMITS.disclaimerLength }),
  /** The `updatedAt` the editor loaded (null for a kit never saved); a newer kit means someone else saved meanwhile. */
  expectedUpdatedAt: z.string().datetime({ offset: true }).nullable().optional(),
});
export type BrandKitUpdate = z.input<typeof BrandKitUpdateSchema>;

export const BRAND_PARTNER_ROLES = ['partner', 'funder'] as const;
export type BrandPartnerRole = (typeof BRAND_PARTNER_ROLES)[number];

const languagesSchema = z
  .array(z.enum(CONTENT_LANGUAGES))
  .max(CONTENT_LANGUAGES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'INVALID_VALUE' });

const partnerFields = {
  /** An organisation of the directory; its name is used when no name is given. */
  organisationId: uuid.nullable().optional(),
  name: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
  logoFileId: uuid,
  role: z.enum(BRAND_PARTNER_ROLES),
  /** Printed with the logo ("Avec le soutien de…"), per language. */
  mention: localizedTextSchema({ maxLength: BRAND_LIMITS.mentionLength }).optional(),
  /** Languages whose strips show this logo; empty shows it in every language. */
  languages: languagesSchema.optional(),
};

export const BrandPartnerCreateSchema = z.strictObject({ ...partnerFields, role: partnerFields.role.default('partner') });
export type BrandPartnerCreate = z.input<typeof BrandPartnerCreateSchema>;

export const BrandPartnerUpdateSchema = z.strictObject({
  ...partnerFields,
  logoFileId: uuid.optional(),
  role: partnerFields.role.optional(),
});
export type BrandPartnerUpdate = z.input<typeof BrandPartnerUpdateSchema>;

/** The whole strip's new order, as every partner id once. */
export const BrandPartnerOrderSchema = z.strictObject({ ids: z.array(uuid).max(BRAND_LIMITS.partnersMax) });
export type BrandPartnerOrder = z.infer<typeof BrandPartnerOrderSchema>;

export const PartnerStripQuerySchema = z.strictObject({ language: z.enum(CONTENT_LANGUAGES), lang: z.string().optional() });

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const BrandPartnerSchema = z.object({
  id: uuid,
  organisationId: uuid.nullable(),
  name: LocalizedOut,
  logoFileId: uuid,
  role: z.enum(BRAND_PARTNER_ROLES),
  position: z.number().int(),
  mention: LocalizedOut,
  languages: z.array(z.string()),
});
export type BrandPartner = z.infer<typeof BrandPartnerSchema>;

export const ContrastSchema = z.object({
  ratio: z.number(),
  level: z.enum(['AAA', 'AA', 'AA_LARGE', 'FAIL']),
  /** Below 4.5:1: body text is hard to read (a warning; the kit is saved anyway). */
  isBelowAA: z.boolean(),
});
export type Contrast = z.infer<typeof ContrastSchema>;

/** The contrast of the kit's text on its background. */
export function textContrastOf(colors: Pick<BrandColors, 'text' | 'background'>): Contrast {
  const ratio = contrastRatio(colors.text, colors.background);
  const level: ContrastLevel = contrastLevel(ratio);
  return { ratio, level, isBelowAA: ratio < WCAG_AA_NORMAL };
}

/** Colours as answered (no transform: response schemas only describe). */
const BrandColorsOut = z.object({
  primary: z.string(),
  secondary: z.string(),
  accent: z.string(),
  text: z.string(),
  background: z.string(),
});

export const BrandKitSchema = z.object({
  workspaceId: uuid,
  colors: BrandColorsOut,
  fonts: BrandFontsSchema,
  logoLightFileId: uuid.nullable(),
  logoDarkFileId: uuid.nullable(),
  funderDisclaimer: LocalizedOut,
  /** False while the kit shows the defaults taken from the workspace's settings. */
  isSaved: z.boolean(),
  updatedAt: z.string().nullable(),
  contrast: ContrastSchema,
  /** The partner strip in the order it is printed: partners, then funders. */
  partners: z.array(BrandPartnerSchema),
});
export type BrandKit = z.infer<typeof BrandKitSchema>;

export const PartnerStripEntrySchema = z.object({
  id: uuid,
  /** The name in the strip's language, else the first one available. */
  name: z.string(),
  logoFileId: uuid,
  logoContentType: z.string(),
  role: z.enum(BRAND_PARTNER_ROLES),
  /** The mention in the strip's language ('' when none). */
  mention: z.string(),
});
export type PartnerStripEntry = z.infer<typeof PartnerStripEntrySchema>;

export const PartnerStripSchema = z.object({ language: z.string(), entries: z.array(PartnerStripEntrySchema) });
export type PartnerStrip = z.infer<typeof PartnerStripSchema>;

export const UploadedLogoSchema = z.object({
  id: uuid,
  originalName: z.string(),
  contentType: z.string(),
  byteSize: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
});
export type UploadedLogo = z.infer<typeof UploadedLogoSchema>;

/** Orders a strip as it is printed: partners first, then funders, each by position. */
export function stripOrder<T extends { role: string; position: number }>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => Number(a.role === 'funder') - Number(b.role === 'funder') || a.position - b.position);
}
