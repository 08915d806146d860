/**
 * newsletter.stats: one issue sent to 100,000 subscribers (Arabic, French and bilingual versions, a
 * third opened, a fifth of them clicking one of seven links), beside nine smaller issues, on PGlite
 * in a temporary DATA_DIR. Times the statistics of the big issue (two grouped queries through the
 * issue indexes) and the workspace overview of the last ten issues, each the median of 20 calls.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { newsletterIssues } from '../src/server/modules/newsletter/newsletter.tables.js';
import { clicksByUrlQuery, deliveryFiguresByVariantQuery } from '../src/server/modules/newsletter/stats.repo.js';
import { createStatsService } from '../src/server/modules/newsletter/stats.service.js';
import { parseConfig } from '../src/server/platform/config.js';
import type { ServiceContext } from '../src/server/platform/http/guards.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { workspaces } from '../src/server/platform/platform.tables.js';
import { localized } from '../src/shared/localized-text.js';
import { timeSerial } from './load.js';
import { note, percentile, printFigure } from './report.js';
import type { Scenario } from './run.js';

const RECIPIENTS = 100_000;
const SMALL_ISSUES = 9;
const SMALL_RECIPIENTS = 5_000;

export const newsletterStatsScenario: Scenario = {
  name: 'newsletter.stats',
  figures: ['newsletter.stats.issue_ms', 'newsletter.stats.overview_ms'],
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-stats-'));
    const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SECRET_KEY: randomBytes(32).toString('hex') });
    const platform = await createPlatform(config);
    try {
      const db = platform.database.db;
      const sql = platform.database.executeSql;
      const [workspace] = await db
        .insert(workspaces)
        .values({ slug: 'bench-stats', name: localized({ fr: 'Banc d’essai', ar: 'منصة الاختبار' }), contentLanguages: ['ar', 'fr'] })
        .returning();
      const workspaceId = (workspace as { id: string }).id;
      note(`seeding ${RECIPIENTS} subscribers and deliveries`);
      await sql(
        `insert into subscriber (workspace_id, email, email_normalized)
         select $1, 'reader' || n || '@example.org', 'reader' || n || '@example.org' from generate_series(1, $2::int) as n`,
        [workspaceId, RECIPIENTS],
      );
      const issueIds: string[] = [];
      for (let index = 0; index <= SMALL_ISSUES; index += 1) {
        const [issue] = await db
          .insert(newsletterIssues)
          .values({
            workspaceId,
            subject: localized({ fr: `Numéro ${index}`, ar: `العدد ${index}` }),
            status: 'sent',
            startedAt: new Date(),
          })
          .returning({ id: newsletterIssues.id });
        issueIds.push((issue as { id: string }).id);
      }
      const [bigIssue, ...smallIssues] = issueIds as [string, ...string[]];
      const deliver = (issueId: string, limit: number) =>
        sql(
          `insert into newsletter_delivery (workspace_id, issue_id, subscriber_id, email, variant, state, sent_at, message_id,
             open_count, opened_at, clicked_at, click_count, bounce_type, unsubscribed_at)
           select $1, $2, s.id, s.email, (array['ar', 'fr', 'bilingual'])[1 + n % 3], 'sent', now(), '<' || s.id || '@bench>',
             case when n % 3 = 0 then 1 + n % 4 else 0 end, case when n % 3 = 0 then now() end, case when n % 5 = 0 then now() end,
             case when n % 5 = 0 then 1 else 0 end, case when n % 97 = 0 then 'soft' when n % 89 = 0 then 'hard' end, case when n % 211 = 0 then now() end
           from (select id, email, row_number() over (order by id) as n from subscriber where workspace_id = $1 limit $3) as s`,
          [workspaceId, issueId, limit],
        );
      await deliver(bigIssue, RECIPIENTS);
      for (const issueId of smallIssues) await deliver(issueId, SMALL_RECIPIENTS);
      await sql(
        `insert into newsletter_click (issue_id, delivery_id, url)
         select issue_id, id, 'https://altermed.example/article-' || (id % 7) from newsletter_delivery where clicked_at is not null`,
      );
      await sql('vacuum analyze newsletter_delivery');
      await sql('vacuum analyze newsletter_click');
      for (const query of [deliveryFiguresByVariantQuery(db, bigIssue), clicksByUrlQuery(db, bigIssue, 100)]) {
        const { sql: text, params } = query.toSQL();
        const { rows } = await sql(`explain ${text}`, params);
        note(rows.map((row) => String(Object.values(row)[0])).join('\n'));
      }

      const ctx: ServiceContext = {
        actor: { user: { id: randomUUID(), name: 'Bench', email: 'bench@example.org', locale: 'fr' }, sessionId: 'bench' },
        membership: { workspaceId, role: 'admin' },
      };
      const service = createStatsService(platform);
      const stats = await service.issueStats(ctx, bigIssue);
      note(`big issue: ${stats.total.recipients} recipients, ${stats.total.opens.unique} opened, ${stats.total.clicks.total} clicks`);
      printFigure('newsletter.stats.issue_ms', percentile(await timeSerial(() => service.issueStats(ctx, bigIssue), 20, 3), 50), 'ms');
      printFigure('newsletter.stats.overview_ms', percentile(await timeSerial(() => service.overview(ctx), 20, 3), 50), 'ms');
    } finally {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
