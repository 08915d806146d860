import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'web-banner',
  version: 1,
  title: { fr: 'Bannière web (1200 × 400)', ar: 'لافتة للموقع (1200 × 400)', en: 'Web banner (1200 × 400)' },
  description: {
    fr: 'Bandeau pour la page d’accueil d’un site ou l’en-tête d’un article : titre, sous-titre, bouton d’action et photo.',
    ar: 'شريط للصفحة الرئيسية لموقع أو لرأس مقال: عنوان وعنوان فرعي وزر دعوة وصورة.',
    en: 'Banner for a website’s home page or an article header: title, subtitle, call-to-action button and picture.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1200, height: 400 } },
  data: z.strictObject({
    title: renderTextSchema(120),
    subtitle: renderTextSchema(200).optional(),
    cta: renderTextSchema(60).optional(),
    ...visualBrandFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture at the layout’s end, cropped to fill' },
    logo: { required: false, description: 'Logo for light backgrounds, on a plate over the picture' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds (used on a plate when the light one is missing)' },
  },
});
