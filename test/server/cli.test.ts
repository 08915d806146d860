/** The `tawasul` command line, run as a real process on a fresh embedded database. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/platform/db/database.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'tawasul-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function tawasul(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/tawasul.mjs', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tawasul CLI', () => {
  it('lists its commands', () => {
    const result = tawasul('--help');
    expect(result.status).toBe(0);
    for (const command of ['start', 'worker', 'migrate', 'seed-demo', 'user']) expect(result.stdout).toContain(command);
  });

  it('migrates, seeds the demo once, and creates a user', async () => {
    expect(tawasul('migrate').status).toBe(0);
    const first = tawasul('seed-demo');
    expect(first.stdout).toContain('Demo workspace created');
    expect(tawasul('seed-demo').stdout).toContain('already present');
    const created = tawasul(
      'user',
      'create',
      '--email',
      'hind@example.test',
      '--name',
      'هند',
      '--password',
      'hind-password-1',
      '--role',
      'reviewer',
    );
    expect(created.status, created.stderr).toBe(0);
    const database = await openPglite({ dir: path.join(dataDir, 'pglite') });
    try {
      const { rows } = await database.executeSql(
        `select w.slug, m.role, u.name from membership m join "user" u on u.id = m.user_id join workspace w on w.id = m.workspace_id where u.email = 'hind@example.test'`,
      );
      expect(rows).toEqual([{ slug: 'altermed', role: 'reviewer', name: 'هند' }]);
      const organisations = await database.executeSql('select count(*)::int as n from organisation');
      expect(organisations.rows[0]?.n).toBe(10);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('refuses bad arguments with a clear message', () => {
    const result = tawasul('user', 'create', '--email', 'not-an-email', '--name', 'x', '--password', 'short');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('email');
    expect(result.stderr).toContain('password');
  });
});
