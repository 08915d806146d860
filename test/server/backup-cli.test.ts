/** `tawasul backup` and `tawasul restore` as real processes on embedded databases in two data folders. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/server/platform/db/database.js';
import { testDriver } from '../helpers/test-database.js';

const folder = mkdtempSync(path.join(tmpdir(), 'tawasul-backup-cli-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function tawasul(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/tawasul.mjs', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', LOG_LEVEL: 'silent' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// The commands run on the embedded database; the PostgreSQL pass covers backup.test.ts instead.
describe.runIf(testDriver() === 'pglite')('tawasul backup / restore', () => {
  it('backs up one data folder and restores it into another, refusing to overwrite without --yes', async () => {
    const source = path.join(folder, 'source');
    const target = path.join(folder, 'target');
    const archive = path.join(folder, 'nightly.tar.gz');
    const created = tawasul(source, 'user', 'create', '--email', 'hind@example.test', '--name', 'هند', '--password', 'hind-password-1');
    expect(created.status, created.stderr).toBe(0);

    const backup = tawasul(source, 'backup', '--out', archive);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(archive);
    expect(existsSync(archive)).toBe(true);

    const restored = tawasul(target, 'restore', archive);
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('platform.send-mail');

    const again = tawasul(target, 'restore', archive);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--yes');
    expect(tawasul(target, 'restore', archive, '--yes').status).toBe(0);

    const broken = tawasul(target, 'restore', path.join(folder, 'missing.tar.gz'), '--yes');
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('No such backup file');

    const database = await openPglite({ dir: path.join(target, 'pglite') });
    try {
      const { rows } = await database.executeSql(
        `select u.name, w.slug from "user" u join membership m on m.user_id = u.id join workspace w on w.id = m.workspace_id`,
      );
      expect(rows).toEqual([{ name: 'هند', slug: 'altermed' }]);
      const paused = await database.executeSql('select name from job_type_setting where is_paused order by name');
      expect(paused.rows).toEqual([
        { name: 'newsletter.prepare-send' },
        { name: 'newsletter.send-batch' },
        { name: 'platform.send-mail' },
        { name: 'social.publish-due' },
      ]);
    } finally {
      await database.close();
    }
  }, 300_000);
});
