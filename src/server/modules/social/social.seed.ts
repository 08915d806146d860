/**
 * The demo's posts on the sandbox page: the month the page already has (read from the page and
 * recorded as published posts, each with its ledger row, so the calendar, the inbox and insights
 * find them), a month ahead of scheduled bilingual AlterMed posts in real Arabic and French (some in
 * one post, some one per language, with hashtags, first comments, a workshop photo and a link), the
 * queue slots they follow, and a few posts still in the workflow. Scheduled posts really go out to
 * the sandbox page when their time comes. Runs once per workspace (nothing when it has posts).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { type LocalizedText, localized } from '../../../shared/localized-text.js';
import { addDays, calendarDateAt, zonedDateTimeToInstant } from '../../../shared/planning/calendar-date.js';
import type { LanguageMode } from '../../../shared/social/compose-message.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../shared/social/posts.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Platform } from '../../platform/platform.js';
import { files } from '../../platform/platform.tables.js';
import { ensureReview, updateReviewRow } from '../../platform/review/review.repo.js';
import { campaigns } from '../planning/campaigns.tables.js';
import { assets } from '../studio/studio.tables.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { defaultChannelAccess } from './channel-access.js';
import { seedInboxDemo } from './inbox.seed.js';
import { checkPostPhotos } from './post-photos.js';
import { insertPost, insertQueueSlot } from './posts.repo.js';
import { contentFingerprint, newIdempotencyKey } from './publish-ledger.js';
import { socialChannels, socialPosts, socialPublications } from './social.tables.js';

const DAY = 86_400_000;

interface DemoPost {
  ar: string;
  fr: string;
  mode: LanguageMode;
  hashtags: { ar: string[]; fr: string[] };
  comment?: { ar: string; fr: string };
  /** Days from today, and the wall-clock time in the workspace. */
  inDays: number;
  time: string;
  photo?: 'atelier-sfax.jpg' | 'marche-solidaire.jpg';
  link?: { url: string; title: string; description: string };
  campaign?: 'Sfax' | 'Lettre';
}

const AHEAD: DemoPost[] = [
  {
    ar: 'ينطلق منتدى الاقتصاد الاجتماعي والتضامني في الدار البيضاء: موائد مستديرة، وسوق للتعاونيات، ولقاءات مع شركاء AlterMed من ضفتي المتوسط.',
    fr: 'Le forum de l’économie sociale et solidaire ouvre ses portes à Casablanca : tables rondes, marché des coopératives et rencontres avec les partenaires d’AlterMed des deux rives.',
    mode: 'together',
    hashtags: { ar: ['الاقتصاد_التضامني', 'الدار_البيضاء'], fr: ['ESS', 'Casablanca'] },
    comment: { ar: 'البرنامج الكامل والتسجيل: altermed.org/forum', fr: 'Programme complet et inscription : altermed.org/forum' },
    inDays: 1,
    time: '10:00',
    photo: 'marche-solidaire.jpg',
  },
  {
    ar: 'التكوين في ريادة الأعمال الاجتماعية يعود إلى تونس: ثلاثة أيام لتعلّم بناء نموذج اقتصادي لمشروع جماعي. الأماكن محدودة.',
    fr: 'La formation à l’entrepreneuriat social revient à Tunis : trois jours pour apprendre à construire le modèle économique d’un projet collectif. Places limitées.',
    mode: 'per_language',
    hashtags: { ar: ['ريادة_الأعمال_الاجتماعية', 'تونس'], fr: ['EntrepreneuriatSocial', 'Tunis'] },
    comment: { ar: 'التسجيل قبل نهاية الشهر عبر الرابط في الصفحة.', fr: 'Inscriptions avant la fin du mois par le lien de la page.' },
    inDays: 3,
    time: '18:00',
  },
  {
    ar: 'في صفاقس، تنظّم نساء تعاونية المنتجات المحلية ورشاتهن بأنفسهن. شكرًا لجمعية تنمية المرأة الريفية على هذه الورشة الملهمة.',
    fr: 'À Sfax, les femmes de la coopérative de produits du terroir animent elles-mêmes leurs ateliers. Merci à l’ADFR pour cet atelier inspirant.',
    mode: 'together',
    hashtags: { ar: ['التعاونيات_النسائية', 'صفاقس'], fr: ['Coopératives', 'Sfax'] },
    inDays: 5,
    time: '10:00',
    photo: 'atelier-sfax.jpg',
    campaign: 'Sfax',
  },
  {
    ar: 'دعوة لتقديم الترشيحات: حاضنة المشاريع الشبابية في الجزائر العاصمة تفتح أبوابها لعشرة مشاريع جماعية جديدة.',
    fr: 'Appel à candidatures : l’incubateur de projets jeunes d’Alger ouvre ses portes à dix nouveaux projets collectifs.',
    mode: 'together',
    hashtags: { ar: ['شباب', 'الجزائر'], fr: ['Jeunesse', 'Alger'] },
    inDays: 8,
    time: '10:00',
    link: {
      url: 'https://altermed.example/incubateur-alger',
      title: 'Incubateur Jeunesse Plus — appel à candidatures',
      description: 'Dix places pour des projets collectifs portés par des jeunes de 18 à 30 ans.',
    },
  },
  {
    ar: 'ندوة عبر الإنترنت: كيف تموّل جمعيتكم مشروعًا صغيرًا بالتمويل التشاركي؟ ساعة واحدة مع خبراء من المغرب وفرنسا.',
    fr: 'Webinaire : comment financer le petit projet de votre association par le financement participatif ? Une heure avec des experts du Maroc et de France.',
    mode: 'per_language',
    hashtags: { ar: ['التمويل_التشاركي'], fr: ['FinancementParticipatif'] },
    comment: { ar: 'الرابط يُرسل إلى المسجّلين صباح الندوة.', fr: 'Le lien est envoyé aux inscrits le matin du webinaire.' },
    inDays: 10,
    time: '18:00',
  },
  {
    ar: 'العدد الجديد من نشرتنا الإخبارية متاح: قصص نجاح من الرباط ووهران، وأجندة الشهر، وكلمة الشركاء.',
    fr: 'Le nouveau numéro de notre lettre d’information est en ligne : réussites de Rabat et d’Oran, agenda du mois et parole aux partenaires.',
    mode: 'together',
    hashtags: { ar: ['النشرة_الإخبارية'], fr: ['Newsletter'] },
    inDays: 12,
    time: '10:00',
    campaign: 'Lettre',
  },
  {
    ar: 'في اليوم الدولي للتعاونيات، نحيّي كل من يبني اقتصادًا يضع الإنسان في المقام الأول، من الدار البيضاء إلى مرسيليا.',
    fr: 'En cette journée internationale des coopératives, salut à toutes celles et ceux qui bâtissent une économie au service des personnes, de Casablanca à Marseille.',
    mode: 'together',
    hashtags: { ar: ['اليوم_الدولي_للتعاونيات'], fr: ['JournéeDesCoopératives'] },
    inDays: 15,
    time: '10:00',
  },
  {
    ar: 'صور من الزيارة الميدانية إلى حاضنة المشاريع في الرباط: فرق شابة، وأفكار كثيرة، ورغبة في العمل المشترك.',
    fr: 'Retour en images sur la visite de terrain à l’incubateur de Rabat : des équipes jeunes, beaucoup d’idées et l’envie de travailler ensemble.',
    mode: 'per_language',
    hashtags: { ar: ['الرباط'], fr: ['Rabat'] },
    inDays: 19,
    time: '18:00',
  },
  {
    ar: '«بفضل التكوين، صار لتعاونيتنا زبائن في ثلاث مدن.» — شهادة خديجة، عضوة تعاونية زيت الزيتون في وهران.',
    fr: '« Grâce à la formation, notre coopérative a des clients dans trois villes. » — Le témoignage de Khadija, membre de la coopérative d’huile d’olive d’Oran.',
    mode: 'together',
    hashtags: { ar: ['قصص_نجاح', 'وهران'], fr: ['Témoignage', 'Oran'] },
    inDays: 23,
    time: '10:00',
  },
  {
    ar: 'تذكير: آخر أسبوع للتسجيل في منتدى ريادة الأعمال الجماعية بصفاقس. نلتقي هناك!',
    fr: 'Rappel : dernière semaine pour s’inscrire au forum de l’entrepreneuriat collectif de Sfax. On vous y attend !',
    mode: 'together',
    hashtags: { ar: ['صفاقس', 'AlterMed'], fr: ['Sfax', 'AlterMed'] },
    comment: { ar: 'التسجيل: altermed.org/forum', fr: 'Inscription : altermed.org/forum' },
    inDays: 27,
    time: '18:00',
    campaign: 'Sfax',
  },
];

/** Queue slots of the sandbox page: Tuesday 10:00, Thursday 18:00, Saturday 11:00. */
const QUEUE = [
  { weekday: 2, time: '10:00' },
  { weekday: 4, time: '18:00' },
  { weekday: 6, time: '11:00' },
];

async function setReview(db: DbOrTransaction, workspaceId: string, postId: string, state: string, scheduledFor: Date | null = null) {
  const review = await ensureReview(db, workspaceId, SOCIAL_POST_CONTENT_TYPE, postId);
  await updateReviewRow(db, review.id, { state, scheduledFor });
}

/** The page's month so far, recorded as published posts (together: Arabic then French, as the page has them). */
async function recordPageHistory(platform: Platform, workspaceId: string, channelId: string, authorId: string | null, now: Date) {
  const db = platform.database.db;
  const [channel] = await db.select().from(socialChannels).where(eq(socialChannels.id, channelId));
  if (!channel) return 0;
  let remote: Array<{ externalId: string; message: string; createdAt: Date; permalinkUrl?: string }> = [];
  try {
    const access = defaultChannelAccess(platform, channel);
    remote = await access.channel.listRecentPosts(access.account, { since: new Date(now.getTime() - 32 * DAY), limit: 100 });
  } catch {
    // The sandbox did not answer: the demo starts without history.
    return 0;
  }
  let count = 0;
  for (const post of remote.filter((candidate) => candidate.createdAt.getTime() < now.getTime())) {
    const [ar = '', fr = ''] = post.message.split('\n\n');
    const row = await insertPost(db, {
      workspaceId,
      channelId,
      languageMode: 'together',
      text: localized({ ar, fr }, 'reviewed'),
      status: 'published',
      scheduledAt: post.createdAt,
      publishedAt: post.createdAt,
      createdBy: authorId,
    });
    await db.insert(socialPublications).values({
      workspaceId,
      postId: row.id,
      channelId,
      target: 'together',
      idempotencyKey: newIdempotencyKey(),
      state: 'published',
      attempts: 1,
      message: post.message,
      fingerprint: contentFingerprint(post.message),
      requestSentAt: post.createdAt,
      answeredAt: post.createdAt,
      externalPostId: post.externalId,
      permalinkUrl: post.permalinkUrl ?? null,
      publishedAt: post.createdAt,
    });
    await setReview(db, workspaceId, row.id, 'published', post.createdAt);
    count += 1;
  }
  return count;
}

/** Seeds the demo's posts on `channelId`; returns how many posts it made (0 without a channel, or when done before). */
export async function seedSocialPostsDemo(platform: Platform, workspaceId: string, channelId: string | undefined, now = new Date()) {
  if (!channelId) return 0;
  const db = platform.database.db;
  const [existing] = await db.select({ id: socialPosts.id }).from(socialPosts).where(eq(socialPosts.workspaceId, workspaceId)).limit(1);
  if (existing) return 0;
  const workspace = await findWorkspaceById(db, workspaceId);
  if (!workspace) return 0;
  const [officer] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'officer@altermed.demo'));
  const [contributor] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'contributor@altermed.demo'));
  const campaignRows = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.workspaceId, workspaceId));
  const campaignOf = (name: DemoPost['campaign']) =>
    name ? (campaignRows.find((row) => (row.title as LocalizedText).fr?.value.includes(name))?.id ?? null) : null;
  const photoRows = await db
    .select({ id: assets.id, name: files.originalName })
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(assets.workspaceId, workspaceId), inArray(files.originalName, ['atelier-sfax.jpg', 'marche-solidaire.jpg'])));
  const usable = await checkPostPhotos(
    db,
    workspaceId,
    photoRows.map((row) => row.id),
    now,
  );
  const photoOf = (name: DemoPost['photo']) => usable.rows.find((row) => photoRows.find((photo) => photo.id === row.id)?.name === name)?.id;

  let count = await recordPageHistory(platform, workspaceId, channelId, officer?.id ?? null, now);
  // The page's comments, once its month is recorded (so they find their posts).
  await seedInboxDemo(platform, workspaceId, channelId, now);
  for (const slot of QUEUE) await insertQueueSlot(db, { workspaceId, channelId, weekday: slot.weekday, localTime: slot.time });

  const today = calendarDateAt(now, workspace.timeZone);
  for (const demo of AHEAD) {
    const photo = photoOf(demo.photo);
    const scheduledAt = zonedDateTimeToInstant(addDays(today, demo.inDays), demo.time, workspace.timeZone);
    const row = await insertPost(db, {
      workspaceId,
      channelId,
      campaignId: campaignOf(demo.campaign),
      languageMode: demo.mode,
      text: localized({ ar: demo.ar, fr: demo.fr }, 'reviewed'),
      hashtags: demo.hashtags,
      firstComment: demo.comment ? localized(demo.comment, 'reviewed') : {},
      assetIds: photo ? [photo] : [],
      linkUrl: demo.link?.url ?? null,
      linkPreview: demo.link ? { title: demo.link.title, description: demo.link.description, imageUrl: null } : null,
      status: 'scheduled',
      scheduledAt,
      createdBy: officer?.id ?? null,
    });
    await setReview(db, workspaceId, row.id, 'scheduled', scheduledAt);
    count += 1;
  }

  // Still in the workflow: one waiting for review, one approved and not yet scheduled, one whose Arabic is a draft.
  const inWorkflow: Array<{ ar: string; arStatus: 'reviewed' | 'draft'; fr: string; state: string; author: string | null }> = [
    {
      ar: 'نبحث عن متطوعين لتنظيم السوق التضامني القادم في الدار البيضاء. راسلونا!',
      arStatus: 'reviewed',
      fr: 'Nous cherchons des bénévoles pour organiser le prochain marché solidaire de Casablanca. Écrivez-nous !',
      state: 'in_review',
      author: contributor?.id ?? null,
    },
    {
      ar: 'شكرًا لشركائنا في مرسيليا على استقبال وفد التعاونيات المغاربية هذا الأسبوع.',
      arStatus: 'reviewed',
      fr: 'Merci à nos partenaires de Marseille d’avoir accueilli cette semaine la délégation des coopératives maghrébines.',
      state: 'approved',
      author: officer?.id ?? null,
    },
    {
      ar: 'دليل جديد: عشر خطوات لتأسيس تعاونية.',
      arStatus: 'draft',
      fr: 'Nouveau guide : dix étapes pour créer une coopérative, de l’idée aux premiers statuts.',
      state: 'draft',
      author: contributor?.id ?? null,
    },
  ];
  for (const item of inWorkflow) {
    const text: LocalizedText = { ar: { value: item.ar, status: item.arStatus }, fr: { value: item.fr, status: 'reviewed' } };
    const row = await insertPost(db, {
      workspaceId,
      channelId,
      languageMode: 'together',
      text,
      hashtags: { ar: ['AlterMed'], fr: ['AlterMed'] },
      createdBy: item.author,
    });
    if (item.state !== 'draft') await setReview(db, workspaceId, row.id, item.state);
    count += 1;
  }
  return count;
}
