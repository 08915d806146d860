/**
 * The insights tests' world: the fake Graph API on a fixed clock with the sandbox page's month
 * (posts, comments, daily insights), a workspace on UTC whose page token the fake issued, the page's
 * posts recorded as Tawasul publications (some per language, some in campaigns), and the figures the
 * fake holds — what every expected number is computed from.
 */
import { eq } from 'drizzle-orm';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { socialChannels, socialPosts, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { FakeGraphApi } from '../fakes/graph-api/index.js';
import type { FakePost } from '../fakes/graph-api/state.js';
import { createPostsFixture, type PostsFixture } from './social-posts-fixture.js';

export const PAGE = '20001';
export const DAY_MS = 86_400_000;

export interface InsightsFixture extends PostsFixture {
  fake: FakeGraphApi;
  token: string;
  /** The fixed "now" of the fake and of every sync. */
  now: Date;
  /** Today's date (UTC, the workspace's zone). */
  today: string;
  day(offset: number): string;
  stop(): Promise<void>;
}

export async function createInsightsFixture(options: { days?: number } = {}): Promise<InsightsFixture> {
  const now = new Date();
  const fake = await new FakeGraphApi({ now: () => now.getTime() }).start();
  fake.seed(PAGE, { days: options.days ?? 30 });
  const token = fake.issuePageToken(PAGE);
  const f = await createPostsFixture({
    timeZone: 'UTC',
    channelToken: token,
    env: { FACEBOOK_GRAPH_URL: fake.url, FACEBOOK_DIALOG_URL: fake.url, FACEBOOK_APP_ID: fake.appId, FACEBOOK_APP_SECRET: fake.appSecret },
  });
  const today = now.toISOString().slice(0, 10);
  return {
    ...f,
    fake,
    token,
    now,
    today,
    day: (offset) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * DAY_MS).toISOString().slice(0, 10),
    async stop() {
      await f.t.close();
      await fake.stop();
    },
  };
}

export async function makeCampaign(f: InsightsFixture, fr: string, ar: string): Promise<string> {
  const [row] = await f.t.platform.database.db
    .insert(campaigns)
    .values({ workspaceId: f.workspaceId, title: localized({ fr, ar }, 'reviewed'), goalDate: f.day(30) })
    .returning({ id: campaigns.id });
  return row?.id ?? '';
}

/** How one Tawasul post maps to the page's posts: together (one), or per language (one per language). */
export interface RecordedPost {
  mode: 'together' | 'per_language';
  /** The page's posts: one for together, one per language (in `languages` order) for per_language. */
  remote: FakePost[];
  languages: Array<'ar' | 'fr'>;
  campaignId?: string | null;
}

/** Records a post and its publications as the publisher would have, on the page's existing posts. */
export async function recordPost(f: InsightsFixture, spec: RecordedPost): Promise<{ postId: string; publicationIds: string[] }> {
  const db = f.t.platform.database.db;
  const first = spec.remote[0] as FakePost;
  const texts = Object.fromEntries(
    spec.languages.map((language) => [language, `${language === 'ar' ? 'منشور' : 'Publication'} ${first.id}`]),
  );
  const [post] = await db
    .insert(socialPosts)
    .values({
      workspaceId: f.workspaceId,
      channelId: f.channelId,
      campaignId: spec.campaignId ?? null,
      languageMode: spec.mode,
      text: localized(texts, 'reviewed'),
      status: 'published',
      scheduledAt: new Date(first.createdTime),
      publishedAt: new Date(first.createdTime),
    })
    .returning({ id: socialPosts.id });
  const postId = post?.id ?? '';
  const targets = spec.mode === 'together' ? ['together'] : spec.languages;
  const publicationIds: string[] = [];
  for (const [index, target] of targets.entries()) {
    const remote = spec.remote[index] as FakePost;
    // The page shows what went out: one language for a per-language publication.
    if (target !== 'together') remote.message = texts[target] ?? remote.message;
    const [row] = await db
      .insert(socialPublications)
      .values({
        workspaceId: f.workspaceId,
        postId,
        channelId: f.channelId,
        target,
        idempotencyKey: `${postId}:${target}`,
        state: 'published',
        attempts: 1,
        message: remote.message,
        fingerprint: `fingerprint-${remote.id}`,
        externalPostId: remote.id,
        publishedAt: new Date(remote.createdTime),
      })
      .returning({ id: socialPublications.id });
    publicationIds.push(row?.id ?? '');
  }
  return { postId, publicationIds };
}

/** A post's lifetime figures as the fake holds them, under Tawasul's names. */
export function fakePostValues(f: InsightsFixture, post: FakePost): Record<string, number> {
  const sum = (value: unknown) =>
    typeof value === 'number' ? value : Object.values((value ?? {}) as Record<string, number>).reduce((total, item) => total + item, 0);
  const clicks = (post.insights.post_clicks_by_type ?? {}) as Record<string, number>;
  return {
    reach: Number(post.insights.post_total_media_view_unique ?? 0),
    impressions: Number(post.insights.post_media_view ?? 0),
    reactions: sum(post.insights.post_reactions_by_type_total),
    link_clicks: clicks['link clicks'] ?? 0,
    shares: post.shares,
    comments: f.fake.state.comments.filter((comment) => comment.postId === post.id).length,
  };
}

/** A page figure of one day as the fake holds it, under Tawasul's names (undefined when it has none). */
export function fakePageValue(f: InsightsFixture, metric: string, day: string): number | undefined {
  const names: Record<string, string> = {
    followers: 'page_follows',
    reach: 'page_total_media_view_unique',
    impressions: 'page_media_view',
    reactions: 'page_actions_post_reactions_total',
  };
  const value = f.fake.state.insights[PAGE]?.[names[metric] ?? '']?.[day];
  if (value === undefined) return undefined;
  return typeof value === 'number' ? value : Object.values(value).reduce((total, item) => total + item, 0);
}

/** The page's seeded posts published on or after `day` (UTC), oldest first. */
export function remotePostsSince(f: InsightsFixture, day: string): FakePost[] {
  return f.fake
    .postsOf(PAGE)
    .filter((post) => post.createdTime >= Date.parse(`${day}T00:00:00Z`))
    .sort((a, b) => a.createdTime - b.createdTime);
}

export async function channelRow(f: InsightsFixture) {
  const [row] = await f.t.platform.database.db.select().from(socialChannels).where(eq(socialChannels.id, f.channelId));
  return row;
}
