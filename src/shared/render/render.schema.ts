/**
 * Words shared by the rendering service, its callers (studio, events, reports) and the web app:
 * template kinds, language variants, output formats, and the manifest every template declares.
 */
import { z } from 'zod';
import type { ContentLanguage, UiLocale } from '../languages.js';

export const TEMPLATE_KINDS = ['visual', 'document'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * `ar`: Arabic first (right-to-left layout, French optional and secondary); `fr`: French first
 * (left-to-right, Arabic optional and secondary); `bilingual`: both side by side, equal weight.
 */
export const RENDER_VARIANTS = ['ar', 'fr', 'bilingual'] as const;
export type RenderVariant = (typeof RENDER_VARIANTS)[number];
export const RenderVariantSchema = z.enum(RENDER_VARIANTS);

export const RENDER_FORMATS = ['pdf', 'svg', 'png'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];
export const RenderFormatSchema = z.enum(RENDER_FORMATS);

export const RENDER_CONTENT_TYPES: Record<RenderFormat, string> = {
  pdf: 'application/pdf',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Languages a variant must have text in (the first is the layout's language). */
export function variantLanguages(variant: RenderVariant): ContentLanguage[] {
  switch (variant) {
    case 'ar':
      return ['ar'];
    case 'fr':
      return ['fr'];
    case 'bilingual':
      return ['ar', 'fr'];
    default: {
      const unknown: never = variant;
      throw new Error(`Unknown variant ${String(unknown)}`);
    }
  }
}

/** A text in the two content languages of a render; which ones are required depends on the variant. */
export function renderTextSchema(maxLength: number) {
  return z.strictObject({
    ar: z.string().max(maxLength, { message: 'TOO_LONG' }).optional(),
    fr: z.string().max(maxLength, { message: 'TOO_LONG' }).optional(),
  });
}
export type RenderText = { ar?: string; fr?: string };

/** A brand colour as `#rrggbb`. */
export const HexColourSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'INVALID_COLOUR' });

/** An image slot of a template (logo, photo…), filled with image bytes at render time. */
export interface TemplateAssetSlot {
  readonly required: boolean;
  readonly description: string;
}

/** What a template produces: PDF and SVG of every page; PNG of the first page at the declared pixel size. */
export interface TemplateOutputs {
  readonly pdf: boolean;
  readonly svg: boolean;
  readonly png?: { readonly width: number; readonly height: number };
}

/**
 * The manifest beside each `templates/typst/<name>/template.typ`, as `manifest.ts` exporting
 * `manifest = defineTemplate({...})`. The data schema validates the JSON the template reads from
 * `sys.inputs.data`; web forms can use the same schema.
 */
export interface TemplateManifest<Data extends z.ZodType = z.ZodType> {
  /** The folder name (kebab-case). */
  readonly name: string;
  /** Bump when the output must change for the same data without the sources changing (sources are hashed anyway). */
  readonly version: number;
  readonly title: Record<UiLocale, string>;
  readonly description: Record<UiLocale, string>;
  readonly kind: TemplateKind;
  readonly variants: readonly RenderVariant[];
  readonly outputs: TemplateOutputs;
  readonly data: Data;
  /** Dotted paths to `{ ar, fr }` texts that must be filled in each language of the variant (e.g. `title`). */
  readonly requiredTexts?: readonly string[];
  readonly assets?: Readonly<Record<string, TemplateAssetSlot>>;
  /** Rough page count for the data, so long documents render as a background job. */
  readonly estimatePages?: (data: z.infer<Data>) => number;
}

/** Declares a template manifest (type inference only). */
export function defineTemplate<Data extends z.ZodType>(manifest: TemplateManifest<Data>): TemplateManifest<Data> {
  return manifest;
}
