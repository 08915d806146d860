/**
 * The demo's insights: the sandbox page's month read through the real sync (the fake Graph API
 * serves its daily page figures and its posts' figures), after the page's past posts were linked to
 * the campaigns they belong to (the Sfax forum's announcements, the success stories for the closing
 * press conference), so the charts per campaign have something to show. Once per workspace: nothing
 * when the page already has figures, or when there is no sandbox page.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { Platform } from '../../platform/platform.js';
import { campaigns } from '../planning/campaigns.tables.js';
import { findLastPageMetricDay } from './insights.repo.js';
import { type InsightSyncReport, syncChannelInsights } from './insights-sync.js';
import { updatePostRow } from './posts.repo.js';
import { socialChannels, socialPosts } from './social.tables.js';

/** Words of a past post's French text → the demo campaign (by words of its French title) it served. */
const CAMPAIGN_OF_POST: Array<{ post: RegExp; campaign: RegExp }> = [
  { post: /Sfax|forum/i, campaign: /Sfax/ },
  { post: /Réussite|jury|incubateur/i, campaign: /Conférence de presse/ },
];

/** The demo's days of figures: the sandbox page's whole month. */
const DEMO_DAYS = 30;

async function linkPastPostsToCampaigns(platform: Platform, workspaceId: string, channelId: string): Promise<number> {
  const db = platform.database.db;
  const campaignRows = await db
    .select({ id: campaigns.id, title: campaigns.title })
    .from(campaigns)
    .where(eq(campaigns.workspaceId, workspaceId));
  const posts = await db
    .select({ id: socialPosts.id, text: socialPosts.text })
    .from(socialPosts)
    .where(and(eq(socialPosts.channelId, channelId), eq(socialPosts.status, 'published'), isNull(socialPosts.campaignId)));
  let linked = 0;
  for (const post of posts) {
    const french = (post.text as LocalizedText).fr?.value ?? '';
    const rule = CAMPAIGN_OF_POST.find((candidate) => candidate.post.test(french));
    const campaign = rule && campaignRows.find((row) => rule.campaign.test((row.title as LocalizedText).fr?.value ?? ''));
    if (!campaign) continue;
    await updatePostRow(db, workspaceId, post.id, { campaignId: campaign.id });
    linked += 1;
  }
  return linked;
}

/** Seeds the demo's insights from the workspace's sandbox page; undefined when there is none or it was done. */
export async function seedSocialInsightsDemo(
  platform: Platform,
  workspaceId: string,
  now = new Date(),
): Promise<InsightSyncReport | undefined> {
  const db = platform.database.db;
  const [channel] = await db
    .select({ id: socialChannels.id })
    .from(socialChannels)
    .where(and(eq(socialChannels.workspaceId, workspaceId), eq(socialChannels.sandbox, true), eq(socialChannels.status, 'connected')))
    .limit(1);
  if (!channel || (await findLastPageMetricDay(db, channel.id))) return undefined;
  await linkPastPostsToCampaigns(platform, workspaceId, channel.id);
  return syncChannelInsights(platform, channel.id, { now, backfillDays: DEMO_DAYS, postWindowDays: DEMO_DAYS + 1 });
}
