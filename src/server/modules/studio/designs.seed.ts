/**
 * The demo workspace's designs, made through the designs service as the officer would: a bilingual
 * A3 poster for the AlterMed forum in Sfax (with the workshop photo, whose consent covers print) and
 * an Arabic social card (with the market photo, which shows no one). Pictures are taken from the
 * asset library when the studio demo (`seedDemoStudio`) put them there; without them the templates
 * draw their brand-colour pattern. Runs once per workspace (nothing is added when designs exist).
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { AssetListQuery, ConsentUse } from '../../../shared/studio/assets.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import { createAssetsService } from './assets.service.js';
import { createDesignsService } from './designs.service.js';
import { designs } from './studio.tables.js';

/** The officer (else an admin) of the workspace acts for the seed. */
async function seedContext(platform: Platform, workspaceId: string): Promise<ServiceContext | undefined> {
  const rows = await platform.database.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['officer', 'admin'])));
  const user = rows.find((row) => row.role === 'officer') ?? rows[0];
  if (!user) return undefined;
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role: 'officer' },
  };
}

/** The newest library image with `tag`, usable for `use`, if any. */
async function demoImage(platform: Platform, ctx: ServiceContext, tag: string, use: ConsentUse) {
  const query: AssetListQuery = { tag, kind: 'image', usable: 'true', use, archived: 'false', limit: 1 };
  const page = await createAssetsService(platform).list(ctx, query);
  return page.items[0];
}

export async function seedDemoDesigns(platform: Platform, workspaceId: string): Promise<void> {
  const db = platform.database.db;
  const [existing] = await db.select({ id: designs.id }).from(designs).where(eq(designs.workspaceId, workspaceId)).limit(1);
  if (existing) return;
  const ctx = await seedContext(platform, workspaceId);
  if (!ctx) throw new Error('the designs demo needs an officer or an admin in the workspace');
  const service = createDesignsService(platform);
  const workshop = await demoImage(platform, ctx, 'sfax', 'print');
  const market = await demoImage(platform, ctx, 'marché', 'social');

  await service.create(ctx, {
    title: 'Affiche — Forum de l’entrepreneuriat collectif, Sfax',
    template: 'a3-poster',
    variant: 'bilingual',
    campaignId: workshop?.campaignId ?? null,
    data: {
      title: { ar: 'منتدى ريادة الأعمال الجماعية — صفاقس', fr: 'Forum de l’entrepreneuriat collectif — Sfax' },
      subtitle: {
        ar: 'يوم لتبادل التجارب بين التعاونيات والجمعيات وشركاء مشروع AlterMed في جهة صفاقس',
        fr: 'Une journée d’échanges entre coopératives, associations et partenaires du projet AlterMed dans la région de Sfax',
      },
      description: {
        ar: 'ورشات عملية حول التمويل التشاركي والحوكمة والتسويق المشترك، مع شهادات من 12 تعاونية.',
        fr: 'Ateliers pratiques sur le financement participatif, la gouvernance et la commercialisation commune, avec les témoignages de 12 coopératives.',
      },
      date: '2026-05-14',
      startTime: '09:30',
      endTime: '17:00',
      place: { ar: 'دار الشباب بصفاقس، 12 شارع الحبيب بورقيبة', fr: 'Maison des jeunes de Sfax, 12 avenue Habib Bourguiba' },
      cta: { ar: 'التسجيل قبل 10 ماي على altermed.org/forum', fr: 'Inscription avant le 10 mai : altermed.org/forum' },
      image: workshop?.id ?? null,
    },
  });

  await service.create(ctx, {
    title: 'Carte réseaux sociaux — Marché solidaire (arabe)',
    template: 'social-post',
    variant: 'ar',
    campaignId: null,
    data: {
      title: { ar: 'السوق التضامني يعود إلى الدار البيضاء', fr: 'Le marché solidaire revient à Casablanca' },
      subtitle: {
        ar: 'منتجات 30 تعاونية من تونس والمغرب والجزائر، بأسعار عادلة ومن دون وسطاء',
        fr: 'Les produits de 30 coopératives de Tunisie, du Maroc et d’Algérie, à prix justes et sans intermédiaires',
      },
      date: '2026-06-06',
      place: { ar: 'ساحة الأمم المتحدة، الدار البيضاء', fr: 'Place des Nations unies, Casablanca' },
      image: market?.id ?? null,
    },
  });
}
