/**
 * Data for the visual templates' tests: each template's sample (the AlterMed forum in Sfax), and a
 * hard case per template — an Arabic word longer than a line, lines mixing Arabic with Latin names,
 * numbers, dates, a web address and an e-mail address — plus the images every slot takes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const VISUAL_ASSETS = path.resolve('test/fixtures/visual-assets');
const RENDER_ASSETS = path.resolve('test/fixtures/render-assets');

/** The templates of the visual studio (social-post belongs to the rendering service's tests). */
export const VISUAL_TEMPLATES = ['story', 'facebook-cover', 'web-banner', 'a3-poster', 'a5-flyer', 'invitation', 'quote-card'] as const;
export type VisualTemplate = (typeof VISUAL_TEMPLATES)[number];

/** Longer than any line of any template at its title size: the title must shrink, not overflow. No lam-alef (poppler reverses that ligature when extracting). */
export const LONG_ARABIC_WORD = 'والتعاونياتالمتوسطيةوالمستديمةوالتضامنية';
/** The longest word of the Qur'an, a real word readers know. */
export const REAL_LONG_ARABIC_WORD = 'فأسقيناكموه';
export const LONG_FRENCH_WORD = 'anticonstitutionnellement';

/** A line mixing Arabic with Latin names, digits, a date, an address. */
export const MIXED_ARABIC_LINE = 'شراكة AlterMed وICOSI في صفاقس: 14 ماي 2026، من 09:30 إلى 17:00، altermed.org/forum';
export const MIXED_FRENCH_LINE = 'Partenariat AlterMed – جمعية نماء à Sfax : 14 mai 2026, de 9 h 30 à 17 h';

/** A full strip: twelve entries, three with a logo, the others printed by name, the funder last. */
const MANY_PARTNERS = [
  ...[
    'ICOSI',
    'IMF',
    'CCDE',
    'ADFR',
    'AFVE',
    'Green Tea',
    'Jeunesse Plus',
    'CES',
    'Initiative Urbaine',
    'Manufacture Coopérative',
    'Réseau Nama',
  ].map((name, index) => ({ name: { ar: `${name} — شريك`, fr: name }, role: 'partner', logo: `partner-${(index % 2) + 1}` })),
  { name: { ar: 'الاتحاد الأوروبي', fr: 'Union européenne' }, role: 'funder', logo: 'partner-3' },
].map((partner, index) => (index > 3 && index < 11 ? { ...partner, logo: null } : partner));

const title = { ar: `${REAL_LONG_ARABIC_WORD} ${LONG_ARABIC_WORD} في صفاقس`, fr: `Forum ${LONG_FRENCH_WORD} de Sfax` };
const subtitle = { ar: MIXED_ARABIC_LINE, fr: MIXED_FRENCH_LINE };

/** The hard case of each template, in the keys its data takes. */
export const STRESS_DATA: Record<VisualTemplate, Record<string, unknown>> = {
  story: {
    title,
    subtitle,
    when: { ar: 'الخميس 14 ماي 2026، 09:30', fr: 'jeudi 14 mai 2026, 9 h 30' },
    place: subtitle,
    cta: { ar: 'سجّلوا الآن على altermed.org', fr: 'Inscription : altermed.org' },
  },
  'facebook-cover': { title, subtitle, cta: { ar: 'altermed.org/forum', fr: 'altermed.org/forum' } },
  'web-banner': { title, subtitle, cta: { ar: 'سجّلوا الآن', fr: 'Je m’inscris' } },
  'a3-poster': {
    partners: MANY_PARTNERS,
    title,
    subtitle,
    description: { ar: `${MIXED_ARABIC_LINE}. ${LONG_ARABIC_WORD}`, fr: `${MIXED_FRENCH_LINE}. ${LONG_FRENCH_WORD}` },
    when: { ar: 'الخميس 14 ماي 2026، من 09:30 إلى 17:00', fr: 'jeudi 14 mai 2026, de 9 h 30 à 17 h' },
    place: subtitle,
    cta: { ar: 'التسجيل: contact@altermed.org أو +216 74 000 000', fr: 'Inscription : contact@altermed.org ou +216 74 000 000' },
    organisation: { ar: 'ألترميد AlterMed', fr: 'AlterMed' },
    disclaimer: { ar: `${MIXED_ARABIC_LINE}.`, fr: `${MIXED_FRENCH_LINE}.` },
  },
  'a5-flyer': {
    partners: MANY_PARTNERS,
    title,
    subtitle,
    when: { ar: 'الخميس 14 ماي 2026، من 09:30 إلى 17:00', fr: 'jeudi 14 mai 2026, de 9 h 30 à 17 h' },
    place: subtitle,
    body: { ar: `${MIXED_ARABIC_LINE}. ${LONG_ARABIC_WORD}`, fr: `${MIXED_FRENCH_LINE}. ${LONG_FRENCH_WORD}` },
    programme: {
      ar: `09:30 — ${LONG_ARABIC_WORD}\n11:00 — ورشة ESS مع ICOSI`,
      fr: `9 h 30 — ${LONG_FRENCH_WORD}\n11 h — Atelier ESS avec ICOSI`,
    },
    cta: { ar: 'altermed.org/forum', fr: 'altermed.org/forum' },
  },
  invitation: {
    partners: MANY_PARTNERS,
    heading: { ar: 'دعوة', fr: 'Invitation' },
    title,
    message: subtitle,
    when: { ar: 'الخميس 14 ماي 2026 على الساعة 09:30', fr: 'jeudi 14 mai 2026 à 9 h 30' },
    place: subtitle,
    rsvp: { ar: 'الرد قبل 5 ماي: rsvp@altermed.org', fr: 'Réponse avant le 5 mai : rsvp@altermed.org' },
  },
  'quote-card': {
    quote: { ar: `${LONG_ARABIC_WORD} — ${MIXED_ARABIC_LINE}`, fr: `${LONG_FRENCH_WORD} — ${MIXED_FRENCH_LINE}` },
    author: { ar: 'فاطمة بن صالح (AlterMed)', fr: 'Fatma Ben Salah (AlterMed)' },
    role: { ar: 'رئيسة تعاونية ESS في قرقنة منذ 2019', fr: 'Présidente de la coopérative ESS de Kerkennah depuis 2019' },
  },
};

/** Typst syntax and HTML a user might type: each must print as these very characters. */
export const HOSTILE_TEXT = '#set page(fill: red) [x] $y^2$ @ref <b>gras</b> \\ #eval("1+1") <script>alert(1)</script> // é';

/** Images for every slot the visual templates declare. */
export function visualAssets(): Record<string, Buffer> {
  return {
    image: readFileSync(path.join(RENDER_ASSETS, 'photo.jpg')),
    photo: readFileSync(path.join(VISUAL_ASSETS, 'portrait.jpg')),
    logo: readFileSync(path.join(VISUAL_ASSETS, 'logo-light.svg')),
    'logo-on-dark': readFileSync(path.join(RENDER_ASSETS, 'logo.svg')),
    'partner-1': readFileSync(path.join(VISUAL_ASSETS, 'partner-coop.svg')),
    'partner-2': readFileSync(path.join(VISUAL_ASSETS, 'partner-network.png')),
    'partner-3': readFileSync(path.join(VISUAL_ASSETS, 'funder-eu.svg')),
  };
}

/** The images of `visualAssets()` a template has slots for. */
export function assetsFor(slots: readonly string[]): Record<string, Buffer> {
  const all = visualAssets();
  return Object.fromEntries(slots.filter((slot) => all[slot]).map((slot) => [slot, all[slot] as Buffer]));
}
