/**
 * The demo workspace's studio, made through the services as the officer would: the AlterMed brand
 * kit (colours, fonts, light and dark logos, the EU-style disclaimer in Arabic and French), the
 * consortium's partner strip with the funder last, and five pictures — one workshop photo of people
 * with a valid consent, one training photo whose consent has expired (so pickers hide it). Every
 * picture is drawn here (studio-demo-images.ts): nothing is downloaded. Runs once per workspace.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { localized } from '../../../shared/localized-text.js';
import { addDays, calendarDateAt } from '../../../shared/planning/calendar-date.js';
import type { ConsentUse } from '../../../shared/studio/assets.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { memberships } from '../../platform/platform.tables.js';
import { findAllOrganisations } from '../directory/organisations.repo.js';
import { campaigns } from '../planning/campaigns.tables.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { createAssetConsentsService } from './asset-consents.service.js';
import { createAssetsService } from './assets.service.js';
import { findBrandKitRow } from './brand-kit.repo.js';
import { createBrandKitService } from './brand-kit.service.js';
import { createBrandPartnersService } from './brand-partners.service.js';
import {
  altermedLogoSvg,
  funderLogoSvg,
  letteredLogoSvg,
  marketSvg,
  sceneJpeg,
  solarSvg,
  svgToPng,
  tilePatternSvg,
  trainingSvg,
  workshopSvg,
} from './studio-demo-images.js';

/** The consortium's members by the start of their French name in the demo directory, with a stand-in logo. */
const PARTNER_LOGOS = [
  { name: 'ICOSI', letters: 'ICOSI', colour: '#0f766e' },
  { name: 'IMF', letters: 'IMF', colour: '#1d4ed8' },
  { name: 'Manufacture Coopérative', letters: 'MC', colour: '#7c2d12' },
  { name: 'Initiative Urbaine', letters: 'IU', colour: '#be123c' },
  { name: 'Coopérative des Entrepreneurs Solidaires', letters: 'CES', colour: '#4d7c0f' },
  { name: 'CCDE', letters: 'CCDE', colour: '#6d28d9' },
  { name: 'ADFR', letters: 'ADFR', colour: '#b45309' },
  { name: 'Jeunesse Plus', letters: 'J+', colour: '#0e7490' },
  { name: 'AFVE', letters: 'AFVE', colour: '#15803d' },
  { name: 'Green Tea', letters: 'GT', colour: '#065f46' },
];

/** The officer (else any admin) of the workspace acts for the seed. */
async function seedContext(platform: Platform, workspaceId: string): Promise<ServiceContext> {
  const rows = await platform.database.db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.role, ['officer', 'admin'])));
  const user = rows.find((row) => row.role === 'officer') ?? rows[0];
  if (!user) throw new Error('the studio demo needs an officer or an admin in the workspace');
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role: 'officer' },
  };
}

export async function seedDemoStudio(platform: Platform, workspaceId: string, now: Date = new Date()): Promise<void> {
  const db = platform.database.db;
  if (await findBrandKitRow(db, workspaceId)) return;
  const ctx = await seedContext(platform, workspaceId);
  const workspace = await findWorkspaceById(db, workspaceId);
  if (!workspace) throw new Error('demo workspace missing');
  const kits = createBrandKitService(platform);
  const partners = createBrandPartnersService(platform);
  const assets = createAssetsService(platform);
  const consents = createAssetConsentsService(platform);
  const png = (fileName: string, svg: string) => kits.uploadLogo(ctx, { fileName, bytes: svgToPng(svg) });

  const light = workspace.logoFileId ?? (await png('altermed-logo.png', altermedLogoSvg(false))).id;
  const dark = (await png('altermed-logo-dark.png', altermedLogoSvg(true))).id;
  await kits.update(ctx, {
    colors: { primary: '#0f766e', secondary: '#134e4a', accent: '#d97706', text: '#1f2933', background: '#ffffff' },
    fonts: { arabic: 'Noto Naskh Arabic', arabicHeading: 'Noto Sans Arabic', latin: 'Noto Sans', latinHeading: 'Noto Sans' },
    logoLightFileId: light,
    logoDarkFileId: dark,
    funderDisclaimer: localized({
      fr: 'Ce projet est cofinancé par l’Union européenne. Son contenu relève de la seule responsabilité du consortium AlterMed et ne reflète pas nécessairement les opinions de l’Union européenne.',
      ar: 'يحظى هذا المشروع بتمويل مشترك من الاتحاد الأوروبي. ويتحمّل اتحاد ألترميد وحده مسؤولية محتواه، ولا يعكس بالضرورة آراء الاتحاد الأوروبي.',
    }),
  });

  const organisations = await findAllOrganisations(db, workspaceId, { archived: 'false' });
  const organisationNamed = (prefix: string) =>
    organisations.find((organisation) => ((organisation.name as { fr?: { value: string } }).fr?.value ?? '').startsWith(prefix));
  for (const partner of PARTNER_LOGOS) {
    const organisation = organisationNamed(partner.name);
    if (!organisation) continue;
    const logo = await png(
      `logo-${partner.letters.toLowerCase().replace(/\W/g, '')}.png`,
      letteredLogoSvg(partner.letters, partner.colour),
    );
    await partners.create(ctx, { organisationId: organisation.id, logoFileId: logo.id, role: 'partner' });
  }
  await partners.create(ctx, {
    name: localized({ fr: 'Union européenne', ar: 'الاتحاد الأوروبي' }),
    logoFileId: (await png('logo-ue.png', funderLogoSvg())).id,
    role: 'funder',
    mention: localized({ fr: 'Avec le soutien financier de', ar: 'بدعم مالي من' }),
  });

  // The Sfax forum of the planning demo, when it is there.
  const campaignRows = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.workspaceId, workspaceId));
  const campaignId = campaignRows.find((row) => (row.title as { fr?: { value: string } }).fr?.value.includes('Sfax'))?.id ?? null;
  const today = calendarDateAt(now, workspace.timeZone);
  const upload = async (fileName: string, svg: string, metadata: Record<string, unknown>) =>
    assets.upload(ctx, { fileName, bytes: await sceneJpeg(svg), fields: { metadata: JSON.stringify(metadata) } });

  const workshop = await upload('atelier-sfax.jpg', workshopSvg(), {
    title: localized({ fr: 'Atelier d’entrepreneuriat collectif à Sfax', ar: 'ورشة ريادة الأعمال الجماعية في صفاقس' }, 'draft'),
    alt: localized({
      fr: 'Six participantes et participants autour d’une table couverte de documents, devant un tableau de papier.',
      ar: 'ستة مشاركين ومشاركات حول طاولة عليها وثائق، أمام لوح ورقي.',
    }),
    caption: localized({ fr: 'Atelier animé par l’ADFR, Sfax.', ar: 'ورشة نشّطتها جمعية تنمية المرأة الريفية، صفاقس.' }),
    credit: 'ADFR / AlterMed',
    licence: 'CC BY 4.0',
    tags: ['atelier', 'sfax', 'femmes'],
    organisationId: organisationNamed('ADFR')?.id ?? null,
    campaignId,
    showsPeople: true,
  });
  await consents.create(ctx, workshop.id, {
    personName: 'Participantes de l’atelier de Sfax (formulaire collectif)',
    scope: ['print', 'web', 'social', 'press'] satisfies ConsentUse[],
    expiresOn: addDays(today, 365),
    notes: 'Formulaire signé par les six personnes présentes.',
  });
  const training = await upload('formation-oran.jpg', trainingSvg(), {
    title: localized({ fr: 'Formation des jeunes porteurs de projets à Oran', ar: 'تكوين الشباب حاملي المشاريع في وهران' }, 'draft'),
    alt: localized({ fr: 'Des jeunes, de dos, suivent une présentation avec un graphique.', ar: 'شباب يتابعون عرضًا فيه رسم بياني.' }),
    credit: 'AFVE',
    tags: ['formation', 'jeunes', 'oran'],
    organisationId: organisationNamed('AFVE')?.id ?? null,
    showsPeople: true,
  });
  await consents.create(ctx, training.id, {
    personName: 'Groupe de formation d’Oran',
    scope: ['web', 'social'] satisfies ConsentUse[],
    expiresOn: addDays(today, -30),
    notes: 'Accord donné pour un an ; à renouveler avant toute nouvelle publication.',
  });
  await upload('marche-solidaire.jpg', marketSvg(), {
    title: localized({ fr: 'Marché solidaire à Casablanca', ar: 'السوق التضامني في الدار البيضاء' }, 'draft'),
    credit: 'Initiative Urbaine',
    tags: ['marché', 'casablanca'],
    organisationId: organisationNamed('Initiative Urbaine')?.id ?? null,
  });
  await upload('motif-mediterraneen.jpg', tilePatternSvg(), {
    title: localized({ fr: 'Motif méditerranéen', ar: 'زخرفة متوسطية' }, 'draft'),
    credit: 'AlterMed',
    licence: 'CC0',
    tags: ['motif', 'charte'],
  });
  await upload('panneaux-solaires.jpg', solarSvg(), {
    title: localized({ fr: 'Panneaux solaires de la coopérative', ar: 'الألواح الشمسية للتعاونية' }, 'draft'),
    credit: 'AFVE',
    tags: ['énergie', 'environnement'],
    organisationId: organisationNamed('AFVE')?.id ?? null,
  });
}
