/**
 * Files some modules keep for fewer people than the whole workspace. The general file route
 * (`GET /api/workspaces/:ws/files/:id`) serves a file row to anyone with `workspace:read`; a module
 * whose files hold personal data registers a rule naming the permission reading them takes (the
 * newsletter: an imported subscriber CSV and its error report need `subscribers:read`). A file no
 * rule claims stays readable by every member.
 *
 * Decision: rules look the file up in the module's own table (one query per file read) rather
 * than a column on the file row, so the module writing the file needs no change and a file is
 * protected from the moment the module's row points to it.
 */
import type { Permission } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../audit/audit.js';
import type { FileRow } from './files.service.js';

/** The permission reading `file` takes, when the module owning it restricts it. */
export type FileReadRule = (db: DbOrTransaction, file: FileRow) => Promise<Permission | undefined>;

const rules = new Set<FileReadRule>();

/** Registers a rule (the same function twice, for a second app in one process, counts once). */
export function registerFileReadRule(rule: FileReadRule): void {
  rules.add(rule);
}

/** Every permission the registered rules require to read `file` (none: any member may). */
export async function permissionsToRead(db: DbOrTransaction, file: FileRow): Promise<Permission[]> {
  const required = await Promise.all([...rules].map((rule) => rule(db, file)));
  return required.filter((permission): permission is Permission => permission !== undefined);
}
