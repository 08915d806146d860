import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { partnerAssetSlots, partnerStripFields, visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'a5-flyer',
  version: 1,
  title: { fr: 'Flyer A5 recto verso', ar: 'مطوية A5 بوجهين', en: 'A5 flyer, two sides' },
  description: {
    fr: 'Recto : photo, titre, date et lieu. Verso : texte, programme, inscription, bandeau des partenaires et mention du bailleur.',
    ar: 'الوجه: صورة وعنوان وتاريخ ومكان. الظهر: نص وبرنامج وتسجيل وشريط الشركاء وإشارة الجهة المموّلة.',
    en: 'Front: picture, title, date and place. Back: text, programme, registration, partner strip and funder mention.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 874, height: 1240 } },
  data: z.strictObject({
    title: renderTextSchema(140),
    subtitle: renderTextSchema(240).optional(),
    when: renderTextSchema(160).optional(),
    place: renderTextSchema(200).optional(),
    /** Heading of the back ("Au programme", "البرنامج"). */
    bodyTitle: renderTextSchema(80).optional(),
    body: renderTextSchema(1200).optional(),
    /** One programme item per line ("9 h 30 — Accueil"). */
    programme: renderTextSchema(1200).optional(),
    cta: renderTextSchema(200).optional(),
    ...visualBrandFields,
    ...partnerStripFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture on the front, cropped to fill' },
    logo: { required: false, description: 'Logo for light backgrounds, in the front header' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds (used on a plate when the light one is missing)' },
    ...partnerAssetSlots,
  },
});
