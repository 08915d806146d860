import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { partnerAssetSlots, partnerStripFields, visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'a3-poster',
  version: 1,
  title: { fr: 'Affiche A3', ar: 'ملصق A3', en: 'A3 poster' },
  description: {
    fr: 'Affiche à imprimer : photo, titre sur la couleur de la marque, date, lieu, inscription, bandeau des partenaires et mention du bailleur.',
    ar: 'ملصق للطباعة: صورة، وعنوان على لون الهوية، والتاريخ والمكان والتسجيل، وشريط الشركاء وإشارة الجهة المموّلة.',
    en: 'Printed poster: picture, title on the brand colour, date, place, registration, partner strip and funder mention.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1240, height: 1754 } },
  data: z.strictObject({
    title: renderTextSchema(160),
    subtitle: renderTextSchema(240).optional(),
    description: renderTextSchema(600).optional(),
    /** Date and time as the designs service words them per language ("jeudi 14 mai 2026, 9 h 30"). */
    when: renderTextSchema(160).optional(),
    place: renderTextSchema(200).optional(),
    /** What to do: "Inscription : altermed.org/forum". */
    cta: renderTextSchema(200).optional(),
    ...visualBrandFields,
    ...partnerStripFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture under the header, cropped to fill' },
    logo: { required: false, description: 'Logo for light backgrounds, in the header' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds (used on a plate when the light one is missing)' },
    ...partnerAssetSlots,
  },
});
