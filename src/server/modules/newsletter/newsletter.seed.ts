/**
 * The demo workspace's audience (called once by the demo seed): the public "Lettre AlterMed" (double
 * opt-in) and the private "Partenaires" list, 40 people from the four countries with Arabic and French
 * names and mixed languages, each with their consent record (added by the officer, or signed up on the
 * form — three still awaiting confirmation), one unsubscribed, one bounced, and the segment "Arabophones
 * du Maroc et de Tunisie". Made through the services, as the officer would. No email is sent.
 *
 * `seedConfirmedSubscribers` also serves tests and benchmarks that need many recipients fast.
 */
import { eq, sql } from 'drizzle-orm';
import { localized } from '../../../shared/localized-text.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createListsService } from './lists.service.js';
import { createSegmentsService } from './segments.service.js';
import { insertSubscriber, subscriberSearchText, updateSubscriberRow } from './subscribers.repo.js';
import { createSubscribersService } from './subscribers.service.js';
import { markPendingOnLists, recordConsent } from './subscriptions.repo.js';
import { unsubscribeSubscriber } from './subscriptions.service.js';

type Language = 'ar' | 'fr';

interface DemoPerson {
  name: string;
  email: string;
  country: 'MA' | 'TN' | 'DZ' | 'FR';
  languages: Language[];
  tags?: string[];
  organisation?: string;
  isPartner?: boolean;
}

/** Demo people; addresses are on reserved example domains, so nothing can ever reach a real mailbox. */
export const DEMO_SUBSCRIBERS: DemoPerson[] = [
  { name: 'يوسف العلوي', email: 'youssef.alaoui@example.org', country: 'MA', languages: ['ar'], tags: ['jeunes'] },
  { name: 'فاطمة الزهراء بناني', email: 'fz.bennani@example.org', country: 'MA', languages: ['ar', 'fr'], tags: ['femmes-rurales'] },
  {
    name: 'Karim Benjelloun',
    email: 'karim.benjelloun@example.com',
    country: 'MA',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'Initiative Urbaine',
  },
  { name: 'سلمى الإدريسي', email: 'salma.idrissi@example.net', country: 'MA', languages: ['ar'], tags: ['forum-sfax'] },
  { name: 'Hamza Tazi', email: 'hamza.tazi@example.org', country: 'MA', languages: ['fr', 'ar'], tags: ['jeunes'] },
  { name: 'نادية الشرايبي', email: 'nadia.chraibi@example.com', country: 'MA', languages: ['ar'], tags: ['presse'] },
  {
    name: 'Omar Berrada',
    email: 'omar.berrada@example.net',
    country: 'MA',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'Coopérative des Entrepreneurs Solidaires',
  },
  { name: 'Leïla Fassi-Fihri', email: 'leila.fassi@example.org', country: 'MA', languages: ['fr'] },
  { name: 'مهدي الوزاني', email: 'mehdi.ouazzani@example.com', country: 'MA', languages: ['ar'] },
  { name: 'زينب لحلو', email: 'zineb.lahlou@example.net', country: 'MA', languages: ['ar', 'fr'], tags: ['femmes-rurales'] },
  { name: 'أميرة بن صالح', email: 'amira.bensalah@example.org', country: 'TN', languages: ['ar'], tags: ['forum-sfax'] },
  {
    name: 'Sami Trabelsi',
    email: 'sami.trabelsi@example.com',
    country: 'TN',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'CCDE',
  },
  { name: 'إيناس الغربي', email: 'ines.gharbi@example.net', country: 'TN', languages: ['ar'], tags: ['femmes-rurales', 'forum-sfax'] },
  { name: 'Walid Jaziri', email: 'walid.jaziri@example.org', country: 'TN', languages: ['fr', 'ar'], tags: ['presse'] },
  { name: 'رانية بوعزيزي', email: 'rania.bouazizi@example.com', country: 'TN', languages: ['ar'], tags: ['jeunes'] },
  { name: 'محمد علي بن رمضان', email: 'med.benromdhane@example.net', country: 'TN', languages: ['ar', 'fr'], tags: ['forum-sfax'] },
  {
    name: 'Sonia Mejri',
    email: 'sonia.mejri@example.org',
    country: 'TN',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'ADFR',
  },
  { name: 'حاتم الشعبان', email: 'hatem.chaabane@example.com', country: 'TN', languages: ['ar'] },
  { name: 'Asma Hammami', email: 'asma.hammami@example.net', country: 'TN', languages: ['fr'], tags: ['jeunes'] },
  { name: 'ياسين الخميري', email: 'yassine.khemiri@example.org', country: 'TN', languages: ['ar'] },
  { name: 'Amel Boudiaf', email: 'amel.boudiaf@example.com', country: 'DZ', languages: ['fr'], tags: ['femmes-rurales'] },
  {
    name: 'رشيد مباركي',
    email: 'rachid.mebarki@example.net',
    country: 'DZ',
    languages: ['ar'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'Jeunesse Plus',
  },
  { name: 'Lynda Khelifi', email: 'lynda.khelifi@example.org', country: 'DZ', languages: ['fr', 'ar'], tags: ['presse'] },
  { name: 'سفيان بن علي', email: 'sofiane.benali@example.com', country: 'DZ', languages: ['ar', 'fr'], tags: ['jeunes'] },
  { name: 'Yasmine Haddad', email: 'yasmine.haddad@example.net', country: 'DZ', languages: ['fr'] },
  { name: 'مراد بلقاسم', email: 'mourad.belkacem@example.org', country: 'DZ', languages: ['ar'], tags: ['forum-sfax'] },
  { name: 'Nesrine Brahimi', email: 'nesrine.brahimi@example.com', country: 'DZ', languages: ['fr'], tags: ['jeunes'] },
  { name: 'كريمة آيت أحمد', email: 'karima.aitahmed@example.net', country: 'DZ', languages: ['ar', 'fr'], tags: ['femmes-rurales'] },
  {
    name: 'عبد القادر زروقي',
    email: 'a.zerrouki@example.org',
    country: 'DZ',
    languages: ['ar'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'AFVE',
  },
  { name: 'Djamila Slimani', email: 'djamila.slimani@example.com', country: 'DZ', languages: ['fr'] },
  {
    name: 'Claire Martin',
    email: 'claire.martin@example.net',
    country: 'FR',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'ICOSI',
  },
  { name: 'Julien Moreau', email: 'julien.moreau@example.org', country: 'FR', languages: ['fr'], tags: ['presse'] },
  { name: 'Sophie Bernard', email: 'sophie.bernard@example.com', country: 'FR', languages: ['fr'] },
  {
    name: 'Thomas Dubois',
    email: 'thomas.dubois@example.net',
    country: 'FR',
    languages: ['fr'],
    tags: ['partenaire'],
    isPartner: true,
    organisation: 'IMF',
  },
  { name: 'Camille Lefèvre', email: 'camille.lefevre@example.org', country: 'FR', languages: ['fr', 'ar'], tags: ['jeunes'] },
  { name: 'Nicolas Garnier', email: 'nicolas.garnier@example.com', country: 'FR', languages: ['fr'] },
  { name: 'Élise Roux', email: 'elise.roux@example.net', country: 'FR', languages: ['fr'], tags: ['presse'] },
  { name: 'أنطوان جيرار', email: 'antoine.girard@example.org', country: 'FR', languages: ['ar', 'fr'] },
  { name: 'Manon Fournier', email: 'manon.fournier@example.com', country: 'FR', languages: ['fr'], tags: ['forum-sfax'] },
  { name: 'هوغو لامبير', email: 'hugo.lambert@example.net', country: 'FR', languages: ['fr', 'ar'] },
];

/** The last three signed up on the public form and have not confirmed yet. */
const PENDING_FROM_FORM = 3;

const CONSENT_TEXT = {
  forum: 'Inscription sur la feuille de présence du forum méditerranéen de Sfax (octobre 2025), case « recevoir la lettre » cochée.',
  partner: 'Contact désigné par l’organisation partenaire dans la convention de consortium, accord écrit du 12 janvier 2026.',
};

async function officerContext(platform: Platform, workspaceId: string): Promise<ServiceContext> {
  const [user] = await platform.database.db.select().from(users).where(eq(users.email, 'officer@altermed.demo'));
  if (!user) throw new Error('demo officer missing');
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role: 'officer' },
  };
}

export interface AudienceDemo {
  letterListId: string;
  partnersListId: string;
  segmentId: string;
  subscriberIds: string[];
}

export async function seedNewsletterDemo(platform: Platform, workspaceId: string): Promise<AudienceDemo> {
  const db = platform.database.db;
  const officer = await officerContext(platform, workspaceId);
  const lists = createListsService(platform);
  const subscribers = createSubscribersService(platform);
  const letter = await lists.create(officer, {
    name: localized({ fr: 'Lettre AlterMed', ar: 'رسالة ألترميد الإخبارية' }),
    description: localized({
      fr: 'Les nouvelles du consortium : projets, formations, rencontres. Quatre numéros par an.',
      ar: 'أخبار الاتحاد: المشاريع والتكوينات واللقاءات. أربعة أعداد في السنة.',
    }),
    visibility: 'public',
    optIn: 'double',
  });
  const partners = await lists.create(officer, {
    name: localized({ fr: 'Partenaires', ar: 'الشركاء' }),
    description: localized({ fr: 'Les contacts des organisations membres.', ar: 'جهات الاتصال في المنظمات الأعضاء.' }),
    visibility: 'private',
    optIn: 'single',
  });
  const subscriberIds: string[] = [];
  const byOfficer = DEMO_SUBSCRIBERS.slice(0, DEMO_SUBSCRIBERS.length - PENDING_FROM_FORM);
  for (const person of byOfficer) {
    const created = await subscribers.create(officer, {
      email: person.email,
      name: person.name,
      languages: person.languages,
      country: person.country,
      organisationName: person.organisation ?? '',
      tags: person.tags ?? [],
      listIds: person.isPartner ? [letter.id, partners.id] : [letter.id],
      consentText: person.isPartner ? CONSENT_TEXT.partner : CONSENT_TEXT.forum,
    });
    subscriberIds.push(created.id);
  }
  for (const [index, person] of DEMO_SUBSCRIBERS.slice(-PENDING_FROM_FORM).entries()) {
    const row = await insertSubscriber(db, {
      workspaceId,
      email: person.email,
      emailNormalized: person.email,
      name: person.name,
      languages: person.languages,
      country: person.country,
      searchText: subscriberSearchText(person.name, person.email),
    });
    await markPendingOnLists(db, row.id, [letter.id]);
    await recordConsent(db, {
      workspaceId,
      subscriberId: row.id,
      listIds: [letter.id],
      action: 'subscribe',
      source: 'form',
      consentText:
        'J’accepte que AlterMed — Entreprendre autrement m’envoie sa lettre d’information par e-mail et conserve à cette fin mon adresse et les informations de ce formulaire. Je peux me désabonner à tout moment grâce au lien présent dans chaque message.',
      language: 'fr',
      ip: `198.51.100.${20 + index}`,
      userAgent: 'Mozilla/5.0 (Android 14; Mobile)',
    });
    subscriberIds.push(row.id);
  }
  await unsubscribeSubscriber(db, { workspaceId, subscriberId: subscriberIds[7] as string, source: 'one_click', ip: '198.51.100.9' });
  await updateSubscriberRow(db, workspaceId, subscriberIds[24] as string, { status: 'bounced', bouncedAt: new Date() });
  const segment = await createSegmentsService(platform).create(officer, {
    name: localized({ fr: 'Arabophones du Maroc et de Tunisie', ar: 'الناطقون بالعربية في المغرب وتونس' }),
    filter: {
      match: 'all',
      conditions: [
        { field: 'language', op: 'includes', value: 'ar' },
        { field: 'country', op: 'in', values: ['MA', 'TN'] },
      ],
    },
  });
  return { letterListId: letter.id, partnersListId: partners.id, segmentId: segment.id, subscriberIds };
}

/**
 * Inserts `count` active subscribers confirmed on `listIds` in two statements (`generate_series`), for
 * tests and benchmarks that need many recipients: addresses `<prefix><n>@example.org`, languages
 * cycling through `languages` (ar, fr, both by default), countries through MA, TN, DZ, FR.
 */
export async function seedConfirmedSubscribers(
  db: Db,
  input: { workspaceId: string; listIds: string[]; count: number; prefix?: string; languages?: string[][] },
): Promise<void> {
  const prefix = input.prefix ?? 'reader';
  const languages = input.languages ?? [['ar'], ['fr'], ['ar', 'fr']];
  const arrays = languages.map((set) => `ARRAY[${set.map((language) => `'${language.replace(/[^a-z]/g, '')}'`).join(',')}]::text[]`);
  const languageCase = `case g % ${arrays.length} ${arrays.map((array, index) => `when ${index} then ${array}`).join(' ')} end`;
  await db.execute(sql`
    insert into subscriber (workspace_id, email, email_normalized, name, search_text, languages, country, tags, created_at)
    select ${input.workspaceId}::uuid, ${prefix} || g || '@example.org', ${prefix} || g || '@example.org', 'Reader ' || g,
           'reader ' || g || ' ' || ${prefix} || g || '@example.org',
           ${sql.raw(languageCase)},
           (ARRAY['MA','TN','DZ','FR'])[(g % 4) + 1], ARRAY['t' || (g % 10)], now() - (g || ' seconds')::interval
    from generate_series(1, ${input.count}) as g`);
  for (const listId of input.listIds) {
    await db.execute(sql`
      insert into list_subscription (list_id, subscriber_id, status, confirmed_at)
      select ${listId}::uuid, id, 'confirmed', now() from subscriber
      where workspace_id = ${input.workspaceId}::uuid and email_normalized like ${`${prefix}%@example.org`}
      on conflict do nothing`);
  }
}
