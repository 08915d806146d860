/**
 * Data pieces every visual template of the studio accepts besides its texts (the manifests in
 * `templates/typst/<name>/manifest.ts` compose them): the brand kit's colours and fonts, the
 * organisation's name, and the partner logo strip with the funder's mention. The designs service
 * fills them from the brand kit; the templates read them through `templates/typst/lib/visuals/kit.typ`.
 */
import { z } from 'zod';
import { HexColourSchema, renderTextSchema } from '../render/render.schema.js';
import { ARABIC_FONT_FAMILIES, LATIN_FONT_FAMILIES } from './fonts.js';

/** Partner logos a strip can show; each is an asset slot `partner-1` … `partner-12`. */
export const PARTNER_SLOTS_MAX = 12;
export const PARTNER_SLOTS = Array.from({ length: PARTNER_SLOTS_MAX }, (_, index) => `partner-${index + 1}`);

/** The brand kit's colours as the templates name them (`ink` is the text colour, `paper` the background). */
export const VisualBrandSchema = z.strictObject({
  primary: HexColourSchema.optional(),
  secondary: HexColourSchema.optional(),
  accent: HexColourSchema.optional(),
  ink: HexColourSchema.optional(),
  paper: HexColourSchema.optional(),
});

/** Shipped families only (the renderer sees no other font). */
export const VisualFontsSchema = z.strictObject({
  arabic: z.enum(ARABIC_FONT_FAMILIES),
  arabicHeading: z.enum(ARABIC_FONT_FAMILIES),
  latin: z.enum(LATIN_FONT_FAMILIES),
  latinHeading: z.enum(LATIN_FONT_FAMILIES),
});

export const VisualPartnerSchema = z.strictObject({
  name: renderTextSchema(200),
  role: z.enum(['partner', 'funder']),
  /** The asset slot holding its logo; without one the name is printed. */
  logo: z.enum(PARTNER_SLOTS as [string, ...string[]]).nullable(),
});

/** What every visual template takes from the brand kit (all optional: a template renders without a kit). */
export const visualBrandFields = {
  brand: VisualBrandSchema.optional(),
  fonts: VisualFontsSchema.optional(),
  /** Printed where there is no logo. */
  organisation: renderTextSchema(120).optional(),
};

/** The partner strip, for the templates that print it (poster, flyer, invitation). */
export const partnerStripFields = {
  partners: z.array(VisualPartnerSchema).max(PARTNER_SLOTS_MAX).optional(),
  /** Printed before the funders' logos ("Avec le soutien de" / "بدعم من"). */
  supportLine: renderTextSchema(300).optional(),
  /** The funder's required disclaimer, per language. */
  disclaimer: renderTextSchema(1000).optional(),
};

/** Asset slot declarations of the partner logos, for a manifest's `assets`. */
export const partnerAssetSlots = Object.fromEntries(
  PARTNER_SLOTS.map((slot) => [slot, { required: false, description: 'A partner or funder logo of the strip, PNG, JPEG or SVG' }]),
);
