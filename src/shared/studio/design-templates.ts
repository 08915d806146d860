/**
 * The visual templates a design can be made from, and the form each one asks for: a list of fields
 * the web builds its form from and the server validates (`designDataSchema`). A design stores these
 * fields as its `data`; the designs service turns them into the template's render data (dates worded
 * per language, images read from the asset library, the brand kit added). Field labels and help are
 * in the `designs` catalog under `field.<key>`.
 */
import { z } from 'zod';
import { calendarDateSchema, localTimeSchema } from '../planning/calendar-date.js';
import type { ConsentUse } from './assets.schema.js';
import { HEX_COLOUR } from './brand-kit.schema.js';

export const DESIGN_FIELD_KINDS = ['localizedText', 'text', 'image', 'date', 'time', 'colour'] as const;
export type DesignFieldKind = (typeof DESIGN_FIELD_KINDS)[number];

export interface DesignField {
  /** Key in the design's data (and, for texts, in the template's data). */
  readonly key: string;
  readonly kind: DesignFieldKind;
  /** Localized texts: every language of the variant must be filled before it renders. */
  readonly required?: boolean;
  readonly maxLength?: number;
  /** Several lines (the form shows a text area; a programme takes one item per line). */
  readonly multiline?: boolean;
  /** Images: the template's asset slot it fills. */
  readonly slot?: string;
}

export interface DesignTemplateDefinition {
  readonly name: string;
  /** What a photo of people must be consented to for this visual. */
  readonly use: ConsentUse;
  /** Paper size of printed pieces, shown beside the pixel size. */
  readonly paper: 'A3' | 'A5' | 'A5-landscape' | null;
  readonly fields: readonly DesignField[];
}

const title = (maxLength: number): DesignField => ({ key: 'title', kind: 'localizedText', required: true, maxLength });
const subtitle: DesignField = { key: 'subtitle', kind: 'localizedText', maxLength: 240, multiline: true };
const image: DesignField = { key: 'image', kind: 'image', slot: 'image' };
const date: DesignField = { key: 'date', kind: 'date' };
const startTime: DesignField = { key: 'startTime', kind: 'time' };
const endTime: DesignField = { key: 'endTime', kind: 'time' };
const place: DesignField = { key: 'place', kind: 'localizedText', maxLength: 160 };
const cta = (maxLength: number): DesignField => ({ key: 'cta', kind: 'localizedText', maxLength });
/** Replaces the brand kit's accent colour in this design only. */
const accentColour: DesignField = { key: 'accentColour', kind: 'colour' };

export const DESIGN_TEMPLATES: readonly DesignTemplateDefinition[] = [
  { name: 'social-post', use: 'social', paper: null, fields: [title(140), subtitle, date, place, image, accentColour] },
  { name: 'story', use: 'social', paper: null, fields: [title(140), subtitle, date, startTime, place, cta(80), image, accentColour] },
  {
    name: 'quote-card',
    use: 'social',
    paper: null,
    fields: [
      { key: 'quote', kind: 'localizedText', required: true, maxLength: 400, multiline: true },
      { key: 'author', kind: 'localizedText', maxLength: 120 },
      { key: 'role', kind: 'localizedText', maxLength: 160 },
      { key: 'photo', kind: 'image', slot: 'photo' },
      accentColour,
    ],
  },
  {
    name: 'facebook-cover',
    use: 'social',
    paper: null,
    fields: [title(120), { ...subtitle, maxLength: 200 }, cta(100), image, accentColour],
  },
  { name: 'web-banner', use: 'web', paper: null, fields: [title(120), { ...subtitle, maxLength: 200 }, cta(60), image, accentColour] },
  {
    name: 'a3-poster',
    use: 'print',
    paper: 'A3',
    fields: [
      title(160),
      subtitle,
      { key: 'description', kind: 'localizedText', maxLength: 600, multiline: true },
      date,
      startTime,
      endTime,
      place,
      cta(200),
      image,
      accentColour,
    ],
  },
  {
    name: 'a5-flyer',
    use: 'print',
    paper: 'A5',
    fields: [
      title(140),
      subtitle,
      date,
      startTime,
      endTime,
      place,
      { key: 'bodyTitle', kind: 'localizedText', maxLength: 80 },
      { key: 'body', kind: 'localizedText', maxLength: 1200, multiline: true },
      { key: 'programme', kind: 'localizedText', maxLength: 1200, multiline: true },
      cta(200),
      image,
      accentColour,
    ],
  },
  {
    name: 'invitation',
    use: 'print',
    paper: 'A5-landscape',
    fields: [
      { key: 'heading', kind: 'localizedText', maxLength: 60 },
      title(160),
      { key: 'message', kind: 'localizedText', maxLength: 400, multiline: true },
      date,
      startTime,
      place,
      { key: 'rsvp', kind: 'localizedText', maxLength: 200 },
      image,
      accentColour,
    ],
  },
];

export const DESIGN_TEMPLATE_NAMES = DESIGN_TEMPLATES.map((template) => template.name);

export function designTemplate(name: string): DesignTemplateDefinition | undefined {
  return DESIGN_TEMPLATES.find((template) => template.name === name);
}

const uuid = z.string().uuid({ message: 'INVALID_FORMAT' });

function fieldSchema(field: DesignField): z.ZodType {
  switch (field.kind) {
    case 'localizedText': {
      const text = z
        .string()
        .max(field.maxLength ?? 500, { message: 'TOO_LONG' })
        .transform((value) => value.normalize('NFC').trim());
      return z.strictObject({ ar: text.optional(), fr: text.optional() });
    }
    case 'text':
      return z
        .string()
        .max(field.maxLength ?? 200, { message: 'TOO_LONG' })
        .transform((value) => value.normalize('NFC').trim());
    case 'image':
      return uuid.nullable();
    case 'date':
      return calendarDateSchema.nullable();
    case 'time':
      return localTimeSchema.nullable();
    case 'colour':
      return z
        .string()
        .regex(HEX_COLOUR, { message: 'INVALID_COLOUR' })
        .transform((value) => value.toLowerCase())
        .nullable();
    default: {
      const unknown: never = field.kind;
      throw new Error(`Unknown field kind ${String(unknown)}`);
    }
  }
}

/** The schema of a design's data for a template: every field optional, unknown keys refused. */
export function designDataSchema(definition: DesignTemplateDefinition) {
  return z.strictObject(Object.fromEntries(definition.fields.map((field) => [field.key, fieldSchema(field).optional()])));
}

export type DesignData = Record<string, unknown>;

/** Asset ids the data's image fields name (what `design.asset_ids` keeps, for the asset library's usage). */
export function assetIdsOf(definition: DesignTemplateDefinition, data: DesignData): string[] {
  const ids = definition.fields.filter((field) => field.kind === 'image').map((field) => data[field.key]);
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
}
