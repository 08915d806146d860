/** `tawasul backup` and `tawasul restore` (implemented in backup.ts). */
import type { Command } from 'commander';

export function registerBackupCommands(program: Command): void {
  void program;
}
