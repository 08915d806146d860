/**
 * newsletter.segment_count: 100,000 subscribers on PGlite (in memory), all confirmed on the letter,
 * a third of them also on a second list, one in twenty unsubscribed; languages, countries and tags
 * spread evenly. Times, as the composer asks it, the audience of the letter restricted to the demo's
 * segment "Arabophones du Maroc et de Tunisie" (language includes ar AND country in MA, TN), then a
 * wider "any" segment over both lists, and the segment alone (the builder's live count). Each figure
 * is the median of 20 warm runs, after `VACUUM ANALYZE` (PGlite has no autovacuum).
 */
import { countAudience, countSegment } from '../src/server/modules/newsletter/audience.js';
import { seedConfirmedSubscribers } from '../src/server/modules/newsletter/newsletter.seed.js';
import { migrateDatabase, openPglite } from '../src/server/platform/db/database.js';
import type { SegmentFilter } from '../src/shared/newsletter/newsletter.schema.js';
import { timeSerial } from './load.js';
import { note, percentile, printFigure } from './report.js';
import type { Scenario } from './run.js';

const SUBSCRIBERS = 100_000;

const ARABIC_MAGHREB: SegmentFilter = {
  match: 'all',
  conditions: [
    { field: 'language', op: 'includes', value: 'ar' },
    { field: 'country', op: 'in', values: ['MA', 'TN'] },
  ],
};

const WIDE_ANY: SegmentFilter = {
  match: 'any',
  conditions: [
    { field: 'tag', op: 'has', value: 't3' },
    { field: 'country', op: 'in', values: ['DZ'] },
    { field: 'language', op: 'excludes', value: 'fr' },
  ],
};

export const newsletterSegmentScenario: Scenario = {
  name: 'newsletter.segment_count',
  figures: ['newsletter.segment_count.ms', 'newsletter.segment_count.any_two_lists_ms', 'newsletter.segment_count.segment_only_ms'],
  async run() {
    const database = await openPglite();
    try {
      await migrateDatabase(database);
      const sql = database.executeSql;
      const { rows } = await sql(
        `insert into workspace (slug, name, content_languages) values ('bench-segment', '{}'::jsonb, ARRAY['ar','fr']) returning id`,
      );
      const workspaceId = String(rows[0]?.id);
      const lists = await sql(`insert into mailing_list (workspace_id, name) values ($1, '{}'::jsonb), ($1, '{}'::jsonb) returning id`, [
        workspaceId,
      ]);
      const [letter, partners] = lists.rows.map((row) => String(row.id)) as [string, string];
      note(`seeding ${SUBSCRIBERS} subscribers`);
      const seedStarted = performance.now();
      await seedConfirmedSubscribers(database.db, { workspaceId, listIds: [letter], count: SUBSCRIBERS });
      await sql(
        `insert into list_subscription (list_id, subscriber_id, status) select $1, id, 'confirmed' from subscriber where workspace_id = $2 and random() < 0.33`,
        [partners, workspaceId],
      );
      await sql(`update subscriber set status = 'unsubscribed' where workspace_id = $1 and random() < 0.05`, [workspaceId]);
      await sql('vacuum analyze');
      note(`seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
      const db = database.db;
      const runs: Array<[string, () => Promise<number>]> = [
        ['ms', () => countAudience(db, { workspaceId, listIds: [letter], segmentFilter: ARABIC_MAGHREB })],
        ['any_two_lists_ms', () => countAudience(db, { workspaceId, listIds: [letter, partners], segmentFilter: WIDE_ANY })],
        ['segment_only_ms', () => countSegment(db, workspaceId, ARABIC_MAGHREB)],
      ];
      for (const [measure, run] of runs) {
        note(`${measure}: ${await run()} subscribers`);
        printFigure(`newsletter.segment_count.${measure}`, percentile(await timeSerial(run, 20, 3), 50), 'ms');
      }
    } finally {
      await database.close();
    }
  },
};
