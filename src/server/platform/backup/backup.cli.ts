/** `tawasul backup [--out FILE]` and `tawasul restore FILE [--yes]` (the work is in backup.ts and restore.ts). */
import type { Command } from 'commander';
import { loadConfig } from '../config.js';
import { createPlatform, type PlatformOptions } from '../platform.js';
import { createBackup } from './backup.js';
import { restoreBackup } from './restore.js';

function defaultBackupName(now = new Date()): string {
  return `tawasul-backup-${now.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')}.tar.gz`;
}

/** `platformOptions` carries the module jobs, so a restore pauses every sending job type. */
export function registerBackupCommands(program: Command, platformOptions: PlatformOptions = {}): void {
  program
    .command('backup')
    .description('write one archive with every table, the pending jobs and the file store (safe while the app runs)')
    .option('--out <file>', 'archive to write', defaultBackupName())
    .action(async (options: { out: string }) => {
      const platform = await createPlatform(loadConfig(), platformOptions);
      try {
        const { file, manifest } = await createBackup(platform, options.out);
        const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
        console.log(
          `Backup written to ${file}: ${manifest.tables.length} tables, ${rows} rows, ${manifest.jobs.count} pending jobs, ${manifest.files.length} files.`,
        );
      } finally {
        await platform.close();
      }
    });

  program
    .command('restore')
    .description('load an archive into an empty database; sending jobs (mail…) stay paused until an admin resumes them')
    .argument('<file>', 'archive made by `tawasul backup`')
    .option('--yes', 'replace the data of a database that already has workspaces')
    .action(async (file: string, options: { yes?: boolean }) => {
      const platform = await createPlatform(loadConfig(), platformOptions);
      try {
        const summary = await restoreBackup(platform, file, { yes: options.yes });
        console.log(
          `Restored ${summary.rows} rows, ${summary.files} files and ${summary.jobs} pending jobs from ${file} (made ${summary.manifest.createdAt}).`,
        );
        if (summary.skippedJobs.length > 0)
          console.log(`Not sent again (unknown job types): ${[...new Set(summary.skippedJobs)].join(', ')}`);
        if (summary.pausedJobTypes.length > 0) {
          console.log(`Paused until an admin resumes them (Admin → Jobs): ${summary.pausedJobTypes.join(', ')}`);
        }
      } finally {
        await platform.close();
      }
    });
}
