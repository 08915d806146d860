/**
 * The retro-planning templates every workspace starts with (issue S3). Workspaces copy and edit them;
 * these are the defaults, written from how consortium communication officers actually work: partner
 * input and translation come early, a review by the reviewer role comes before anything goes out.
 */
import { type LocalizedText, localized } from '../localized-text.js';
import type { Role } from '../roles.js';
import type { MilestoneTemplate, PlanningTemplate } from './planning-template.schema.js';

export interface ShippedTemplate extends PlanningTemplate {
  /** Stable identifier, so a workspace copy can say which default it came from. */
  key: string;
}

type Words = [fr: string, ar: string, en: string];
/** Key, due offset from the goal date, days of work ending on the due day, role, prerequisites. */
type Step = [key: string, offsetDays: number, durationDays: number, role: Role, dependsOn?: string[]];

const text = ([fr, ar, en]: Words): LocalizedText => localized({ fr, ar, en });

/** Steps and their titles kept apart so the schedule of each template reads as one table. */
function milestones(steps: Step[], titles: Record<string, Words>): MilestoneTemplate[] {
  return steps.map(([key, offsetDays, durationDays, role, dependsOn = []]) => {
    const title = titles[key];
    if (!title) throw new Error(`Shipped template milestone ${key} has no title`);
    return { key, title: text(title), offsetDays, durationDays, role, dependsOn };
  });
}

export const CAMPAIGN_LAUNCH: ShippedTemplate = {
  key: 'campaign-launch',
  name: text(['Lancement de campagne', 'إطلاق حملة', 'Campaign launch']),
  description: text(['Date cible : le jour du lancement.', 'التاريخ المرجعي: يوم الإطلاق.', 'Goal date: launch day.']),
  milestones: milestones(
    [
      ['brief', -45, 5, 'officer'],
      ['visuals', -30, 14, 'contributor', ['brief']],
      ['translation', -21, 7, 'contributor', ['visuals']],
      ['commission-review', -14, 5, 'reviewer', ['translation']],
      ['scheduling', -7, 5, 'officer', ['commission-review']],
      ['launch', 0, 1, 'officer', ['scheduling']],
      ['report', 7, 5, 'officer', ['launch']],
    ],
    {
      brief: ['Brief de campagne validé', 'اعتماد موجز الحملة', 'Campaign brief approved'],
      visuals: ['Visuels et messages prêts', 'جاهزية المرئيات والرسائل', 'Visuals and messages ready'],
      translation: ['Traduction arabe/français terminée', 'إنجاز الترجمة بين العربية والفرنسية', 'Arabic/French translation done'],
      'commission-review': ['Relecture par la commission communication', 'مراجعة لجنة التواصل', 'Communication committee review'],
      scheduling: ['Programmation des publications', 'برمجة المنشورات', 'Posts scheduled'],
      launch: ['Lancement de la campagne', 'إطلاق الحملة', 'Campaign launch'],
      report: ['Bilan du lancement', 'تقرير حصيلة الإطلاق', 'Launch report'],
    },
  ),
};

export const NEWSLETTER_ISSUE: ShippedTemplate = {
  key: 'newsletter-issue',
  name: text(["Numéro de la lettre d'information", 'عدد من النشرة الإخبارية', 'Newsletter issue']),
  description: text(["Date cible : le jour de l'envoi.", 'التاريخ المرجعي: يوم الإرسال.', 'Goal date: sending day.']),
  milestones: milestones(
    [
      ['contents', -21, 3, 'officer'],
      ['partner-news', -14, 7, 'contributor', ['contents']],
      ['writing', -10, 4, 'officer', ['partner-news']],
      ['translation', -7, 3, 'contributor', ['writing']],
      ['review', -4, 3, 'reviewer', ['translation']],
      ['layout-test-send', -2, 2, 'officer', ['review']],
      ['send', 0, 1, 'officer', ['layout-test-send']],
      ['statistics', 7, 2, 'officer', ['send']],
    ],
    {
      contents: ['Sommaire arrêté', 'تحديد محتويات العدد', 'Contents agreed'],
      'partner-news': ['Actualités des partenaires reçues', 'استلام أخبار الشركاء', 'Partner news received'],
      writing: ['Rédaction des articles', 'تحرير المقالات', 'Articles written'],
      translation: ['Traduction des articles', 'ترجمة المقالات', 'Articles translated'],
      review: ['Relecture et validation', 'المراجعة والاعتماد', 'Review and approval'],
      'layout-test-send': ['Mise en page et envoi test', 'الإخراج وإرسال نسخة تجريبية', 'Layout and test send'],
      send: ['Envoi de la lettre', 'إرسال النشرة', 'Newsletter sent'],
      statistics: ["Statistiques d'ouverture et de clics", 'إحصائيات الفتح والنقر', 'Open and click statistics'],
    },
  ),
};

export const EVENT: ShippedTemplate = {
  key: 'event',
  name: text(['Événement (forum, séminaire, atelier)', 'فعالية (منتدى، ندوة، ورشة)', 'Event (forum, seminar, workshop)']),
  description: text(["Date cible : le jour de l'événement.", 'التاريخ المرجعي: يوم الفعالية.', 'Goal date: event day.']),
  milestones: milestones(
    [
      ['concept-note', -60, 10, 'officer'],
      ['venue-logistics', -45, 14, 'officer', ['concept-note']],
      ['speakers', -40, 14, 'officer', ['concept-note']],
      ['invitations', -30, 7, 'officer', ['venue-logistics', 'speakers']],
      ['programme-visuals', -25, 10, 'contributor', ['speakers']],
      ['translation', -18, 5, 'contributor', ['programme-visuals']],
      ['materials-review', -12, 4, 'reviewer', ['translation']],
      ['printing', -5, 5, 'contributor', ['materials-review']],
      ['registrations-closed', -3, 1, 'officer', ['invitations']],
      ['event-day', 0, 1, 'officer', ['printing', 'registrations-closed']],
      ['thanks', 3, 3, 'officer', ['event-day']],
      ['report', 14, 7, 'officer', ['event-day']],
    ],
    {
      'concept-note': ['Note conceptuelle validée', 'اعتماد المذكرة المفاهيمية', 'Concept note approved'],
      'venue-logistics': ['Lieu et logistique réservés', 'حجز المكان والترتيبات اللوجستية', 'Venue and logistics booked'],
      speakers: ['Intervenants confirmés', 'تأكيد المتدخلين', 'Speakers confirmed'],
      invitations: ['Invitations envoyées', 'إرسال الدعوات', 'Invitations sent'],
      'programme-visuals': ['Programme et visuels', 'البرنامج والمرئيات', 'Programme and visuals'],
      translation: ['Traduction des supports', 'ترجمة الوثائق', 'Materials translated'],
      'materials-review': ['Validation des supports', 'اعتماد الوثائق', 'Materials approved'],
      printing: ['Impression et signalétique', 'الطباعة واللافتات', 'Printing and signage'],
      'registrations-closed': ['Clôture des inscriptions', 'إغلاق التسجيلات', 'Registrations closed'],
      'event-day': ["Jour de l'événement", 'يوم الفعالية', 'Event day'],
      thanks: ['Remerciements et supports aux participants', 'الشكر وإرسال الوثائق إلى المشاركين', 'Thanks and materials to participants'],
      report: ["Compte rendu de l'événement", 'التقرير الختامي للفعالية', 'Event report'],
    },
  ),
};

export const CLOSING_PRESS_CONFERENCE: ShippedTemplate = {
  key: 'closing-press-conference',
  name: text(['Conférence de presse de clôture', 'ندوة صحفية ختامية', 'Closing press conference']),
  description: text(['Date cible : le jour de la conférence.', 'التاريخ المرجعي: يوم الندوة الصحفية.', 'Goal date: conference day.']),
  milestones: milestones(
    [
      ['key-messages', -30, 5, 'officer'],
      ['press-kit-draft', -20, 7, 'officer', ['key-messages']],
      ['press-kit-translation', -14, 5, 'contributor', ['press-kit-draft']],
      ['press-kit-approval', -10, 3, 'reviewer', ['press-kit-translation']],
      ['media-invitation', -10, 3, 'officer', ['key-messages']],
      ['spokespeople-briefing', -7, 2, 'officer', ['press-kit-approval']],
      ['media-follow-up', -2, 5, 'officer', ['media-invitation']],
      ['press-conference', 0, 1, 'officer', ['spokespeople-briefing', 'media-follow-up']],
      ['press-review', 5, 5, 'officer', ['press-conference']],
    ],
    {
      'key-messages': ['Messages clés et bilan du projet', 'الرسائل الرئيسية وحصيلة المشروع', 'Key messages and project results'],
      'press-kit-draft': ['Dossier de presse rédigé', 'تحرير الملف الصحفي', 'Press kit drafted'],
      'press-kit-translation': ['Dossier de presse traduit', 'ترجمة الملف الصحفي', 'Press kit translated'],
      'press-kit-approval': ['Dossier de presse validé', 'اعتماد الملف الصحفي', 'Press kit approved'],
      'media-invitation': ['Invitation presse envoyée', 'إرسال الدعوة إلى الصحافة', 'Media invitation sent'],
      'spokespeople-briefing': ['Briefing des porte-parole', 'إحاطة المتحدثين', 'Spokespeople briefed'],
      'media-follow-up': ['Relances des journalistes', 'متابعة الصحفيين', 'Journalists followed up'],
      'press-conference': ['Conférence de presse', 'الندوة الصحفية', 'Press conference'],
      'press-review': ['Revue de presse', 'رصد التغطية الإعلامية', 'Press review'],
    },
  ),
};

export const PRESS_RELEASE: ShippedTemplate = {
  key: 'press-release',
  name: text(['Communiqué de presse', 'بلاغ صحفي', 'Press release']),
  description: text(['Date cible : le jour de la diffusion.', 'التاريخ المرجعي: يوم النشر.', 'Goal date: release day.']),
  milestones: milestones(
    [
      ['angle-quotes', -10, 3, 'officer'],
      ['draft', -7, 3, 'officer', ['angle-quotes']],
      ['translation', -5, 2, 'contributor', ['draft']],
      ['partner-approval', -3, 2, 'reviewer', ['translation']],
      ['media-list', -2, 3, 'officer', ['angle-quotes']],
      ['sending', 0, 1, 'officer', ['partner-approval', 'media-list']],
      ['follow-up-calls', 2, 2, 'officer', ['sending']],
      ['coverage-report', 10, 3, 'officer', ['sending']],
    ],
    {
      'angle-quotes': ['Angle et citations', 'الزاوية والتصريحات', 'Angle and quotes'],
      draft: ['Rédaction du communiqué', 'تحرير البلاغ الصحفي', 'Release drafted'],
      translation: ['Traduction du communiqué', 'ترجمة البلاغ', 'Release translated'],
      'partner-approval': ['Validation par les partenaires', 'مصادقة الشركاء', 'Partner approval'],
      'media-list': ['Liste des médias à jour', 'تحيين قائمة وسائل الإعلام', 'Media list updated'],
      sending: ['Diffusion du communiqué', 'نشر البلاغ', 'Release sent'],
      'follow-up-calls': ['Relances téléphoniques', 'المتابعة الهاتفية', 'Follow-up calls'],
      'coverage-report': ['Bilan des retombées', 'حصيلة التغطية الإعلامية', 'Coverage report'],
    },
  ),
};

export const REPORT_PUBLICATION: ShippedTemplate = {
  key: 'report-publication',
  name: text(["Publication d'un rapport", 'نشر تقرير', 'Report publication']),
  description: text(['Date cible : le jour de la publication.', 'التاريخ المرجعي: يوم النشر.', 'Goal date: publication day.']),
  milestones: milestones(
    [
      ['outline', -90, 10, 'officer'],
      ['partner-contributions', -60, 30, 'contributor', ['outline']],
      ['writing', -40, 20, 'officer', ['partner-contributions']],
      ['expert-review', -30, 10, 'reviewer', ['writing']],
      ['translation', -20, 10, 'contributor', ['expert-review']],
      ['layout', -12, 8, 'contributor', ['translation']],
      ['final-approval', -7, 5, 'reviewer', ['layout']],
      ['summary-visuals', -5, 7, 'officer', ['layout']],
      ['publication', 0, 1, 'officer', ['final-approval', 'summary-visuals']],
      ['dissemination', 14, 14, 'officer', ['publication']],
    ],
    {
      outline: ['Plan du rapport validé', 'اعتماد هيكل التقرير', 'Outline approved'],
      'partner-contributions': ['Contributions des partenaires reçues', 'استلام مساهمات الشركاء', 'Partner contributions received'],
      writing: ['Rédaction', 'التحرير', 'Writing'],
      'expert-review': ['Relecture experte', 'مراجعة الخبراء', 'Expert review'],
      translation: ['Traduction', 'الترجمة', 'Translation'],
      layout: ['Mise en page', 'الإخراج الفني', 'Layout'],
      'final-approval': [
        'Validation finale, bailleur compris',
        'المصادقة النهائية بما فيها الجهة المانحة',
        'Final approval, funder included',
      ],
      'summary-visuals': ['Synthèse et visuels de diffusion', 'الملخص ومرئيات الترويج', 'Summary and promotion visuals'],
      publication: ['Publication du rapport', 'نشر التقرير', 'Report published'],
      dissemination: ['Diffusion auprès des publics cibles', 'التعريف بالتقرير لدى الفئات المستهدفة', 'Dissemination to target audiences'],
    },
  ),
};

export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
  CAMPAIGN_LAUNCH,
  NEWSLETTER_ISSUE,
  EVENT,
  CLOSING_PRESS_CONFERENCE,
  PRESS_RELEASE,
  REPORT_PUBLICATION,
];
