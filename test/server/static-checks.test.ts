/** The house rules are part of the test suite, so main cannot go green with a type error or a lint offence. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// The whole program type-checks in about a minute of CPU; on two cores shared with other work it
// took six minutes of wall time.
const CHECK_TIME_LIMIT = 600_000;

function run(args: string[]) {
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: CHECK_TIME_LIMIT });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('static checks', () => {
  it(
    'type-checks',
    () => {
      const result = run(['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']);
      expect(result.output.trim().split('\n').slice(0, 20).join('\n')).not.toMatch(/error TS/);
      expect(result.status).toBe(0);
    },
    CHECK_TIME_LIMIT,
  );

  it(
    'passes Biome',
    () => {
      const result = run(['node_modules/@biomejs/biome/bin/biome', 'ci', '--reporter=summary', '.']);
      expect(result.status, result.output.slice(-3000)).toBe(0);
    },
    CHECK_TIME_LIMIT,
  );

  it('reads configuration in one file and uses logical CSS only', () => {
    const result = run(['scripts/check-style.mjs']);
    expect(result.status, result.output).toBe(0);
  });
});
