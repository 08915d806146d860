/** SQL of campaign briefs (the brief column of a campaign), scoped by workspace. */
import { and, eq, sql } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { workspaces } from '../../platform/platform.tables.js';
import { campaigns } from './campaigns.tables.js';

export async function findCampaignBrief(db: DbOrTransaction, workspaceId: string, campaignId: string) {
  const [row] = await db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      goalDate: campaigns.goalDate,
      brief: campaigns.brief,
      updatedAt: campaigns.updatedAt,
      contentLanguages: workspaces.contentLanguages,
    })
    .from(campaigns)
    .innerJoin(workspaces, eq(workspaces.id, campaigns.workspaceId))
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)));
  return row;
}

export type CampaignBriefRow = NonNullable<Awaited<ReturnType<typeof findCampaignBrief>>>;

export async function updateCampaignBriefRow(db: DbOrTransaction, workspaceId: string, campaignId: string, brief: LocalizedText) {
  const [row] = await db
    .update(campaigns)
    .set({ brief, updatedAt: sql`now()` })
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, campaignId)))
    .returning({ id: campaigns.id });
  return row;
}
