/**
 * A month of a page's life for tests and the demo sandbox: bilingual posts, comments in Arabic and
 * French (with the page's replies), and daily insights. Deterministic for a given seed and date.
 */
import type { FakeComment, FakePost, FakeState } from './state.js';
import { nextId } from './state.js';

const DAY = 24 * 3600 * 1000;

const POST_TEXTS: Array<{ ar: string; fr: string }> = [
  { ar: 'انطلاق الدورة التكوينية في ريادة الأعمال الاجتماعية بتونس.', fr: 'Lancement de la formation à l’entrepreneuriat social à Tunis.' },
  {
    ar: 'شكرًا لكل المشاركات في ورشة صفاقس حول التعاونيات النسائية.',
    fr: 'Merci aux participantes de l’atelier de Sfax sur les coopératives de femmes.',
  },
  {
    ar: 'التسجيل مفتوح لمنتدى الاقتصاد الاجتماعي والتضامني في الدار البيضاء.',
    fr: 'Inscriptions ouvertes pour le forum de l’ESS à Casablanca.',
  },
  {
    ar: 'قصة نجاح: تعاونية زيت الزيتون في وهران تفتح نقطة بيع جديدة.',
    fr: 'Réussite : la coopérative d’huile d’olive d’Oran ouvre un point de vente.',
  },
  {
    ar: 'فيديو: ثلاث دقائق لفهم التمويل التشاركي للمشاريع الصغيرة.',
    fr: 'Vidéo : trois minutes pour comprendre le financement participatif des petits projets.',
  },
  { ar: 'شبابنا في الجزائر العاصمة يعرضون مشاريعهم أمام لجنة التحكيم.', fr: 'Nos jeunes d’Alger présentent leurs projets devant le jury.' },
  {
    ar: 'دعوة للمشاركة: استبيان حول احتياجات التكوين لدى الجمعيات الشريكة.',
    fr: 'Appel à participation : enquête sur les besoins de formation des associations partenaires.',
  },
  { ar: 'صور من الزيارة الميدانية إلى حاضنة المشاريع في الرباط.', fr: 'Photos de la visite de terrain à l’incubateur de Rabat.' },
];

const COMMENTERS: Array<{ id: string; name: string; language: 'ar' | 'fr' }> = [
  { id: '30001', name: 'فاطمة الزهراء بنعلي', language: 'ar' },
  { id: '30002', name: 'Karim Bensalah', language: 'fr' },
  { id: '30003', name: 'يوسف المنصوري', language: 'ar' },
  { id: '30004', name: 'Leïla Haddad', language: 'fr' },
  { id: '30005', name: 'مريم التونسي', language: 'ar' },
  { id: '30006', name: 'Sophie Garnier', language: 'fr' },
];

const COMMENT_TEXTS = {
  ar: [
    'مبادرة رائعة، بالتوفيق!',
    'كيف يمكنني التسجيل في الدورة القادمة؟',
    'هل الورشة مفتوحة للجمعيات الصغيرة أيضًا؟',
    'شكرًا على هذا العمل الجميل 👏',
    'متى ستنشرون الصور؟',
  ],
  fr: [
    'Bravo pour cette belle initiative !',
    'Comment s’inscrire à la prochaine session ?',
    'Est-ce ouvert aux petites associations ?',
    'Merci pour ce partage 👏',
    'Y aura-t-il une rediffusion ?',
  ],
};

const PAGE_REPLIES = {
  ar: 'شكرًا لكم! التفاصيل في رسالة خاصة.',
  fr: 'Merci ! Nous vous envoyons les détails en message privé.',
};

/** mulberry32: a small seeded generator, so seeded pages look the same on every run. */
function random(seed: number): () => number {
  let value = seed >>> 0;
  return () => {
    value = (value + 0x6d2b79f5) >>> 0;
    let t = value;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  days?: number;
  now: number;
  seed?: number;
}

/** Fills `pageId` with `days` days of posts, comments and daily insights ending yesterday. */
export function seedPage(state: FakeState, pageId: string, options: SeedOptions): { posts: FakePost[]; comments: FakeComment[] } {
  const days = options.days ?? 30;
  const next = random(options.seed ?? 7);
  const page = state.pages.find((entry) => entry.id === pageId);
  if (!page) throw new Error(`unknown page ${pageId}`);
  const today = Date.parse(`${new Date(options.now).toISOString().slice(0, 10)}T00:00:00Z`);
  const posts: FakePost[] = [];
  const comments: FakeComment[] = [];
  for (let index = days; index >= 1; index -= 1) {
    if (index % 4 === 3) continue;
    const text = POST_TEXTS[index % POST_TEXTS.length] as { ar: string; fr: string };
    const createdTime = today - index * DAY + (index % 2 === 0 ? 9 : 17) * 3600 * 1000;
    const reach = 300 + Math.floor(next() * 1500);
    const post: FakePost = {
      id: `${pageId}_${nextId(state)}`,
      pageId,
      message: `${text.ar}\n\n${text.fr}`,
      photoIds: [],
      createdTime,
      isPublished: true,
      shares: Math.floor(next() * 12),
      insights: {
        post_media_view: Math.floor(reach * (1.3 + next())),
        post_total_media_view_unique: reach,
        post_reactions_by_type_total: { like: Math.floor(next() * 60), love: Math.floor(next() * 20), wow: Math.floor(next() * 5) },
        post_clicks_by_type: {
          'link clicks': Math.floor(next() * 40),
          'photo view': Math.floor(next() * 30),
          'other clicks': Math.floor(next() * 20),
        },
      },
    };
    state.posts.push(post);
    posts.push(post);
    const count = 1 + Math.floor(next() * 4);
    for (let number = 0; number < count; number += 1) {
      const author = COMMENTERS[Math.floor(next() * COMMENTERS.length)] ?? COMMENTERS[0];
      if (!author) continue;
      const texts = COMMENT_TEXTS[author.language];
      const comment: FakeComment = {
        id: `${post.id.split('_')[1]}_${nextId(state)}`,
        postId: post.id,
        fromId: author.id,
        fromName: author.name,
        message: texts[Math.floor(next() * texts.length)] ?? texts[0] ?? '',
        createdTime: createdTime + (number + 1) * 47 * 60 * 1000,
        isHidden: false,
      };
      state.comments.push(comment);
      comments.push(comment);
      if (number === 0 && index % 3 === 0) {
        const reply: FakeComment = {
          id: `${post.id.split('_')[1]}_${nextId(state)}`,
          postId: post.id,
          parentId: comment.id,
          fromId: pageId,
          fromName: page.name,
          message: PAGE_REPLIES[author.language],
          createdTime: comment.createdTime + 30 * 60 * 1000,
          isHidden: false,
        };
        state.comments.push(reply);
        comments.push(reply);
      }
    }
  }
  const insights = state.insights[pageId] ?? {};
  state.insights[pageId] = insights;
  let followers = 2400 + Math.floor(next() * 300);
  for (let index = days; index >= 1; index -= 1) {
    const day = new Date(today - index * DAY).toISOString().slice(0, 10);
    followers += Math.floor(next() * 9);
    const views = 800 + Math.floor(next() * 2500);
    const set = (metric: string, value: number | Record<string, number>) => {
      insights[metric] = { ...(insights[metric] ?? {}), [day]: value };
    };
    set('page_follows', followers);
    set('page_media_view', views);
    set('page_total_media_view_unique', Math.floor(views * 0.62));
    set('page_actions_post_reactions_total', { like: Math.floor(next() * 80), love: Math.floor(next() * 25), wow: Math.floor(next() * 6) });
    set('page_post_engagements', Math.floor(next() * 220));
  }
  return { posts, comments };
}
