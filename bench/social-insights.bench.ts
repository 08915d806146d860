/**
 * social.insights: a year of a workspace's insights on PGlite in a temporary DATA_DIR — three pages,
 * four daily page figures each (4,380 rows), two posts a day per page (a third of them one per
 * language, most in one of ten campaigns), each publication read on 28 days for six metrics
 * (about 430,000 post figure rows), beside another workspace of the same size. Times what the
 * insights page asks for a 90-day period (the overview with the 90 days before, per campaign, per
 * language, top posts), each the median of 20 calls, and prints the plans of the two main reads (a
 * period's page days; a period's publications, each latest figure one backward probe of its index).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { periodPublicationsQuery } from '../src/server/modules/social/insights.repo.js';
import { createInsightsService } from '../src/server/modules/social/insights.service.js';
import { parseConfig } from '../src/server/platform/config.js';
import type { ServiceContext } from '../src/server/platform/http/guards.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { workspaces } from '../src/server/platform/platform.tables.js';
import { localized } from '../src/shared/localized-text.js';
import { timeSerial } from './load.js';
import { note, percentile, printFigure } from './report.js';
import type { Scenario } from './run.js';

const DAYS = 365;
const PAGES = 3;
const POSTS_PER_DAY = 2;
const CAMPAIGNS = 10;

/** One workspace's year: its pages, campaigns, posts, publications and figures, all written by SQL. */
async function seedYear(platform: Awaited<ReturnType<typeof createPlatform>>, slug: string): Promise<string> {
  const db = platform.database.db;
  const sql = platform.database.executeSql;
  const [workspace] = await db
    .insert(workspaces)
    .values({ slug, name: localized({ fr: 'Banc d’essai', ar: 'منصة الاختبار' }), contentLanguages: ['ar', 'fr'], timeZone: 'UTC' })
    .returning();
  const workspaceId = (workspace as { id: string }).id;
  await sql(
    `insert into social_channel (workspace_id, network, external_id, name, access_token_sealed)
     select $1, 'facebook', $2 || n, 'Page ' || n, 'sealed' from generate_series(1, $3::int) as n`,
    [workspaceId, slug, PAGES],
  );
  await sql(
    `insert into campaign (workspace_id, title, goal_date)
     select $1, jsonb_build_object('fr', jsonb_build_object('value', 'Campagne ' || n, 'status', 'reviewed')), current_date
     from generate_series(1, $2::int) as n`,
    [workspaceId, CAMPAIGNS],
  );
  await sql(
    `insert into social_page_metric (workspace_id, channel_id, day, metric, value)
     select $1, c.id, current_date - d, m, 500 + (d * 7 + length(m) * 13) % 2000
     from social_channel c, generate_series(1, $2::int) as d, unnest(array['followers', 'reach', 'impressions', 'reactions']) as m
     where c.workspace_id = $1`,
    [workspaceId, DAYS],
  );
  // Posts: every third one per language, four in five in a campaign.
  await sql(
    `insert into social_post (workspace_id, channel_id, campaign_id, text, language_mode, status, published_at)
     select $1, c.id,
       case when n % 5 = 0 then null else (select id from campaign where workspace_id = $1 order by id offset (n % $3) limit 1) end,
       '{"ar": {"value": "منشور", "status": "reviewed"}, "fr": {"value": "Publication", "status": "reviewed"}}'::jsonb,
       case when n % 3 = 0 then 'per_language' else 'together' end, 'published',
       now() - (n / $4) * interval '1 day' - (n % $4) * interval '5 hours'
     from social_channel c, generate_series(1, $2::int) as n
     where c.workspace_id = $1`,
    [workspaceId, DAYS * POSTS_PER_DAY, CAMPAIGNS, POSTS_PER_DAY],
  );
  await sql(
    `insert into social_publication (workspace_id, post_id, channel_id, target, idempotency_key, state, message, fingerprint,
       external_post_id, published_at)
     select p.workspace_id, p.id, p.channel_id, t.target, p.id || ':' || t.target, 'published', 'Publication', 'f',
       p.id || '_' || t.target, p.published_at
     from social_post p
     cross join lateral (select unnest(case when p.language_mode = 'per_language' then array['ar', 'fr'] else array['together'] end)) as t(target)
     where p.workspace_id = $1`,
    [workspaceId],
  );
  await sql(
    `insert into social_post_metric (workspace_id, publication_id, captured_on, metric, value)
     select pub.workspace_id, pub.id, pub.published_at::date + d, m, 10 * d + length(m)
     from social_publication pub, generate_series(0, 27) as d,
       unnest(array['reach', 'impressions', 'reactions', 'comments', 'shares', 'link_clicks']) as m
     where pub.workspace_id = $1 and pub.published_at::date + d < current_date`,
    [workspaceId],
  );
  return workspaceId;
}

export const socialInsightsScenario: Scenario = {
  name: 'social.insights',
  figures: ['overview_ms', 'campaigns_ms', 'languages_ms', 'top_posts_ms'].map((measure) => `social.insights.${measure}`),
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-insights-'));
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SECRET_KEY: randomBytes(32).toString('hex') });
    const platform = await createPlatform(config);
    try {
      const sql = platform.database.executeSql;
      note('seeding a year of insights for two workspaces');
      const workspaceId = await seedYear(platform, 'bench-insights');
      await seedYear(platform, 'bench-insights-other');
      for (const table of ['social_page_metric', 'social_post_metric', 'social_publication', 'social_post'])
        await sql(`vacuum analyze ${table}`);
      const counts = await sql(
        `select (select count(*) from social_page_metric) as page, (select count(*) from social_post_metric) as post,
           (select count(*) from social_publication) as publications`,
      );
      note(`rows: ${JSON.stringify(counts.rows[0])}`);

      const ctx: ServiceContext = {
        actor: { user: { id: randomUUID(), name: 'Bench', email: 'bench@example.org', locale: 'fr' }, sessionId: 'bench' },
        membership: { workspaceId, role: 'viewer' },
      };
      const insights = createInsightsService(platform);
      const query = { days: 90 };
      const overview = await insights.overview(ctx, query);
      note(
        `overview: ${overview.publications} publications in 90 days, reach ${overview.metrics.find((m) => m.metric === 'reach')?.total}`,
      );
      const pageDays = `select day, metric, sum(value) from social_page_metric
        where workspace_id = $1 and day between current_date - 180 and current_date - 1 group by day, metric`;
      const publications = periodPublicationsQuery(platform.database.db, {
        workspaceId,
        start: new Date(Date.now() - 90 * 86_400_000),
        end: new Date(),
      }).toSQL();
      for (const [text, params] of [
        [pageDays, [workspaceId]],
        [publications.sql, publications.params],
      ] as const) {
        const { rows } = await sql(`explain ${text}`, [...params]);
        note(rows.map((row) => String(Object.values(row)[0])).join('\n'));
      }
      const time = async (name: string, run: () => Promise<unknown>) =>
        printFigure(`social.insights.${name}`, percentile(await timeSerial(run, 20, 3), 50), 'ms');
      await time('overview_ms', () => insights.overview(ctx, query));
      await time('campaigns_ms', () => insights.campaigns(ctx, query));
      await time('languages_ms', () => insights.languages(ctx, query));
      await time('top_posts_ms', () => insights.topPosts(ctx, { ...query, sort: 'reach', limit: 10 }));
    } finally {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
