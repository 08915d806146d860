import { z } from 'zod';
import { defineTemplate, HexColourSchema, renderTextSchema } from '../../../src/shared/render/render.schema.js';

export const manifest = defineTemplate({
  name: 'social-post',
  version: 1,
  title: { fr: 'Publication carrée (1080 × 1080)', ar: 'منشور مربّع (1080 × 1080)', en: 'Square social post (1080 × 1080)' },
  description: {
    fr: 'Bandeau aux couleurs de la marque avec le logo, image facultative, titre, sous-titre et ligne de date.',
    ar: 'شريط بألوان الهوية مع الشعار، وصورة اختيارية، وعنوان، وعنوان فرعي، وسطر التاريخ.',
    en: 'Brand-colour band with the logo, optional picture, title, subtitle and date line.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1080, height: 1080 } },
  data: z.strictObject({
    title: renderTextSchema(140),
    subtitle: renderTextSchema(240).optional(),
    /** Place and date, as the user writes them: "ورشة ESS — تونس، 12 مارس 2026". */
    dateLine: renderTextSchema(120).optional(),
    /** Shown in the band when there is no logo. */
    organisation: renderTextSchema(120).optional(),
    brand: z.strictObject({ primary: HexColourSchema.optional(), accent: HexColourSchema.optional() }).optional(),
  }),
  requiredTexts: ['title'],
  assets: {
    logo: { required: false, description: 'Logo on the brand band (light version), PNG, JPEG or SVG' },
    image: { required: false, description: 'Picture under the band, cropped to fill' },
  },
});
