/**
 * The demo workspace's planning: three AlterMed campaigns made the way the officer would make them —
 * through the services, from the shipped templates, with goal dates after the seed day — some tasks
 * assigned to the demo partner contributor, and the first steps of the press conference done.
 */
import { and, eq } from 'drizzle-orm';
import { localized } from '../../../shared/localized-text.js';
import { addDays, calendarDateAt } from '../../../shared/planning/calendar-date.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { createCampaignsService } from './campaigns.service.js';
import { campaigns, tasks } from './campaigns.tables.js';
import { createTasksService } from './tasks.service.js';

async function contextFor(platform: Platform, workspaceId: string, email: string): Promise<ServiceContext> {
  const [user] = await platform.database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo account ${email} missing`);
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role: 'officer' },
  };
}

export async function seedCampaignsDemo(platform: Platform, workspaceId: string, now: Date = new Date()): Promise<void> {
  const db = platform.database.db;
  const officer = await contextFor(platform, workspaceId, 'officer@altermed.demo');
  const contributor = await contextFor(platform, workspaceId, 'contributor@altermed.demo');
  const today = calendarDateAt(now, 'Africa/Casablanca');
  const campaignsService = createCampaignsService(platform);
  const tasksService = createTasksService(platform);

  const press = await campaignsService.create(officer, {
    title: localized({ fr: 'Conférence de presse de clôture du projet AlterMed', ar: 'الندوة الصحفية الختامية لمشروع ألترميد' }),
    description: localized({
      fr: 'Présenter aux médias des quatre pays les résultats de trois ans d’entrepreneuriat collectif.',
      ar: 'تقديم نتائج ثلاث سنوات من ريادة الأعمال الجماعية لوسائل الإعلام في البلدان الأربعة.',
    }),
    kind: 'external',
    goalDate: addDays(today, 40),
    templateKey: 'closing-press-conference',
  });
  await campaignsService.create(officer, {
    title: localized({
      fr: 'Forum méditerranéen de l’entrepreneuriat collectif — Sfax',
      ar: 'المنتدى المتوسطي لريادة الأعمال الجماعية — صفاقس',
    }),
    kind: 'external',
    goalDate: addDays(today, 75),
    templateKey: 'event',
  });
  await campaignsService.create(officer, {
    title: localized({ fr: 'Lettre d’information n° 4', ar: 'النشرة الإخبارية رقم 4' }),
    kind: 'internal',
    goalDate: addDays(today, 18),
    templateKey: 'newsletter-issue',
  });

  await db
    .update(campaigns)
    .set({
      status: 'active',
      brief: localized(
        {
          fr: 'Objectif : faire connaître les entreprises partagées créées à Sfax, Casablanca, Oran et Marseille. Public : journalistes économiques et autorités locales. Message clé : entreprendre ensemble, c’est possible et durable.',
          ar: 'الهدف: التعريف بالمقاولات المشتركة التي أُنشئت في صفاقس والدار البيضاء ووهران ومرسيليا. الجمهور: الصحفيون الاقتصاديون والسلطات المحلية. الرسالة الرئيسية: ريادة الأعمال الجماعية ممكنة ومستدامة.',
        },
        'draft',
      ),
    })
    .where(eq(campaigns.id, press.id));

  const plan = await db
    .select({ id: tasks.id, key: tasks.milestoneKey })
    .from(tasks)
    .where(and(eq(tasks.workspaceId, workspaceId), eq(tasks.campaignId, press.id)));
  const idOf = (key: string) => plan.find((task) => task.key === key)?.id;
  const keyMessages = idOf('key-messages');
  const translation = idOf('press-kit-translation');
  if (keyMessages) await tasksService.update(officer, keyMessages, { status: 'done', assigneeUserId: officer.actor.user.id });
  if (translation) await tasksService.update(officer, translation, { assigneeUserId: contributor.actor.user.id });
}
