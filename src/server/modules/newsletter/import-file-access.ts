/**
 * An imported subscriber CSV and its error report are ordinary file rows, but they hold personal
 * data: through the general file route, only members who may read subscribers (`subscribers:read`:
 * admins and officers) get them. The import routes serve the report themselves, worded per reader.
 */
import { and, eq, or } from 'drizzle-orm';
import type { FileReadRule } from '../../platform/storage/file-access.js';
import { subscriberImports } from './newsletter.tables.js';

export const importFileReadRule: FileReadRule = async (db, file) => {
  const [row] = await db
    .select({ id: subscriberImports.id })
    .from(subscriberImports)
    .where(
      and(
        eq(subscriberImports.workspaceId, file.workspaceId),
        or(eq(subscriberImports.fileId, file.id), eq(subscriberImports.errorReportFileId, file.id)),
      ),
    )
    .limit(1);
  return row ? 'subscribers:read' : undefined;
};
