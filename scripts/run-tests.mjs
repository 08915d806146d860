// `npm test`: the whole suite. Unit, integration (PGlite), web and end-to-end tests run once; when
// TEST_DATABASE_URL is set, the database suite runs a second time against that PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

ensureChromium();
buildWebIfNeeded();

const vitest = (report) => [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const runs = [{ label: 'PGlite', report: 'test-results/vitest-pglite.json', projects: [], env: {} }];
if (process.env.TEST_DATABASE_URL) {
  runs.push({
    label: 'PostgreSQL',
    report: 'test-results/vitest-postgresql.json',
    projects: ['--project', 'server', '--exclude', 'test/server/static-checks.test.ts', '--exclude', 'test/server/cli.test.ts'],
    env: { TAWASUL_TEST_DB: 'postgresql' },
  });
}

let failed = false;
let passedCount = 0;
let failedCount = 0;
for (const run of runs) {
  console.log(`\n=== Tests on ${run.label} ===`);
  rmSync(run.report, { force: true });
  const result = spawnSync(process.execPath, [...vitest(run.report), ...run.projects], {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...run.env },
  });
  if (result.status !== 0) failed = true;
  if (existsSync(run.report)) {
    const report = JSON.parse(readFileSync(run.report, 'utf8'));
    passedCount += report.numPassedTests;
    failedCount += report.numFailedTests;
  } else {
    failed = true;
  }
}
// One plain closing line for CI, summed over both database passes.
console.log(`\n${passedCount} passed, ${failedCount} failed`);
process.exit(failed ? 1 : 0);
