/**
 * platform.org_list: a real server on 127.0.0.1 over PGlite in a temporary DATA_DIR, 10,000 bilingual
 * organisations, one signed-in viewer, 50 concurrent clients reading the first page of the list (one
 * in five with an Arabic search). Then, to show where the time goes, each part of one request is timed
 * alone on the idle server: the session lookup, the page query, the count query, the search query.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq, isNull } from 'drizzle-orm';
import { organisations } from '../src/server/modules/directory/directory.tables.js';
import { organisationPageQuery } from '../src/server/modules/directory/organisations.repo.js';
import { parseConfig } from '../src/server/platform/config.js';
import { countUpToCap } from '../src/server/platform/db/pagination.js';
import { startServer } from '../src/server/server.js';
import { runHttpLoad } from './http-load.js';
import { timeSerial } from './load.js';
import { note, percentile, printFigure } from './report.js';
import type { Scenario } from './run.js';
import { seedBenchWorkspace } from './seed-organisations.js';

const ORGANISATIONS = 10_000;
const CONCURRENCY = 50;
const REQUESTS = 2_000;
/** Arabic searches typed with other letter forms (ه for ة, ا for أ) and no diacritics, as people type them. */
const SEARCHES = ['جمعيه', 'تعاونيه النساء', 'الاقتصاد التضامني', 'اتحاد الشباب', 'بالرباط 12'];

/** A free port, so PUBLIC_URL (the CSRF origin) can name the real origin before the server starts. */
async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

export const orgListScenario: Scenario = {
  name: 'platform.org_list',
  figures: [
    'p50_ms',
    'p95_ms',
    'req_s',
    'server_busy_pct',
    'p95_ms_10_clients',
    'serial_p50_ms',
    'session_ms',
    'membership_ms',
    'page_query_ms',
    'count_query_ms',
    'search_query_ms',
  ].map((measure) => `platform.org_list.${measure}`),
  async run() {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-bench-'));
    const port = await findFreePort();
    const origin = `http://127.0.0.1:${port}`;
    const config = parseConfig({
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: origin,
      LOG_LEVEL: 'silent',
      // Optional: the same scenario on a PostgreSQL server (a scratch database: it gets a workspace of 10,000 rows).
      DATABASE_URL: process.env.BENCH_DATABASE_URL,
      SECRET_KEY: randomBytes(32).toString('hex'),
    });
    const server = await startServer(config, { log: () => {} });
    try {
      const seedStart = performance.now();
      const { workspaceId, email, password } = await seedBenchWorkspace(server.platform, ORGANISATIONS);
      note(`database: ${server.platform.database.driver}`);
      note(`seeded ${ORGANISATIONS} organisations + VACUUM ANALYZE in ${Math.round(performance.now() - seedStart)} ms`);
      const cookie = await signIn(origin, email, password);
      const listUrl = `${origin}/api/workspaces/${workspaceId}/organisations`;
      const urlOf = (index: number) =>
        index % 5 === 4 ? `${listUrl}?q=${encodeURIComponent(SEARCHES[index % SEARCHES.length] ?? '')}` : listUrl;
      const urls = (total: number) => Array.from({ length: total }, (_, index) => urlOf(index));
      const headers = { cookie };

      await runHttpLoad({ urls: urls(100), headers, concurrency: 10 });
      const busyBefore = performance.eventLoopUtilization();
      const load = await runHttpLoad({ urls: urls(REQUESTS), headers, concurrency: CONCURRENCY });
      // How busy the server's thread was: near 100 % means the server is the limit, lower means the clients are.
      const busy = performance.eventLoopUtilization(busyBefore);
      if (load.failures.length > 0) {
        note(`${load.failures.length} of ${REQUESTS} requests failed, first: ${JSON.stringify(load.failures[0])}`);
        throw new Error('requests failed: figures would be false');
      }
      printFigure('platform.org_list.p50_ms', percentile(load.latenciesMs, 50), 'ms');
      printFigure('platform.org_list.p95_ms', percentile(load.latenciesMs, 95), 'ms');
      printFigure('platform.org_list.req_s', (REQUESTS / load.elapsedMs) * 1000, 'req/s');
      printFigure('platform.org_list.server_busy_pct', busy.utilization * 100, '%');
      const fewer = await runHttpLoad({ urls: urls(REQUESTS / 2), headers, concurrency: 10 });
      printFigure('platform.org_list.p95_ms_10_clients', percentile(fewer.latenciesMs, 95), 'ms');

      // Where one request's time goes, each part alone on the idle server (medians).
      const serial = await runHttpLoad({ urls: urls(200), headers, concurrency: 1 });
      printFigure('platform.org_list.serial_p50_ms', percentile(serial.latenciesMs, 50), 'ms');
      const { auth, database } = server.platform;
      const db = database.db;
      const parts: Array<[string, () => Promise<unknown>]> = [
        ['session_ms', () => auth.api.getSession({ headers: new Headers({ cookie }) })],
        ['membership_ms', () => database.executeSql('select role from membership where workspace_id = $1 limit 1', [workspaceId])],
        ['page_query_ms', () => organisationPageQuery(db, workspaceId, { archived: 'false', limit: 25 })],
        [
          'count_query_ms',
          () => countUpToCap(db, organisations, and(eq(organisations.workspaceId, workspaceId), isNull(organisations.archivedAt))),
        ],
        ['search_query_ms', () => organisationPageQuery(db, workspaceId, { archived: 'false', limit: 25, q: 'تعاونيه النساء' })],
      ];
      for (const [measure, run] of parts) printFigure(`platform.org_list.${measure}`, percentile(await timeSerial(run), 50), 'ms');
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
};
