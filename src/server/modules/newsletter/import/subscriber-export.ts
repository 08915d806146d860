/**
 * Subscriber export: every matching subscriber as CSV, streamed page by page (keyset on id, so memory
 * stays flat), UTF-8 with a byte-order mark for spreadsheets, formulas neutralised. The columns are
 * ones the import recognises, so an export imports back as it is. Audited: it is personal data.
 */
import type { SubscriberExportQuery } from '../../../../shared/newsletter/import-api.schema.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import { escapeFormula } from '../../../platform/csv.js';
import { AppError } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/http/guards.js';
import type { Platform } from '../../../platform/platform.js';
import { EXPORT_PAGE_SIZE, findExportPage, isListOwned } from './subscriber-export.repo.js';

export const EXPORT_COLUMNS = ['email', 'name', 'languages', 'country', 'organisation', 'tags', 'status', 'created_at', 'attributes'];

/** One CSV line (CRLF), each cell formula-escaped and quoted when needed. */
export function csvLine(cells: Array<string | null | undefined>): string {
  return `${cells
    .map((cell) => {
      const safe = escapeFormula(cell ?? '');
      return /[",\r\n;]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
    })
    .join(',')}\r\n`;
}

export function createSubscriberExport(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;
  return {
    /** Checks the filters, audits the export, and returns its lines (read lazily, one page at a time). */
    async open(ctx: ServiceContext, query: SubscriberExportQuery): Promise<AsyncGenerator<string>> {
      const workspaceId = ctx.membership.workspaceId;
      if (query.listId && !(await isListOwned(db, workspaceId, query.listId))) {
        throw new AppError('VALIDATION_FAILED', { fields: { listId: 'UNKNOWN_LIST' } });
      }
      await recordAudit(db, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'export',
        entityType: 'subscriber',
        entityId: null,
        after: { listId: query.listId ?? null, status: query.status ?? null },
      });
      return (async function* lines() {
        yield `\uFEFF${csvLine(EXPORT_COLUMNS)}`;
        let afterId: string | undefined;
        for (;;) {
          const page = await findExportPage(db, { workspaceId, status: query.status, listId: query.listId, afterId });
          let chunk = '';
          for (const row of page) {
            chunk += csvLine([
              row.email,
              row.name,
              row.languages.join(','),
              row.country,
              row.organisationName,
              row.tags.join(', '),
              row.status,
              row.createdAt.toISOString(),
              Object.keys(row.attributes).length > 0 ? JSON.stringify(row.attributes) : '',
            ]);
          }
          if (chunk) yield chunk;
          if (page.length < EXPORT_PAGE_SIZE) return;
          afterId = page.at(-1)?.id;
        }
      })();
    },
  };
}
