// `npm test`: the whole suite. Unit, integration (PGlite), web and end-to-end tests run once; when
// TEST_DATABASE_URL is set, the database suite runs a second time against that PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { buildWebIfNeeded } from './build-web-if-needed.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

ensureChromium();
buildWebIfNeeded();

const vitest = ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)];
const runs = [{ label: 'PGlite', args: vitest, env: {} }];
if (process.env.TEST_DATABASE_URL) {
  runs.push({ label: 'PostgreSQL', args: [...vitest, '--project', 'server'], env: { TAWASUL_TEST_DB: 'postgresql' } });
}

let failed = false;
for (const run of runs) {
  console.log(`\n=== Tests on ${run.label} ===`);
  const result = spawnSync(process.execPath, run.args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC', ...run.env } });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
