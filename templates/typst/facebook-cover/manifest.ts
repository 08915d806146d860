import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'facebook-cover',
  version: 1,
  title: { fr: 'Couverture de page Facebook', ar: 'غلاف صفحة فيسبوك', en: 'Facebook page cover' },
  description: {
    fr: '1640 × 624 px (le double de l’affichage sur ordinateur, 820 × 312) ; les textes restent dans la zone centrale visible sur smartphone.',
    ar: '‏1640 × 624 بكسل (ضعف حجم العرض على الحاسوب، 820 × 312)؛ تبقى النصوص في المنطقة الوسطى الظاهرة على الهاتف.',
    en: '1640 × 624 px (twice the 820 × 312 shown on computers); texts stay in the middle zone smartphones show.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1640, height: 624 } },
  data: z.strictObject({
    title: renderTextSchema(120),
    subtitle: renderTextSchema(200).optional(),
    /** A web address or a call to action. */
    cta: renderTextSchema(100).optional(),
    ...visualBrandFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture filling the cover, under the brand-colour veil' },
    logo: { required: false, description: 'Logo for light backgrounds (used on a plate when the dark one is missing)' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds, above the title' },
  },
});
