/**
 * The demo's approval workflow: the officer has submitted the press conference brief and the
 * reviewer has left a comment on its Arabic version, so the brief page shows a review under way.
 */
import { eq } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { Role } from '../../../shared/roles.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { registerReviewableContent } from '../../platform/review/review.registry.js';
import { createReviewService } from '../../platform/review/review.service.js';
import { campaignBriefContent } from './campaign-brief.review.js';
import { campaigns } from './campaigns.tables.js';

async function contextFor(platform: Platform, workspaceId: string, email: string, role: Role): Promise<ServiceContext> {
  const [user] = await platform.database.db.select().from(users).where(eq(users.email, email));
  if (!user) throw new Error(`demo account ${email} missing`);
  return {
    actor: { user: { id: user.id, name: user.name, email: user.email, locale: user.locale }, sessionId: 'demo-seed' },
    membership: { workspaceId, role },
  };
}

export async function seedCampaignBriefReviewDemo(platform: Platform, workspaceId: string): Promise<void> {
  // The seed runs before the app registers its content types.
  registerReviewableContent(campaignBriefContent);
  const rows = await platform.database.db
    .select({ id: campaigns.id, brief: campaigns.brief })
    .from(campaigns)
    .where(eq(campaigns.workspaceId, workspaceId));
  const withBrief = rows.find((row) => Object.values(row.brief as LocalizedText).some((entry) => entry?.value));
  if (!withBrief) return;
  const review = createReviewService(platform);
  const officer = await contextFor(platform, workspaceId, 'officer@altermed.demo', 'officer');
  const reviewer = await contextFor(platform, workspaceId, 'reviewer@altermed.demo', 'reviewer');
  await review.transition(officer, campaignBriefContent.type, withBrief.id, {
    action: 'submit',
    note: 'Brief prêt pour relecture ; la version arabe est à vérifier.',
  });
  await review.addComment(reviewer, campaignBriefContent.type, withBrief.id, {
    language: 'ar',
    quote: 'الصحفيون الاقتصاديون والسلطات المحلية',
    body: 'Ajouter aussi les radios locales au public visé, comme dans la version française du plan.',
  });
}
