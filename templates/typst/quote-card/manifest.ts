import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'quote-card',
  version: 1,
  title: { fr: 'Citation (1080 × 1080)', ar: 'بطاقة اقتباس (1080 × 1080)', en: 'Quote card (1080 × 1080)' },
  description: {
    fr: 'Une citation sur la couleur de la marque, avec le nom, la fonction et la photo de son auteur ou autrice.',
    ar: 'اقتباس على لون الهوية، مع اسم صاحبه وصفته وصورته.',
    en: 'A quote on the brand colour, with its author’s name, role and photo.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1080, height: 1080 } },
  data: z.strictObject({
    quote: renderTextSchema(400),
    author: renderTextSchema(120).optional(),
    role: renderTextSchema(160).optional(),
    ...visualBrandFields,
  }),
  requiredTexts: ['quote'],
  assets: {
    photo: { required: false, description: 'The author’s photo, cropped to a disc' },
    logo: { required: false, description: 'Logo for light backgrounds (used on a plate when the dark one is missing)' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds, at the top' },
  },
});
