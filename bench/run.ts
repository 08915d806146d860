/**
 * Entry of `npm run bench`: runs every scenario, or those whose name or figure names start with the
 * prefix given as first argument. Never part of `npm test`: figures depend on the machine.
 */
import { publicHomeSizeScenario, webAppSizeScenario } from './bundle-size.bench.js';
import { newsletterImportScenario } from './newsletter-import.bench.js';
import { newsletterSegmentScenario } from './newsletter-segment.bench.js';
import { newsletterSendScenario } from './newsletter-send.bench.js';
import { newsletterStatsScenario } from './newsletter-stats.bench.js';
import { orgListScenario } from './org-list.bench.js';
import { note } from './report.js';
import { socialInsightsScenario } from './social-insights.bench.js';
import { studioScenario } from './studio.bench.js';

export interface Scenario {
  name: string;
  /** Names of the figures it prints, so a prefix can select a scenario by one of its figures. */
  figures: string[];
  run(): Promise<void>;
}

const SCENARIOS: Scenario[] = [
  orgListScenario,
  webAppSizeScenario,
  publicHomeSizeScenario,
  newsletterSegmentScenario,
  newsletterImportScenario,
  newsletterSendScenario,
  newsletterStatsScenario,
  studioScenario,
  socialInsightsScenario,
];

const prefix = process.argv[2] ?? '';
const selected = SCENARIOS.filter(
  (scenario) => scenario.name.startsWith(prefix) || scenario.figures.some((figure) => figure.startsWith(prefix)),
);
if (selected.length === 0) {
  note(`no scenario matches "${prefix}"; known: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`);
  process.exit(1);
}

let failed = 0;
for (const scenario of selected) {
  const started = performance.now();
  note(`${scenario.name}…`);
  try {
    await scenario.run();
    note(`${scenario.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed += 1;
    note(`${scenario.name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
// pg-boss and PGlite may keep timers alive after close; the figures are out, so leave now.
process.exit(failed > 0 ? 1 : 0);
