/**
 * What the newsletter composer tests share: an issue with every block type in Arabic and French,
 * images uploaded through the real files service, and short calls to the issues API.
 */
import sharp from 'sharp';
import { createFilesService } from '../../src/server/platform/storage/files.service.js';
import { localized } from '../../src/shared/localized-text.js';
import type { Session, TestApp } from './test-app.js';

/** A PNG of `width`×`height`: a diagonal gradient from the brand teal to a sand colour. */
export async function pngBytes(width = 600, height = 300): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0f766e"/><stop offset="1" stop-color="#e9c46a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Uploads a file as a member would; returns its id. */
export async function uploadFile(t: TestApp, workspaceId: string, userId: string, fileName: string, bytes: Uint8Array): Promise<string> {
  const files = createFilesService(t.platform.database.db, t.platform.storage, t.platform.config.uploadMaxBytes);
  return (await files.upload({ workspaceId, userId, fileName, bytes })).id;
}

const same = (url: string) => localized({ ar: url, fr: url });

/** Blocks of every type (a two-column block holding an article and an event), both languages. */
export function everyBlock(imageFileId?: string) {
  return [
    { type: 'heading', id: 'h1', level: 1, text: localized({ ar: 'منتدى المتوسط للتضامن', fr: 'Forum méditerranéen de la solidarité' }) },
    {
      type: 'text',
      id: 't1',
      text: localized({
        ar: 'مرحباً {{first_name|صديقنا}}،\n\nيسعدنا دعوتك إلى **المنتدى** في صفاقس. التفاصيل على https://altermed.org/forum.',
        fr: 'Bonjour {{first_name|ami·e}},\n\nNous vous invitons au **forum** de Sfax. Détails sur https://altermed.org/forum.',
      }),
    },
    {
      type: 'image',
      id: 'i1',
      ...(imageFileId ? { fileId: imageFileId } : { url: 'https://images.example.org/forum.png' }),
      alt: localized({ ar: 'صورة المنتدى', fr: 'Photo du forum' }),
      caption: localized({ ar: 'الدورة السابقة في تونس', fr: 'L’édition précédente à Tunis' }),
      href: same('https://altermed.org/photos'),
    },
    {
      type: 'button',
      id: 'b1',
      label: localized({ ar: 'سجّل الآن', fr: 'S’inscrire' }),
      url: same('https://altermed.org/inscription?from=mail'),
    },
    { type: 'divider', id: 'd1' },
    {
      type: 'columns',
      id: 'c1',
      columns: [
        [
          {
            type: 'article',
            id: 'a1',
            title: localized({ ar: 'التقرير السنوي', fr: 'Rapport annuel' }),
            summary: localized({ ar: 'ملخص التقرير السنوي للشبكة.', fr: 'Le résumé du rapport annuel du réseau.' }),
            url: same('https://altermed.org/rapport'),
          },
        ],
        [
          {
            type: 'event',
            id: 'e1',
            title: localized({ ar: 'ورشة الاتصال', fr: 'Atelier communication' }),
            startsAt: '2026-12-08T09:00:00+01:00',
            endsAt: '2026-12-08T17:00:00+01:00',
            place: localized({ ar: 'صفاقس، تونس', fr: 'Sfax, Tunisie' }),
            url: same('https://altermed.org/atelier'),
          },
        ],
      ],
    },
  ];
}

/** A bilingual issue payload with every block type. */
export function bilingualIssue(imageFileId?: string) {
  return {
    subject: localized({ ar: 'نشرة ألترميد — ديسمبر 2026', fr: 'Lettre AlterMed — décembre 2026' }),
    preheader: localized({ ar: 'المنتدى والتقرير والورشة', fr: 'Le forum, le rapport, l’atelier' }),
    blocks: everyBlock(imageFileId),
    sendMode: 'bilingual',
    bilingualOrder: ['ar', 'fr'],
    utmCampaign: 'dec-2026',
  };
}

export const issuesUrl = (workspaceId: string, rest = '') => `/api/workspaces/${workspaceId}/newsletter/issues${rest}`;

export async function createIssue(t: TestApp, session: Session, workspaceId: string, payload: object = bilingualIssue()) {
  const response = await t.request(session, { method: 'POST', url: issuesUrl(workspaceId), payload });
  if (response.statusCode !== 201) throw new Error(`create issue: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; updatedAt: string; [key: string]: unknown };
}
