import { z } from 'zod';
import { defineTemplate, renderTextSchema } from '../../../src/shared/render/render.schema.js';
import { partnerAssetSlots, partnerStripFields, visualBrandFields } from '../../../src/shared/studio/visual-data.schema.js';

export const manifest = defineTemplate({
  name: 'invitation',
  version: 1,
  title: { fr: 'Invitation (A5 paysage)', ar: 'دعوة (A5 أفقي)', en: 'Invitation (A5 landscape)' },
  description: {
    fr: 'Carton d’invitation à imprimer ou à envoyer en PDF : titre, message, date et heure, lieu, réponse, partenaires et mention du bailleur.',
    ar: 'بطاقة دعوة للطباعة أو للإرسال بصيغة PDF: عنوان ورسالة وتاريخ وساعة ومكان وطريقة الرد والشركاء وإشارة الجهة المموّلة.',
    en: 'Invitation card to print or send as a PDF: title, message, date and time, place, reply, partners and funder mention.',
  },
  kind: 'visual',
  variants: ['ar', 'fr', 'bilingual'],
  outputs: { pdf: true, svg: true, png: { width: 1240, height: 874 } },
  data: z.strictObject({
    /** The eyebrow over the title ("Invitation", "دعوة"). */
    heading: renderTextSchema(60).optional(),
    title: renderTextSchema(160),
    /** The hosts' words ("AlterMed a le plaisir de vous convier…"). */
    message: renderTextSchema(400).optional(),
    when: renderTextSchema(160).optional(),
    place: renderTextSchema(200).optional(),
    /** How to reply ("Réponse souhaitée avant le 5 mai : rsvp@altermed.org"). */
    rsvp: renderTextSchema(200).optional(),
    ...visualBrandFields,
    ...partnerStripFields,
  }),
  requiredTexts: ['title'],
  assets: {
    image: { required: false, description: 'The picture at the layout’s end (in a band on top when bilingual)' },
    logo: { required: false, description: 'Logo for light backgrounds' },
    'logo-on-dark': { required: false, description: 'Logo for dark backgrounds (used on a plate when the light one is missing)' },
    ...partnerAssetSlots,
  },
});
