/**
 * The demo's insights: after the demo's posts are recorded from the sandbox page, the insights seed
 * links the page's past posts to their campaigns and reads the page's month through the real sync —
 * thirty days of page figures, every past post's figures, charts per campaign — once only.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSocialInsightsDemo } from '../../src/server/modules/social/insights.seed.js';
import { seedSocialPostsDemo } from '../../src/server/modules/social/social.seed.js';
import { socialChannels, socialPageMetrics, socialPostMetrics, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { createInsightsFixture, type InsightsFixture, makeCampaign, PAGE } from '../helpers/social-insights-fixture.js';

let f: InsightsFixture;
let sfax = '';
let press = '';

beforeAll(async () => {
  f = await createInsightsFixture({ days: 30 });
  await f.t.platform.database.db.update(socialChannels).set({ sandbox: true }).where(eq(socialChannels.id, f.channelId));
  sfax = await makeCampaign(
    f,
    'Forum méditerranéen de l’entrepreneuriat collectif — Sfax',
    'المنتدى المتوسطي لريادة الأعمال الجماعية — صفاقس',
  );
  press = await makeCampaign(f, 'Conférence de presse de clôture du projet AlterMed', 'الندوة الصحفية الختامية لمشروع ألترميد');
  expect(await seedSocialPostsDemo(f.t.platform, f.workspaceId, f.channelId, f.now)).toBeGreaterThan(0);
});
afterAll(() => f.stop());

describe('the demo’s insights', () => {
  it('reads the sandbox page’s month, every past post’s figures, and fills the campaign chart, once', async () => {
    const report = await seedSocialInsightsDemo(f.t.platform, f.workspaceId, f.now);
    expect(report?.outcome).toBe('done');
    const db = f.t.platform.database.db;
    const days = await db
      .selectDistinct({ day: socialPageMetrics.day })
      .from(socialPageMetrics)
      .where(eq(socialPageMetrics.channelId, f.channelId));
    expect(days.map((row) => row.day).sort()).toEqual(Array.from({ length: 30 }, (_, index) => f.day(index - 30)));

    const onPage = f.fake.postsOf(PAGE).filter((post) => post.createdTime < f.now.getTime());
    const read = await db
      .selectDistinct({ id: socialPostMetrics.publicationId })
      .from(socialPostMetrics)
      .innerJoin(socialPublications, eq(socialPublications.id, socialPostMetrics.publicationId))
      .where(and(eq(socialPublications.channelId, f.channelId), isNotNull(socialPublications.externalPostId)));
    expect(read).toHaveLength(onPage.length);
    expect(report?.posts).toBe(onPage.length);

    const response = await f.t.request(f.viewer, {
      method: 'GET',
      url: `/api/workspaces/${f.workspaceId}/social/insights/campaigns?from=${f.day(-30)}&to=${f.day(-1)}`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as Array<{ campaignId: string | null; publications: number; values: { reach?: number } }>;
    for (const campaignId of [sfax, press]) {
      const item = items.find((entry) => entry.campaignId === campaignId);
      expect(item?.publications, campaignId).toBeGreaterThan(0);
      expect(item?.values.reach).toBeGreaterThan(0);
    }
    expect(await seedSocialInsightsDemo(f.t.platform, f.workspaceId, f.now)).toBeUndefined();
  });
});
