/**
 * newsletter.import: 100,000 generated subscriber rows (Arabic and French names, a Mailchimp-style
 * header, semicolons, one list) uploaded, previewed and started through the import service, then
 * imported by the real job (`newsletter.import-subscribers`, driven by the job queue's `tick`) on
 * PGlite in a temporary DATA_DIR. Rows per second from the job's start to the import marked done.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MODULE_JOBS } from '../src/server/module-jobs.js';
import { createImportService } from '../src/server/modules/newsletter/import/import.service.js';
import { mailingLists } from '../src/server/modules/newsletter/newsletter.tables.js';
import { createAccount } from '../src/server/platform/auth/accounts.js';
import { parseConfig } from '../src/server/platform/config.js';
import type { ServiceContext } from '../src/server/platform/http/guards.js';
import { createPlatform } from '../src/server/platform/platform.js';
import { memberships, workspaces } from '../src/server/platform/platform.tables.js';
import { localized } from '../src/shared/localized-text.js';
import type { ImportMapping } from '../src/shared/newsletter/import-api.schema.js';
import { note, printFigure } from './report.js';
import type { Scenario } from './run.js';

const ROWS = 100_000;
const FIRST_NAMES = ['محمد', 'فاطمة الزهراء', 'Yasmine', 'Hélène', 'يوسف', 'Amine', 'خديجة', 'François', 'Leïla', 'عبد الله'];
const LAST_NAMES = ['بن علي', 'Lefèvre', 'الإدريسي', 'Trabelsi', 'Ménard', 'حداد', 'Benali', 'العمراني', 'Chérif'];
const COUNTRIES = ['MA', 'TN', 'DZ', 'FR'];

/** The file: `Email Address;First Name;Last Name;CC;TAGS`, one row per person. */
export function generateSubscriberFile(rows: number): Buffer {
  const lines = ['Email Address;First Name;Last Name;CC;TAGS'];
  for (let index = 0; index < rows; index += 1) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length];
    const last = LAST_NAMES[(index * 7) % LAST_NAMES.length];
    lines.push(`person${index}@example.org;${first};${last};${COUNTRIES[index % 4]};${index % 3 === 0 ? 'forum 2026' : ''}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

export const newsletterImportScenario: Scenario = {
  name: 'newsletter.import',
  figures: ['newsletter.import.rows_per_s'],
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-import-'));
    const config = parseConfig({
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      SECRET_KEY: randomBytes(32).toString('hex'),
      // Optional: the same scenario on a PostgreSQL server (a scratch database: it gets 100,000 subscribers).
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
    });
    const platform = await createPlatform(config, { moduleJobs: MODULE_JOBS });
    try {
      const db = platform.database.db;
      const [workspace] = await db
        .insert(workspaces)
        .values({ slug: 'bench-import', name: localized({ fr: 'Banc d’essai', ar: 'منصة الاختبار' }), contentLanguages: ['ar', 'fr'] })
        .returning();
      const workspaceId = (workspace as { id: string }).id;
      const email = 'officer@bench.test';
      const userId = await createAccount(platform.auth, { email, name: 'Bench officer', password: 'bench-password-2026', locale: 'fr' });
      await db.insert(memberships).values({ workspaceId, userId, role: 'officer' });
      const [list] = await db
        .insert(mailingLists)
        .values({ workspaceId, name: localized({ fr: 'Lettre', ar: 'النشرة' }) })
        .returning({ id: mailingLists.id });
      const ctx: ServiceContext = {
        actor: { user: { id: userId, name: 'Bench officer', email, locale: 'fr' }, sessionId: 'bench' },
        membership: { workspaceId, role: 'officer' },
      };

      const service = createImportService(platform);
      const bytes = generateSubscriberFile(ROWS);
      note(`file: ${ROWS} rows, ${(bytes.byteLength / 1048576).toFixed(1)} MB`);
      const uploaded = await service.upload(ctx, { fileName: 'bench.csv', bytes });
      const preview = await service.preview(ctx, uploaded.id, {});
      await service.start(ctx, uploaded.id, {
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        mapping: preview.suggestedMapping as ImportMapping,
        listIds: [(list as { id: string }).id],
        consentText: 'Consentement recueilli lors du forum · موافقة جُمعت خلال المنتدى',
      });
      note(
        `load average before the job: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(', ')}`,
      );
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      while ((await platform.jobs.tick()) > 0) {
        // the import job, then nothing
      }
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      // On a busy machine the wall time counts other processes' turns; the CPU time says what an idle one would see.
      note(`process CPU time during the job: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
      const done = await service.get(ctx, uploaded.id);
      if (done.status !== 'done' || done.createdCount !== ROWS)
        throw new Error(`import ended ${done.status} with ${done.createdCount} rows`);
      note(`imported ${done.createdCount} rows in ${seconds.toFixed(1)} s (database: ${platform.database.driver})`);
      note(
        `load average after: ${loadavg()
          .map((value) => value.toFixed(2))
          .join(', ')}`,
      );
      printFigure('newsletter.import.rows_per_s', ROWS / seconds, 'rows/s');
    } finally {
      await platform.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
