/**
 * Backup and restore round trip on the test database driver: a workspace with Arabic names, an
 * uploaded file, audit entries and a queued mail are backed up, restored into a fresh database and
 * data folder, and compared row for row and byte for byte. A damaged archive is refused untouched.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/server/platform/audit/audit.js';
import { BackupError } from '../../src/server/platform/backup/archive-format.js';
import { createBackup, listAppTables } from '../../src/server/platform/backup/backup.js';
import { RESTORE_PAUSE_REASON, restoreBackup } from '../../src/server/platform/backup/restore.js';
import { parseConfig } from '../../src/server/platform/config.js';
import { openPglite } from '../../src/server/platform/db/database.js';
import { SEND_MAIL_JOB } from '../../src/server/platform/mail/mailer.js';
import { createPlatform } from '../../src/server/platform/platform.js';
import { createFilesService } from '../../src/server/platform/storage/files.service.js';
import { localized } from '../../src/shared/localized-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { testDriver } from '../helpers/test-database.js';

// A tiny but real PNG (signature + IHDR), so the upload's magic-byte check accepts it.
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex'),
]);

let source: TestApp;
let target: TestApp;
let folder: string;
let archive: string;
let workspaceId: string;
let outboxId: string;
let storageKey: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'tawasul-backup-test-'));
  // An SMTP URL nobody listens on: the mail is queued as a job, and no tick ever runs it here.
  source = await createTestApp({}, { SMTP_URL: 'smtp://127.0.0.1:9' });
  const workspace = await source.make.workspace({ name: localized({ ar: 'شبكة المتوسط', fr: 'Réseau Méditerranée' }) });
  workspaceId = workspace.id;
  const admin = await source.make.member(workspaceId, 'admin', 'ar');
  await source.make.organisation(workspaceId, { name: localized({ ar: 'جمعية الأمل للتنمية', fr: 'Association Espoir' }) });
  await source.make.organisation(workspaceId, {
    name: localized({ ar: 'تعاونية النساء في صفاقس', fr: 'Coopérative de Sfax' }),
    country: 'TN',
  });
  const files = createFilesService(source.platform.database.db, source.platform.storage, 1024 * 1024);
  storageKey = (await files.upload({ workspaceId, userId: admin.userId, fileName: 'شعار.png', bytes: PNG })).storageKey;
  // Past 2^53, so an id that went through a JavaScript number would come back changed.
  await source.platform.database.executeSql(`select setval(pg_get_serial_sequence('audit_log', 'id'), 9007199254740993)`);
  await recordAudit(source.platform.database.db, {
    workspaceId,
    actorUserId: admin.userId,
    action: 'update',
    entityType: 'workspace',
    entityId: workspaceId,
    before: { name: 'قديم' },
    after: { name: 'جديد', big: '9007199254740993', tags: ['أ', 'ب'] },
  });
  outboxId = await source.platform.mailer.send({ to: 'hind@example.test', subject: 'دعوة للانضمام', text: 'مرحباً', workspaceId });
  archive = path.join(folder, 'backup.tar.gz');
  await createBackup(source.platform, archive);
  target = await createTestApp();
});
afterAll(async () => {
  await source?.close();
  await target?.close();
  await rm(folder, { recursive: true, force: true });
});

/** Every row of every application table, as PostgreSQL prints it, in a stable order. */
async function snapshot(app: TestApp): Promise<Record<string, string[]>> {
  const run = app.platform.database.executeSql;
  const result: Record<string, string[]> = {};
  for (const table of await listAppTables(run)) {
    const { rows } = await run(`select row_to_json(t)::text as line from "${table}" t order by 1`);
    result[table] = rows.map((row) => String(row.line));
  }
  return result;
}

async function countWorkspaces(app: TestApp): Promise<number> {
  const { rows } = await app.platform.database.executeSql('select count(*)::int as n from workspace');
  return Number(rows[0]?.n);
}

describe('backup', () => {
  it('writes one archive with a manifest of the application tables, the pending jobs and the files', async () => {
    const { manifest } = await createBackup(source.platform, path.join(folder, 'again.tar.gz'));
    expect(manifest.format).toBe(1);
    expect(manifest.databaseDriver).toBe(source.platform.database.driver);
    const names = manifest.tables.map((table) => table.name);
    expect(names).toContain('workspace');
    expect(names).toContain('audit_log');
    expect(names.some((name) => name.includes('drizzle'))).toBe(false);
    expect(manifest.tables.find((table) => table.name === 'organisation')?.rows).toBe(2);
    expect(manifest.jobs.count).toBe(1);
    expect(manifest.files.map((file) => file.key)).toEqual([storageKey]);
    expect(manifest.migration).toMatch(/^[0-9a-f]+$/);
  });
});

describe('restore', () => {
  it('restores every row, file and pending job into a fresh database, with sending jobs paused', async () => {
    const summary = await restoreBackup(target.platform, archive);
    expect(summary.pausedJobTypes).toEqual(['newsletter.prepare-send', 'newsletter.send-batch', SEND_MAIL_JOB, 'social.publish-due']);
    expect(summary.jobs).toBe(1);

    const before = await snapshot(source);
    const after = await snapshot(target);
    const { job_type_setting: pausedSettings, ...restored } = after;
    const { job_type_setting: _sourceSettings, ...original } = before;
    expect(restored).toEqual(original);
    expect(restored.organisation?.join('\n')).toContain('جمعية الأمل للتنمية');
    expect(restored.audit_log?.join('\n')).toContain('"tags": ["أ", "ب"]');
    expect(restored.audit_log?.join('\n')).toContain('"id":9007199254740994');
    expect(pausedSettings?.join('\n')).toContain(SEND_MAIL_JOB);

    expect(Buffer.compare(await target.platform.storage.get(storageKey), PNG)).toBe(0);

    const { rows: settings } = await target.platform.database.executeSql(
      'select is_paused, paused_reason from job_type_setting where name = $1',
      [SEND_MAIL_JOB],
    );
    expect(settings).toEqual([{ is_paused: true, paused_reason: RESTORE_PAUSE_REASON }]);
    const pending = async () =>
      (
        await target.platform.database.executeSql(
          `select state, singleton_key from pgboss.job where name = $1 and data->>'outboxId' = $2`,
          [SEND_MAIL_JOB, outboxId],
        )
      ).rows;
    expect(await pending()).toEqual([{ state: 'created', singleton_key: outboxId }]);
    await target.platform.jobs.tick();
    expect(await pending()).toEqual([{ state: 'created', singleton_key: outboxId }]);

    // The audit sequence continues after the restored ids (bigserial).
    await recordAudit(target.platform.database.db, {
      workspaceId,
      actorUserId: null,
      action: 'create',
      entityType: 'test',
      entityId: null,
    });
    const { rows: ids } = await target.platform.database.executeSql(
      `select max(id)::text as newest, (select max(id)::text from audit_log where entity_type <> 'test') as restored from audit_log`,
    );
    expect(BigInt(String(ids[0]?.newest))).toBeGreaterThan(BigInt(String(ids[0]?.restored)));
  });

  it('refuses to overwrite a database that has workspaces unless told --yes, then replaces its data', async () => {
    const extra = await target.make.workspace();
    await expect(restoreBackup(target.platform, archive)).rejects.toThrow(/--yes/);
    expect(await countWorkspaces(target)).toBe(2);
    await restoreBackup(target.platform, archive, { yes: true });
    const { rows } = await target.platform.database.executeSql('select id from workspace');
    expect(rows.map((row) => row.id)).toEqual([workspaceId]);
    expect(rows.map((row) => row.id)).not.toContain(extra.id);
    const { rows: jobs } = await target.platform.database.executeSql(
      `select count(*)::int as n from pgboss.job where name = $1 and state = 'created'`,
      [SEND_MAIL_JOB],
    );
    expect(jobs[0]?.n).toBe(1);
  });

  it.runIf(testDriver() === 'postgresql')(
    'moves data PostgreSQL → PGlite → PostgreSQL unchanged',
    async () => {
      const dataDir = await mkdtemp(path.join(tmpdir(), 'tawasul-restore-pglite-'));
      const config = parseConfig({ DATA_DIR: dataDir, SECRET_KEY: 'x'.repeat(64), LOG_LEVEL: 'silent' });
      const embedded = await createPlatform(config, { database: await openPglite() });
      try {
        await restoreBackup(embedded, archive);
        const { rows } = await embedded.database.executeSql(`select o.name->'ar'->>'value' as name from organisation o order by 1`);
        expect(rows.map((row) => row.name)).toEqual(['تعاونية النساء في صفاقس', 'جمعية الأمل للتنمية']);
        const { rows: audit } = await embedded.database.executeSql(`select max(id)::text as id from audit_log`);
        expect(audit[0]?.id).toBe('9007199254740994');
        expect(Buffer.compare(await embedded.storage.get(storageKey), PNG)).toBe(0);
        expect(embedded.jobs.sendingJobNames()).toEqual([SEND_MAIL_JOB]);

        // And back: a PGlite backup restored into a fresh PostgreSQL database matches the original.
        const roundTrip = path.join(folder, 'from-pglite.tar.gz');
        expect((await createBackup(embedded, roundTrip)).manifest.databaseDriver).toBe('pglite');
        const back = await createTestApp();
        try {
          await restoreBackup(back.platform, roundTrip);
          const { job_type_setting: _restoredSettings, ...restored } = await snapshot(back);
          const { job_type_setting: _sourceSettings, ...original } = await snapshot(source);
          expect(restored).toEqual(original);
          expect(Buffer.compare(await back.platform.storage.get(storageKey), PNG)).toBe(0);
        } finally {
          await back.close();
        }
      } finally {
        await embedded.close();
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );

  it('refuses a truncated or altered archive with a clear error and writes nothing', async () => {
    const fresh = await createTestApp();
    try {
      const bytes = await readFile(archive);
      const truncated = path.join(folder, 'truncated.tar.gz');
      await writeFile(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const altered = path.join(folder, 'altered.tar.gz');
      const flipped = Buffer.from(bytes);
      flipped[Math.floor(flipped.length / 2)] = (flipped[Math.floor(flipped.length / 2)] as number) ^ 0xff;
      await writeFile(altered, flipped);
      const notAnArchive = path.join(folder, 'notes.tar.gz');
      await writeFile(notAnArchive, 'ceci n’est pas une sauvegarde');

      for (const file of [truncated, altered, notAnArchive, path.join(folder, 'missing.tar.gz')]) {
        const error = await restoreBackup(fresh.platform, file).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error, file).toBeInstanceOf(BackupError);
        expect((error as Error).message).toMatch(/damaged|truncated|not a Tawasul backup|No such backup file/);
      }
      expect(await countWorkspaces(fresh)).toBe(0);
      const { rows } = await fresh.platform.database.executeSql('select count(*)::int as n from job_type_setting where is_paused');
      expect(rows[0]?.n).toBe(0);
      expect(await readdir(path.join(fresh.dataDir, 'files')).catch(() => [])).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});
