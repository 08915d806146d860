import { z } from 'zod';
import { defineTemplate, HexColourSchema, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { DOCUMENT_IMAGE_SLOTS, DOCUMENT_PARTNER_SLOTS } from '../../../src/shared/studio/documents.schema.js';


/** Inline run: text with marks, or a footnote. */
const run = z.union([
  z.strictObject({
    text: z.string().max(20_000),
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    href: z.string().max(2000).optional(),
  }),
  z.strictObject({ footnote: z.string().max(2000) }),
]);

type RenderBlock =
  | { kind: 'heading'; level: number; runs: z.infer<typeof run>[] }
  | { kind: 'paragraph'; runs: z.infer<typeof run>[] }
  | { kind: 'list'; ordered: boolean; start: number; items: RenderBlock[][] }
  | { kind: 'table'; rows: { header: boolean; cells: RenderBlock[][] }[] }
  | { kind: 'image'; slot: string | null; alt: string }
  | { kind: 'quote'; blocks: RenderBlock[] }
  | { kind: 'callout'; tone: string; blocks: RenderBlock[] };

const block: z.ZodType<RenderBlock> = z.lazy(() =>
  z.union([
    z.strictObject({ kind: z.literal('heading'), level: z.int().min(1).max(3), runs: z.array(run).max(2000) }),
    z.strictObject({ kind: z.literal('paragraph'), runs: z.array(run).max(2000) }),
    z.strictObject({ kind: z.literal('list'), ordered: z.boolean(), start: z.int().min(0), items: z.array(z.array(block).max(2000)).max(500) }),
    z.strictObject({
      kind: z.literal('table'),
      rows: z.array(z.strictObject({ header: z.boolean(), cells: z.array(z.array(block).max(200)).min(1).max(12) })).max(500),
    }),
    z.strictObject({ kind: z.literal('image'), slot: z.string().max(40).nullable(), alt: z.string().max(500) }),
    z.strictObject({ kind: z.literal('quote'), blocks: z.array(block).max(2000) }),
    z.strictObject({ kind: z.literal('callout'), tone: z.enum(['info', 'warning', 'success', 'quote']), blocks: z.array(block).max(2000) }),
  ]),
);

const chapter = z.strictObject({ lang: z.enum(['ar', 'fr']), blocks: z.array(block).max(5000) });

/** Characters of running text per A4 page, to estimate the page count. */
const CHARACTERS_PER_PAGE = 3000;

export const manifest = defineTemplate({
  name: 'document',
  version: 1,
  title: { fr: 'Document mis en page', ar: 'وثيقة مُخرَجة', en: 'Laid-out document' },
  description: {
    fr: 'Guide, note de plaidoyer, fiche de capitalisation, rapport d’étude ou fiche d’information : couverture, sommaire, en-têtes, numéros de page, chapitres en arabe et en français, logos des partenaires.',
    ar: 'دليل توعوي أو مذكرة مناصرة أو بطاقة رسملة أو تقرير بحث أو بطاقة معلومات: غلاف وفهرس ورؤوس صفحات وأرقام صفحات وفصول بالعربية والفرنسية وشعارات الشركاء.',
    en: 'Awareness guide, advocacy brief, capitalisation sheet, research report or fact sheet: cover, contents, running headers, page numbers, Arabic and French chapters, partner logos.',
  },
  kind: 'document',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1240, height: 1754 } },
  data: z.strictObject({
    layout: z.enum(['awareness-guide', 'advocacy-brief', 'capitalisation-sheet', 'research-report', 'fact-sheet']),
    /** single (one language), sequential (chapters one language after the other), facing (French left page, Arabic right page, section by section). */
    arrangement: z.enum(['single', 'sequential', 'facing']),
    title: renderTextSchema(300),
    subtitle: renderTextSchema(400).optional(),
    /** Chapters in print order: sequential = every chapter of one language, then the other; facing = pairs. */
    chapters: z.array(chapter).max(400),
    disclaimer: renderTextSchema(2000).optional(),
    partners: z
      .array(
        z.strictObject({
          name: z.string().max(200),
          slot: z.string().max(40).nullable(),
          funder: z.boolean(),
          /** Printed before a funder's logo ("Avec le soutien financier de"), per language. */
          mention: renderTextSchema(300).optional(),
        }),
      )
      .max(DOCUMENT_PARTNER_SLOTS),
    digits: z.enum(['western', 'eastern']).optional(),
    /** Slot of the cover image (full-cover layouts: on the cover page; others: under the title band). */
    cover: z.literal('cover').optional(),
    brand: z
      .strictObject({
        primary: HexColourSchema.optional(),
        accent: HexColourSchema.optional(),
        ink: HexColourSchema.optional(),
        paper: HexColourSchema.optional(),
        muted: HexColourSchema.optional(),
      })
      .optional(),
  }),
  requiredTexts: ['title'],
  assets: {
    logo: { required: false, description: 'Logo on the cover and in the running header' },
    cover: { required: false, description: 'Cover picture' },
    ...Object.fromEntries(
      Array.from({ length: DOCUMENT_IMAGE_SLOTS }, (_, index) => [`image-${index}`, { required: false, description: 'An image of the body' }]),
    ),
    ...Object.fromEntries(
      Array.from({ length: DOCUMENT_PARTNER_SLOTS }, (_, index) => [`partner-${index}`, { required: false, description: 'A partner logo of the back cover' }]),
    ),
  },
  estimatePages(data) {
    const characters = JSON.stringify(data.chapters).length * 0.6;
    return Math.max(1, Math.ceil(characters / CHARACTERS_PER_PAGE) + (data.arrangement === 'facing' ? data.chapters.length : 0));
  },
});
