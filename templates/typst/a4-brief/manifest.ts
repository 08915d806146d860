import { z } from 'zod';
import { defineTemplate, HexColourSchema, renderTextSchema } from '../../../src/shared/render/render.schema.js';

const section = z.strictObject({
  heading: renderTextSchema(200),
  paragraphs: z.array(renderTextSchema(6000)).max(100),
});

/** Characters of running text per A4 page in one language, to estimate the page count. */
const CHARACTERS_PER_PAGE = 3200;

export const manifest = defineTemplate({
  name: 'a4-brief',
  version: 1,
  title: { fr: 'Note A4', ar: 'مذكرة A4', en: 'A4 brief' },
  description: {
    fr: 'Document A4 : titre, sections, tableau et pied de page numéroté ; arabe, français ou les deux côte à côte.',
    ar: 'وثيقة بحجم A4: عنوان وأقسام وجدول وتذييل مرقّم؛ بالعربية أو الفرنسية أو كلتيهما جنبًا إلى جنب.',
    en: 'A4 document: title, sections, a table and a numbered footer; Arabic, French or both side by side.',
  },
  kind: 'document',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1240, height: 1754 } },
  data: z.strictObject({
    title: renderTextSchema(200),
    subtitle: renderTextSchema(300).optional(),
    organisation: renderTextSchema(120).optional(),
    sections: z.array(section).min(1).max(500),
    table: z
      .strictObject({
        caption: renderTextSchema(200).optional(),
        columns: z.array(renderTextSchema(80)).min(1).max(6),
        rows: z.array(z.array(renderTextSchema(300)).min(1).max(6)).max(300),
      })
      .optional(),
    footer: renderTextSchema(200).optional(),
    /** Page numbers in Western digits (default, as Maghreb readers expect) or Eastern Arabic ones. */
    digits: z.enum(['western', 'eastern']).optional(),
    brand: z.strictObject({ primary: HexColourSchema.optional(), accent: HexColourSchema.optional() }).optional(),
  }),
  requiredTexts: ['title', 'sections.*.heading'],
  assets: {
    logo: { required: false, description: 'Logo in the page header, PNG, JPEG or SVG' },
  },
  estimatePages(data) {
    const characters = data.sections
      .flatMap((item) => item.paragraphs)
      .reduce((sum, paragraph) => sum + Math.max(paragraph.ar?.length ?? 0, paragraph.fr?.length ?? 0), 0);
    return Math.max(1, Math.ceil(characters / CHARACTERS_PER_PAGE + (data.table?.rows.length ?? 0) / 40));
  },
});
