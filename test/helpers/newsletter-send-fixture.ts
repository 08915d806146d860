/**
 * What the sending-engine tests share: an audience seeded straight into the tables (a list, confirmed
 * subscribers with Arabic and French names), an issue with its variants already rendered and an
 * approved review, newsletter settings, and a loop that runs queued jobs until none is ready.
 */
import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import {
  listSubscriptions,
  mailingLists,
  newsletterDeliveries,
  newsletterIssues,
  newsletterSettings,
  subscribers,
} from '../../src/server/modules/newsletter/newsletter.tables.js';
import type { Db } from '../../src/server/platform/db/database.js';
import type { JobQueue } from '../../src/server/platform/jobs/job-queue.js';
import { contentReviews } from '../../src/server/platform/review/review.tables.js';
import { localized } from '../../src/shared/localized-text.js';

/** Variants as the composer renders them: merge fields left as placeholders, UTM already on links. */
export const RENDERED_VARIANTS = {
  ar: {
    subject: 'نشرة تواصل — مرحباً {{first_name|صديقنا}}',
    html:
      '<!doctype html><html lang="ar" dir="rtl"><body><p>مرحباً {{name|صديقنا}} من {{organisation|منظمتكم}} ({{country}})</p>' +
      '<p>مدينتكم: {{attr.city|—}}</p><a href="https://altermed.example/ar/forum?utm_source=newsletter&amp;utm_medium=email">منتدى صفاقس</a>' +
      '<a href="{{preferences_url}}">التفضيلات</a> <a href="{{unsubscribe_url}}">إلغاء الاشتراك</a></body></html>',
    text: 'مرحباً {{name|صديقنا}}\nمنتدى صفاقس: https://altermed.example/ar/forum\nإلغاء الاشتراك: {{unsubscribe_url}}\n',
  },
  fr: {
    subject: 'La lettre de Tawasul — bonjour {{first_name|ami·e}}',
    html:
      '<!doctype html><html lang="fr" dir="ltr"><body><p>Bonjour {{name|ami·e}} de {{organisation|votre organisation}} ({{country}})</p>' +
      '<p>Ville : {{attr.city|—}}</p><a href="https://altermed.example/fr/forum?utm_source=newsletter&amp;utm_medium=email">Forum de Sfax</a>' +
      '<a href="{{preferences_url}}">Préférences</a> <a href="{{unsubscribe_url}}">Se désabonner</a></body></html>',
    text: 'Bonjour {{name|ami·e}}\nForum de Sfax : https://altermed.example/fr/forum\nSe désabonner : {{unsubscribe_url}}\n',
  },
  bilingual: {
    subject: 'نشرة تواصل | La lettre de Tawasul',
    html:
      '<!doctype html><html><body><div lang="ar" dir="rtl"><p>مرحباً {{name}}</p></div><div lang="fr" dir="ltr"><p>Bonjour {{name}}</p></div>' +
      '<a href="{{unsubscribe_url}}">إلغاء الاشتراك | Se désabonner</a></body></html>',
    text: 'مرحباً {{name}}\nBonjour {{name}}\n{{unsubscribe_url}}\n',
  },
};

export interface SeededRecipient {
  id: string;
  email: string;
  name: string;
  languages: string[];
}

export interface SeedOptions {
  workspaceId: string;
  count: number;
  /** Review state of the issue (`approved` by default; null for none). */
  reviewState?: string | null;
  /** `per_language` (default) or `bilingual`. */
  sendMode?: 'per_language' | 'bilingual';
  withRenderedVariants?: boolean;
  emailDomain?: string;
}

const ARABIC_NAMES = ['هند بن علي', 'سمير الطرابلسي', 'ليلى المنصوري', 'يوسف العلوي'];
const FRENCH_NAMES = ['Claire Dubois', 'Karim Haddad', 'Inès Martin', 'Nabil Saïdi'];

/** A list, `count` confirmed subscribers (every third Arabic, the rest French, some both), and an issue. */
export async function seedSend(db: Db, options: SeedOptions) {
  const [list] = await db
    .insert(mailingLists)
    .values({ workspaceId: options.workspaceId, name: localized({ fr: 'Partenaires', ar: 'الشركاء' }) })
    .returning();
  const listId = (list as { id: string }).id;
  const recipients: SeededRecipient[] = [];
  const domain = options.emailDomain ?? 'example.test';
  for (let start = 0; start < options.count; start += 500) {
    const values = [];
    for (let index = start; index < Math.min(options.count, start + 500); index += 1) {
      const isArabic = index % 3 === 0;
      const name = isArabic ? (ARABIC_NAMES[index % 4] as string) : (FRENCH_NAMES[index % 4] as string);
      const email = `person${index}-${randomUUID().slice(0, 6)}@${domain}`;
      values.push({
        workspaceId: options.workspaceId,
        email,
        emailNormalized: email,
        name,
        languages: isArabic ? ['ar'] : index % 5 === 0 ? ['fr', 'ar'] : ['fr'],
        country: isArabic ? 'TN' : 'FR',
        organisationName: isArabic ? 'جمعية النخيل' : 'Association Olivier',
        attributes: { city: isArabic ? 'صفاقس' : 'Marseille' },
      });
    }
    const rows = await db.insert(subscribers).values(values).returning({
      id: subscribers.id,
      email: subscribers.email,
      name: subscribers.name,
      languages: subscribers.languages,
    });
    recipients.push(...rows);
    await db
      .insert(listSubscriptions)
      .values(rows.map((row) => ({ listId, subscriberId: row.id, status: 'confirmed', confirmedAt: new Date() })));
  }
  const issueId = await makeIssue(db, options, listId);
  return { listId, issueId, recipients };
}

export async function makeIssue(db: Db, options: Omit<SeedOptions, 'count'>, listId: string): Promise<string> {
  const [issue] = await db
    .insert(newsletterIssues)
    .values({
      workspaceId: options.workspaceId,
      subject: localized({ ar: 'نشرة تواصل', fr: 'La lettre de Tawasul' }),
      sendMode: options.sendMode ?? 'per_language',
      listIds: [listId],
      renderedVariants:
        options.withRenderedVariants === false
          ? null
          : options.sendMode === 'bilingual'
            ? { bilingual: RENDERED_VARIANTS.bilingual }
            : RENDERED_VARIANTS,
    })
    .returning();
  const issueId = (issue as { id: string }).id;
  const state = options.reviewState === undefined ? 'approved' : options.reviewState;
  if (state)
    await db
      .insert(contentReviews)
      .values({ workspaceId: options.workspaceId, contentType: 'newsletter.issue', contentId: issueId, state });
  return issueId;
}

export async function setSendSettings(db: Db, workspaceId: string, values: Partial<typeof newsletterSettings.$inferInsert>) {
  await db
    .insert(newsletterSettings)
    .values({ workspaceId, fromName: 'تواصل Tawasul', fromAddress: 'lettre@altermed.example', ...values })
    .onConflictDoUpdate({ target: newsletterSettings.workspaceId, set: values });
}

/** Runs queued jobs (those due now) until a round runs none; returns how many ran. */
export async function drainJobs(jobs: JobQueue, maxRounds = 500): Promise<number> {
  let total = 0;
  let idleRounds = 0;
  for (let round = 0; round < maxRounds && idleRounds < 2; round += 1) {
    const ran = await jobs.tick();
    total += ran;
    idleRounds = ran === 0 ? idleRounds + 1 : 0;
  }
  return total;
}

export async function issueRow(db: Db, issueId: string) {
  const [row] = await db.select().from(newsletterIssues).where(eq(newsletterIssues.id, issueId));
  return row as typeof newsletterIssues.$inferSelect;
}

export async function deliveryStates(db: Db, issueId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ state: newsletterDeliveries.state, count: count() })
    .from(newsletterDeliveries)
    .where(eq(newsletterDeliveries.issueId, issueId))
    .groupBy(newsletterDeliveries.state);
  return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
}
