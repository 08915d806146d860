/**
 * The demo workspace "AlterMed": the consortium's members named in the mission, with Arabic and
 * French names, and one account per role. Idempotent: runs once, recorded in `app_meta`.
 */
import { eq } from 'drizzle-orm';
import { type LocalizedText, localized } from '../../shared/localized-text.js';
import { ROLES, type Role } from '../../shared/roles.js';
import { organisations } from '../modules/directory/directory.tables.js';
import { derivedKeys } from '../modules/directory/organisations.service.js';
import { seedDemoNewsletterIssues } from '../modules/newsletter/issues.seed.js';
import { seedNewsletterDemo } from '../modules/newsletter/newsletter.seed.js';
import { seedCampaignBriefReviewDemo } from '../modules/planning/campaign-brief.seed.js';
import { seedCampaignsDemo } from '../modules/planning/campaigns.seed.js';
import { seedPlanDemo } from '../modules/planning/plan.seed.js';
import { seedSocialChannelsDemo } from '../modules/social/channels.seed.js';
import { seedSocialInsightsDemo } from '../modules/social/insights.seed.js';
import { seedSocialPostsDemo } from '../modules/social/social.seed.js';
import { seedDemoDesigns } from '../modules/studio/designs.seed.js';
import { seedDemoDocuments } from '../modules/studio/documents.seed.js';
import { seedDemoStudio } from '../modules/studio/studio.seed.js';
import { createAccount, findUserIdByEmail } from '../platform/auth/accounts.js';
import type { Platform } from '../platform/platform.js';
import { appMeta, memberships, workspaces } from '../platform/platform.tables.js';

export const DEMO_PASSWORD = 'altermed-demo-2026';

export const DEMO_ACCOUNTS: Array<{ email: string; name: string; role: Role; locale: string }> = [
  { email: 'admin@altermed.demo', name: 'Samira Benali', role: 'admin', locale: 'fr' },
  { email: 'officer@altermed.demo', name: 'Youssef El Amrani', role: 'officer', locale: 'ar' },
  { email: 'reviewer@altermed.demo', name: 'Claire Martin', role: 'reviewer', locale: 'fr' },
  { email: 'contributor@altermed.demo', name: 'Amine Trabelsi', role: 'contributor', locale: 'ar' },
  { email: 'viewer@altermed.demo', name: 'Nadia Haddad', role: 'viewer', locale: 'fr' },
];

interface DemoOrganisation {
  fr: string;
  ar: string;
  country: string;
  cityFr: string;
  cityAr: string;
  type: string;
  website?: string;
}

/** Names as the mission's call gives them; Arabic names are our translations and cities are demo values. */
export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { fr: 'ICOSI', ar: 'إيكوسي (ICOSI)', country: 'FR', cityFr: 'Paris', cityAr: 'باريس', type: 'association' },
  {
    fr: 'IMF — Institut Méditerranéen de Formation',
    ar: 'المعهد المتوسطي للتكوين',
    country: 'FR',
    cityFr: 'Marseille',
    cityAr: 'مرسيليا',
    type: 'association',
  },
  { fr: 'Manufacture Coopérative', ar: 'المصنع التعاوني', country: 'FR', cityFr: 'Paris', cityAr: 'باريس', type: 'cooperative' },
  { fr: 'Initiative Urbaine', ar: 'المبادرة الحضرية', country: 'MA', cityFr: 'Casablanca', cityAr: 'الدار البيضاء', type: 'association' },
  {
    fr: 'Coopérative des Entrepreneurs Solidaires (CES)',
    ar: 'تعاونية رواد الأعمال المتضامنين',
    country: 'MA',
    cityFr: 'Rabat',
    cityAr: 'الرباط',
    type: 'cooperative',
  },
  {
    fr: 'CCDE — Création et Créativité pour le Développement et l’Embauche',
    ar: 'جمعية الخلق والإبداع من أجل التنمية والتشغيل',
    country: 'TN',
    cityFr: 'Tunis',
    cityAr: 'تونس',
    type: 'association',
  },
  {
    fr: 'ADFR — Association pour le Développement de la Femme Rurale',
    ar: 'جمعية تنمية المرأة الريفية',
    country: 'TN',
    cityFr: 'Sfax',
    cityAr: 'صفاقس',
    type: 'association',
  },
  { fr: 'Jeunesse Plus', ar: 'شباب بلس', country: 'DZ', cityFr: 'Alger', cityAr: 'الجزائر العاصمة', type: 'association' },
  {
    fr: 'AFVE — Association Flambeau Vert de l’Environnement',
    ar: 'جمعية الشعلة الخضراء للبيئة',
    country: 'DZ',
    cityFr: 'Oran',
    cityAr: 'وهران',
    type: 'association',
  },
  { fr: 'Green Tea', ar: 'الشاي الأخضر', country: 'DZ', cityFr: 'Tizi Ouzou', cityAr: 'تيزي وزو', type: 'association' },
];

const SEED_KEY = 'demo-seeded';

/** Seeds the demo workspace unless it was seeded before; returns whether it seeded now. */
export async function seedDemo(platform: Platform): Promise<boolean> {
  const db = platform.database.db;
  const [done] = await db.select().from(appMeta).where(eq(appMeta.key, SEED_KEY));
  if (done) return false;
  const languages = ['ar', 'fr'];
  const [workspace] = await db
    .insert(workspaces)
    .values({
      slug: 'altermed',
      name: localized({ fr: 'AlterMed — Entreprendre autrement', ar: 'ألترميد — ريادة الأعمال بطريقة مختلفة' }),
      contentLanguages: languages,
      brandColor: '#0f766e',
    })
    .onConflictDoNothing()
    .returning();
  const workspaceId = workspace?.id ?? (await db.select().from(workspaces).where(eq(workspaces.slug, 'altermed')))[0]?.id;
  if (!workspaceId) throw new Error('demo workspace could not be created');
  for (const account of DEMO_ACCOUNTS) {
    const userId =
      (await findUserIdByEmail(platform.auth, account.email)) ??
      (await createAccount(platform.auth, { ...account, password: DEMO_PASSWORD }));
    await db.insert(memberships).values({ workspaceId, userId, role: account.role }).onConflictDoNothing();
  }
  for (const organisation of DEMO_ORGANISATIONS) {
    const name: LocalizedText = localized({ ar: organisation.ar, fr: organisation.fr });
    const city: LocalizedText = localized({ ar: organisation.cityAr, fr: organisation.cityFr });
    await db.insert(organisations).values({
      workspaceId,
      name,
      city,
      country: organisation.country,
      type: organisation.type,
      website: organisation.website ?? null,
      ...derivedKeys(name, city, languages),
    });
  }
  await seedPlanDemo(platform, workspaceId);
  await seedCampaignsDemo(platform, workspaceId);
  await seedCampaignBriefReviewDemo(platform, workspaceId);
  await seedNewsletterDemo(platform, workspaceId);
  await seedDemoNewsletterIssues(db, workspaceId, { storage: platform.storage });
  await seedDemoStudio(platform, workspaceId);
  await seedDemoDesigns(platform, workspaceId);
  await seedDemoDocuments(platform, workspaceId);
  await seedSocialPostsDemo(platform, workspaceId, await seedSocialChannelsDemo(platform, workspaceId));
  await seedSocialInsightsDemo(platform, workspaceId);
  await db.insert(appMeta).values({ key: SEED_KEY, value: { at: new Date().toISOString(), roles: ROLES } });
  return true;
}
