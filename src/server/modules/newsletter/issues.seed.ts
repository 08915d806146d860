/**
 * The demo workspace's newsletter drafts: the bilingual December letter with a block of every type
 * (and a banner image made here, so the demo needs no network), and a French-only call for
 * applications. Both are drafts: the newcomer previews, test-sends, submits and sends them.
 * Call it after the audience seed: the drafts are addressed to the lists that exist by then.
 */
import { eq } from 'drizzle-orm';
import { localized } from '../../../shared/localized-text.js';
import type { NewsletterBlock } from '../../../shared/newsletter/newsletter.schema.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import { sharp } from '../../platform/native-packages.js';
import { createFilesService } from '../../platform/storage/files.service.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { insertIssue } from './issues.repo.js';
import { mailingLists } from './newsletter.tables.js';

const same = (url: string) => localized({ ar: url, fr: url });

/** A 1200×480 banner in the demo's colours, drawn rather than downloaded. */
async function bannerPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="480"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f766e"/><stop offset="1" stop-color="#e9c46a"/></linearGradient></defs><rect width="1200" height="480" fill="url(#g)"/><circle cx="980" cy="120" r="70" fill="#ffffff" fill-opacity="0.35"/><path d="M0 380 C300 300 600 460 1200 340 L1200 480 L0 480 Z" fill="#ffffff" fill-opacity="0.25"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function decemberBlocks(bannerFileId: string | undefined): NewsletterBlock[] {
  return [
    {
      type: 'heading',
      id: 'intro-title',
      level: 1,
      text: localized({ fr: 'Trois ans d’entrepreneuriat collectif', ar: 'ثلاث سنوات من ريادة الأعمال الجماعية' }),
    },
    {
      type: 'text',
      id: 'intro',
      text: localized({
        fr: 'Bonjour {{first_name|à toutes et à tous}},\n\nLe projet AlterMed se termine en **décembre** : 42 coopératives accompagnées en France, au Maroc, en Tunisie et en Algérie. Le bilan complet est en ligne sur https://altermed.example.org/bilan.',
        ar: 'مرحباً {{first_name|بالجميع}}،\n\nيختتم مشروع ألترميد في **ديسمبر**: رافقنا 42 تعاونية في فرنسا والمغرب وتونس والجزائر. الحصيلة الكاملة متاحة على https://altermed.example.org/bilan.',
      }),
    },
    {
      type: 'image',
      id: 'banner',
      ...(bannerFileId ? { fileId: bannerFileId } : {}),
      alt: localized({ fr: 'Des entrepreneuses de la coopérative de Sfax', ar: 'رائدات أعمال من تعاونية صفاقس' }),
      caption: localized({ fr: 'La coopérative Zitouna, à Sfax, en octobre.', ar: 'تعاونية الزيتونة في صفاقس، في أكتوبر.' }),
      href: same('https://altermed.example.org/galerie'),
    },
    {
      type: 'button',
      id: 'report-button',
      label: localized({ fr: 'Lire le bilan', ar: 'اقرأ الحصيلة' }),
      url: same('https://altermed.example.org/bilan'),
    },
    { type: 'divider', id: 'divider' },
    { type: 'heading', id: 'news-title', level: 2, text: localized({ fr: 'À lire et à noter', ar: 'للقراءة وللتسجيل' }) },
    {
      type: 'columns',
      id: 'news',
      columns: [
        [
          {
            type: 'article',
            id: 'guide',
            title: localized({ fr: 'Le guide de la coopérative, en deux langues', ar: 'دليل التعاونية بلغتين' }),
            summary: localized({
              fr: 'Statuts, gouvernance, premiers financements : l’essentiel en 40 pages.',
              ar: 'النظام الأساسي والحوكمة والتمويلات الأولى: الأساسيات في 40 صفحة.',
            }),
            url: same('https://altermed.example.org/guide'),
          },
        ],
        [
          {
            type: 'event',
            id: 'forum',
            title: localized({ fr: 'Forum de clôture à Tunis', ar: 'المنتدى الختامي في تونس' }),
            startsAt: '2026-12-15T09:30:00+01:00',
            endsAt: '2026-12-15T17:00:00+01:00',
            place: localized({ fr: 'Cité de la culture, Tunis', ar: 'مدينة الثقافة، تونس' }),
            url: same('https://altermed.example.org/forum'),
          },
        ],
      ],
    },
  ];
}

function callBlocks(): NewsletterBlock[] {
  return [
    { type: 'heading', id: 'title', level: 1, text: localized({ fr: 'L’incubateur AlterMed ouvre ses portes' }) },
    {
      type: 'text',
      id: 'body',
      text: localized({
        fr: 'Vous portez un projet d’économie sociale et solidaire ? Six mois d’accompagnement, un réseau de mentors dans quatre pays et une bourse de démarrage.\n\nCandidatures jusqu’au **31 janvier 2027**.',
      }),
    },
    {
      type: 'button',
      id: 'apply',
      label: localized({ fr: 'Déposer ma candidature' }),
      url: localized({ fr: 'https://altermed.example.org/incubateur' }),
    },
  ];
}

/** Creates the two demo drafts; with a storage, the December letter gets its banner image. */
export async function seedDemoNewsletterIssues(
  db: Db,
  workspaceId: string,
  options: { storage?: FileStorage; officerEmail?: string } = {},
): Promise<{ bilingualIssueId: string; frenchIssueId: string }> {
  const [officer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, options.officerEmail ?? 'officer@altermed.demo'));
  const createdBy = officer?.id ?? null;
  let bannerFileId: string | undefined;
  if (options.storage && createdBy) {
    const files = createFilesService(db, options.storage, 10 * 1024 * 1024);
    bannerFileId = (await files.upload({ workspaceId, userId: createdBy, fileName: 'altermed-banniere.png', bytes: await bannerPng() })).id;
  }
  const listIds = (await db.select({ id: mailingLists.id }).from(mailingLists).where(eq(mailingLists.workspaceId, workspaceId))).map(
    (list) => list.id,
  );
  const december = await insertIssue(db, {
    workspaceId,
    subject: localized({ fr: 'Lettre AlterMed — décembre 2026', ar: 'نشرة ألترميد — ديسمبر 2026' }),
    preheader: localized({ fr: 'Le bilan, le guide et le forum de clôture', ar: 'الحصيلة والدليل والمنتدى الختامي' }),
    blocks: decemberBlocks(bannerFileId),
    sendMode: 'bilingual',
    bilingualOrder: ['ar', 'fr'],
    listIds,
    utmCampaign: 'lettre-2026-12',
    createdBy,
  });
  const call = await insertIssue(db, {
    workspaceId,
    subject: localized({ fr: 'Appel à candidatures — Incubateur AlterMed 2027' }),
    preheader: localized({ fr: 'Candidatures ouvertes jusqu’au 31 janvier' }),
    blocks: callBlocks(),
    sendMode: 'per_language',
    bilingualOrder: ['ar', 'fr'],
    listIds,
    utmCampaign: 'incubateur-2027',
    createdBy,
  });
  return { bilingualIssueId: december.id, frenchIssueId: call.id };
}
