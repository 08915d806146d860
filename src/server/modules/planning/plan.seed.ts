/** AlterMed's communication plan and two needs for the demo workspace (called once by the demo seed). */
import { eq } from 'drizzle-orm';
import { type LocalizedText, localized } from '../../../shared/localized-text.js';
import { findUserIdByEmail } from '../../platform/auth/accounts.js';
import type { Platform } from '../../platform/platform.js';
import { organisations } from '../directory/directory.tables.js';
import { needs } from './needs.tables.js';
import { planAudiences, planChannels, planIndicators, planIndicatorValues, planKeyMessages, planObjectives } from './plan.tables.js';

const OBJECTIVES = [
  { fr: 'Faire connaître l’entrepreneuriat partagé en Méditerranée', ar: 'التعريف بريادة الأعمال التشاركية في المتوسط' },
  { fr: 'Mobiliser les autorités locales autour des entreprises partagées', ar: 'تعبئة السلطات المحلية حول المؤسسات التشاركية' },
  { fr: 'Donner la parole aux femmes rurales et aux jeunes entrepreneurs', ar: 'إسماع صوت النساء الريفيات ورواد الأعمال الشباب' },
];

const AUDIENCES: Array<{ fr: string; ar: string; messages: Array<{ fr: string; ar: string; objective: number }> }> = [
  {
    fr: 'Jeunes',
    ar: 'الشباب',
    messages: [
      {
        fr: 'Entreprendre à plusieurs, c’est partager le risque et la réussite.',
        ar: 'ريادة الأعمال الجماعية تقاسمٌ للمخاطر وللنجاح.',
        objective: 0,
      },
    ],
  },
  {
    fr: 'Femmes rurales',
    ar: 'النساء الريفيات',
    messages: [
      {
        fr: 'Votre savoir-faire peut devenir une coopérative qui vous appartient.',
        ar: 'مهارتك يمكن أن تصبح تعاونية تملكينها.',
        objective: 2,
      },
    ],
  },
  {
    fr: 'Autorités publiques',
    ar: 'السلطات العمومية',
    messages: [
      {
        fr: 'Les entreprises partagées créent des emplois durables sur votre territoire.',
        ar: 'المؤسسات التشاركية تخلق مناصب شغل دائمة في منطقتكم.',
        objective: 1,
      },
    ],
  },
  { fr: 'Journalistes', ar: 'الصحفيون', messages: [] },
  { fr: 'Coopératives', ar: 'التعاونيات', messages: [] },
  { fr: 'Partenaires privés', ar: 'الشركاء الخواص', messages: [] },
];

const CHANNELS = [
  { fr: 'Page Facebook AlterMed', ar: 'صفحة ألترميد على فيسبوك', kind: 'facebook' },
  { fr: 'Site altermed.org', ar: 'موقع altermed.org', kind: 'website' },
  { fr: 'Lettre d’information trimestrielle', ar: 'النشرة الإخبارية الفصلية', kind: 'newsletter' },
  { fr: 'Relations presse', ar: 'العلاقات مع الصحافة', kind: 'press' },
  { fr: 'Forum méditerranéen de Sfax', ar: 'المنتدى المتوسطي بصفاقس', kind: 'event' },
];

/** Seeds the plan and two needs; a no-op when the workspace already has objectives. */
export async function seedPlanDemo(platform: Platform, workspaceId: string): Promise<void> {
  const db = platform.database.db;
  const existing = await db.select({ id: planObjectives.id }).from(planObjectives).where(eq(planObjectives.workspaceId, workspaceId));
  if (existing.length > 0) return;
  const officerId = (await findUserIdByEmail(platform.auth, 'officer@altermed.demo')) ?? null;
  const contributorId = (await findUserIdByEmail(platform.auth, 'contributor@altermed.demo')) ?? null;
  const objectiveIds: string[] = [];
  for (const [position, objective] of OBJECTIVES.entries()) {
    const [row] = await db
      .insert(planObjectives)
      .values({ workspaceId, title: localized(objective), position })
      .returning({ id: planObjectives.id });
    objectiveIds.push((row as { id: string }).id);
  }
  for (const [position, audience] of AUDIENCES.entries()) {
    const [row] = await db
      .insert(planAudiences)
      .values({ workspaceId, name: localized({ fr: audience.fr, ar: audience.ar }), position })
      .returning({ id: planAudiences.id });
    for (const [index, message] of audience.messages.entries()) {
      await db.insert(planKeyMessages).values({
        workspaceId,
        audienceId: (row as { id: string }).id,
        objectiveId: objectiveIds[message.objective] ?? null,
        message: localized({ fr: message.fr, ar: message.ar }),
        position: index,
      });
    }
  }
  for (const [position, channel] of CHANNELS.entries()) {
    await db
      .insert(planChannels)
      .values({ workspaceId, name: localized({ fr: channel.fr, ar: channel.ar }), kind: channel.kind, position });
  }
  const [followers] = await db
    .insert(planIndicators)
    .values({
      workspaceId,
      objectiveId: objectiveIds[0] ?? null,
      name: localized({ fr: 'Abonnés de la page Facebook', ar: 'متابعو صفحة فيسبوك' }),
      unit: localized({ fr: 'abonnés', ar: 'متابع' }),
      baseline: 1200,
      target: 5000,
      targetDate: '2026-12-31',
      position: 0,
    })
    .returning({ id: planIndicators.id });
  const followersId = (followers as { id: string }).id;
  for (const [recordedOn, value] of [
    ['2026-01-31', 1450],
    ['2026-03-31', 2100],
  ] as const) {
    await db.insert(planIndicatorValues).values({ workspaceId, indicatorId: followersId, recordedOn, value, recordedBy: officerId });
  }
  await db.insert(planIndicators).values({
    workspaceId,
    objectiveId: objectiveIds[1] ?? null,
    name: localized({ fr: 'Autorités locales rencontrées', ar: 'السلطات المحلية التي تم لقاؤها' }),
    unit: localized({ fr: 'collectivités', ar: 'جماعة محلية' }),
    baseline: 0,
    target: 24,
    targetDate: '2026-11-30',
    position: 1,
  });

  const candidates = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.workspaceId, workspaceId));
  const sfax = candidates.find((organisation) => (organisation.name as LocalizedText).fr?.value.startsWith('ADFR')) ?? candidates[0];
  const poster: LocalizedText = localized({ ar: 'ملصق لورشة صفاقس بالعربية' }, 'draft');
  await db.insert(needs).values([
    {
      workspaceId,
      title: poster,
      description: localized({ ar: 'ملصق بحجم A3 للإعلان عن ورشة المؤسسات التشاركية في صفاقس، موجّه للنساء الريفيات.' }, 'draft'),
      audience: localized({ ar: 'النساء الريفيات' }, 'draft'),
      languages: ['ar'],
      neededBy: '2026-10-15',
      organisationId: sfax?.id ?? null,
      requesterUserId: contributorId,
    },
    {
      workspaceId,
      title: localized({ fr: 'Dépliant expliquant les entreprises partagées aux autorités locales' }, 'draft'),
      description: localized({ fr: 'Quatre pages, en français et en arabe, à remettre lors des rencontres avec les communes.' }, 'draft'),
      audience: localized({ fr: 'Autorités locales' }, 'draft'),
      languages: ['fr', 'ar'],
      neededBy: '2026-11-02',
      organisationId: sfax?.id ?? null,
      requesterUserId: contributorId,
      status: 'accepted',
    },
  ]);
}
