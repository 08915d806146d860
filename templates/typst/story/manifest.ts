import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'story',
  version: 1,
  title: { fr: 'Story (1080 × 1920)', ar: 'قصة (1080 × 1920)', en: 'Story (1080 × 1920)' },
  description: {
    fr: 'Format vertical des stories Instagram et Facebook : photo, logo, titre, date, lieu et appel à l’action, hors des zones couvertes par l’application.',
    ar: 'الصيغة العمودية لقصص إنستغرام وفيسبوك: صورة وشعار وعنوان وتاريخ ومكان ودعوة إلى المشاركة، بعيدًا عن المناطق التي يغطيها التطبيق.',
    en: 'Vertical format of Instagram and Facebook stories: picture, logo, title, date, place and call to action, clear of the areas the apps cover.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1080, height: 1920 } },
  data: z.strictObject({
    title: renderTextSchema(140),
    subtitle: renderTextSchema(240).optional(),
    when: renderTextSchema(160).optional(),
    place: renderTextSchema(200).optional(),
    cta: renderTextSchema(80).optional(),
    ...visualBrandFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture on the upper half, cropped to fill' },
    logo: { required: false, description: 'Logo for light backgrounds, on a plate over the picture' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds (used on a plate when the light one is missing)' },
  },
});
