/**
 * The demo advocacy brief of the AlterMed consortium (collective entrepreneurship in the
 * Mediterranean), in Arabic and in French, as the editor would save it: one tiptap document per
 * language. Seeded in the demo workspace (documents.seed.ts) and rendered by the reference tests.
 */
import { type LocalizedText, localized } from '../../../shared/localized-text.js';
import type { BlockNode, DocumentBody, InlineNode, TextNode } from '../../../shared/studio/documents.schema.js';

type Run = string | TextNode | InlineNode;

const t = (value: string): TextNode => ({ type: 'text', text: value });
const b = (value: string): TextNode => ({ type: 'text', text: value, marks: [{ type: 'bold' }] });
const note = (value: string): InlineNode => ({ type: 'footnote', attrs: { text: value } });
const link = (value: string, href: string): TextNode => ({ type: 'text', text: value, marks: [{ type: 'link', attrs: { href } }] });
const inline = (runs: Run[]): InlineNode[] => runs.map((run) => (typeof run === 'string' ? t(run) : run));
const p = (...runs: Run[]): BlockNode => ({ type: 'paragraph', content: inline(runs) });
const h1 = (value: string): BlockNode => ({ type: 'heading', attrs: { level: 1 }, content: [t(value)] });
const bullets = (...items: Run[][]): BlockNode => ({
  type: 'bulletList',
  content: items.map((runs) => ({ type: 'listItem', content: [p(...runs)] })),
});
const numbered = (...items: Run[][]): BlockNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map((runs) => ({ type: 'listItem', content: [p(...runs)] })),
});
const table = (header: string[], ...rows: string[][]): BlockNode => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((cell) => ({ type: 'tableHeader', content: [p(cell)] })) },
    ...rows.map((row) => ({ type: 'tableRow' as const, content: row.map((cell) => ({ type: 'tableCell' as const, content: [p(cell)] })) })),
  ],
});
const callout = (...runs: Run[]): BlockNode => ({ type: 'callout', attrs: { tone: 'info' }, content: [p(...runs)] });
const quote = (...runs: Run[]): BlockNode => ({ type: 'blockquote', content: [p(...runs)] });
const body = (...content: BlockNode[]): DocumentBody => ({ type: 'doc', content });

export const DEMO_BRIEF_TITLE: LocalizedText = localized(
  {
    ar: 'من أجل الاعتراف بالمقاولة الجماعية في المتوسط',
    fr: 'Pour une reconnaissance de l’entrepreneuriat collectif en Méditerranée',
  },
  'reviewed',
);

export const DEMO_BRIEF_SUBTITLE: LocalizedText = localized(
  { ar: 'مذكرة مناصرة — اتحاد ألترميد، 2026', fr: 'Note de plaidoyer — Consortium AlterMed, 2026' },
  'reviewed',
);

export const DEMO_BRIEF_AR: DocumentBody = body(
  p(
    'في بلدان البحر الأبيض المتوسط، تخلق التعاونيات والمقاولات الاجتماعية فرص عمل حيث يغيب السوق وتغيب الدولة. ويرافق ',
    link('اتحاد ألترميد', 'https://altermed.org'),
    '، الذي يضم عشر منظمات من فرنسا وتونس والمغرب والجزائر، أكثر من 120 مبادرة للمقاولة الجماعية منذ ثلاث سنوات.',
  ),
  h1('نموذج أثبت جدواه'),
  p(
    'يتيح العمل الجماعي تقاسم المخاطر والمعدات والتفاوض بقوة أكبر مع المشترين. ويتجاوز معدل استمرار التعاونيات التي نرافقها بعد ثلاث سنوات ',
    b('70 %'),
    '، مقابل أقل من النصف للمقاولات الفردية الصغيرة في المناطق نفسها.',
    note('معطيات متابعة ألترميد 2023–2025: 124 مبادرة في تونس والمغرب والجزائر وفرنسا.'),
  ),
  callout(b('68 %'), ' من أعضاء التعاونيات المرافَقة نساء، و', b('41 %'), ' منهم دون الثلاثين.'),
  h1('ثلاث عقبات قائمة'),
  bullets(
    [b('إطار قانوني غير ملائم:'), ' رأسمال أدنى وإجراءات طويلة تُثني المجموعات الصغيرة.'],
    [b('تمويل شبه منعدم:'), ' لا تعرف البنوك الملكية الجماعية وتطلب ضمانات شخصية.'],
    [b('صفقات عمومية مغلقة:'), ' لا تراعي طلبات العروض المعايير الاجتماعية والبيئية.'],
  ),
  h1('توصياتنا'),
  numbered(
    [b('الاعتراف'), ' بالمقاولة الجماعية في القانون، بنظام بسيط من دون رأسمال أدنى.'],
    [b('التمويل:'), ' صناديق ضمان عمومية مفتوحة للتعاونيات.'],
    [b('الشراء المسؤول:'), ' حصة من الصفقات العمومية لهياكل الاقتصاد الاجتماعي والتضامني.'],
  ),
  table(
    ['البلد', 'النص المرجعي', 'ما نطالب به'],
    ['تونس', 'القانون عدد 30 لسنة 2020', 'إصدار النصوص التطبيقية'],
    ['المغرب', 'القانون رقم 112.12', 'تبسيط تسجيل المجموعات الصغيرة'],
  ),
  quote('«كنا نبيع زرابينا بالثمن الذي يحدده الوسيط. اليوم نحدد أسعارنا معًا.» — فاطمة، تعاونية نسّاجات، القصرين'),
);

export const DEMO_BRIEF_FR: DocumentBody = body(
  p(
    'En Méditerranée, coopératives et entreprises sociales créent des emplois là où le marché et l’État sont absents. Le ',
    link('consortium AlterMed', 'https://altermed.org'),
    ', qui réunit dix organisations de France, de Tunisie, du Maroc et d’Algérie, accompagne depuis trois ans plus de 120 initiatives d’entrepreneuriat collectif.',
  ),
  h1('Un modèle qui a fait ses preuves'),
  p(
    'Entreprendre à plusieurs permet de partager les risques et les équipements, et de peser face aux acheteurs. Les coopératives que nous accompagnons sont encore actives après trois ans dans plus de ',
    b('70 %'),
    ' des cas, contre moins de la moitié des micro-entreprises individuelles des mêmes territoires.',
    note('Données de suivi AlterMed 2023–2025 : 124 initiatives en Tunisie, au Maroc, en Algérie et en France.'),
  ),
  callout(b('68 %'), ' des membres des coopératives accompagnées sont des femmes ; ', b('41 %'), ' ont moins de 30 ans.'),
  h1('Trois obstacles persistants'),
  bullets(
    [b('Un cadre juridique inadapté :'), ' capital minimum et démarches longues découragent les petits groupes.'],
    [
      b('Un financement presque inexistant :'),
      ' les banques connaissent mal la propriété collective et exigent des garanties personnelles.',
    ],
    [b('Une commande publique fermée :'), ' les appels d’offres ignorent les critères sociaux et environnementaux.'],
  ),
  h1('Nos recommandations'),
  numbered(
    [b('Reconnaître'), ' l’entrepreneuriat collectif dans la loi, avec un statut simple, sans capital minimum.'],
    [b('Financer :'), ' des fonds de garantie publics ouverts aux coopératives.'],
    [b('Acheter responsable :'), ' une part de la commande publique réservée à l’économie sociale et solidaire.'],
  ),
  table(
    ['Pays', 'Texte de référence', 'Ce que nous demandons'],
    ['Tunisie', 'Loi n° 2020-30', 'Adopter les textes d’application'],
    ['Maroc', 'Loi n° 112-12', 'Simplifier l’enregistrement des petits groupes'],
  ),
  quote(
    '« Nous vendions nos tapis au prix fixé par l’intermédiaire. Aujourd’hui, nous fixons nos prix ensemble. » — Fatma, coopérative de tisserandes, Kasserine',
  ),
);

/** The brief as the documents API creates and saves it. */
export const DEMO_BRIEF = {
  title: DEMO_BRIEF_TITLE,
  subtitle: DEMO_BRIEF_SUBTITLE,
  layout: 'advocacy-brief' as const,
  mode: 'bilingual-sequential' as const,
  languages: ['ar', 'fr'] as Array<'ar' | 'fr'>,
  bodies: { ar: DEMO_BRIEF_AR, fr: DEMO_BRIEF_FR },
};
