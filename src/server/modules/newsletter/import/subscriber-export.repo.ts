/** SQL of the subscriber export (STYLE G5): keyset pages over the workspace's subscribers. */
import { and, asc, eq, exists, gt, type SQL } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { listSubscriptions, mailingLists, subscribers } from '../newsletter.tables.js';

export const EXPORT_PAGE_SIZE = 1000;

/** Whether the list belongs to the workspace (archived lists too: their members can still be exported). */
export async function isListOwned(db: Db, workspaceId: string, listId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: mailingLists.id })
    .from(mailingLists)
    .where(and(eq(mailingLists.workspaceId, workspaceId), eq(mailingLists.id, listId)));
  return Boolean(row);
}

/** One page of subscribers after `afterId` (by id), filtered by status and by confirmed membership of a list. */
export function findExportPage(db: Db, input: { workspaceId: string; status?: string; listId?: string; afterId?: string }) {
  const filters: SQL[] = [eq(subscribers.workspaceId, input.workspaceId)];
  if (input.status) filters.push(eq(subscribers.status, input.status));
  if (input.afterId) filters.push(gt(subscribers.id, input.afterId));
  if (input.listId) {
    filters.push(
      exists(
        db
          .select({ one: listSubscriptions.listId })
          .from(listSubscriptions)
          .where(
            and(
              eq(listSubscriptions.listId, input.listId),
              eq(listSubscriptions.subscriberId, subscribers.id),
              eq(listSubscriptions.status, 'confirmed'),
            ),
          ),
      ),
    );
  }
  return db
    .select({
      id: subscribers.id,
      email: subscribers.email,
      name: subscribers.name,
      languages: subscribers.languages,
      country: subscribers.country,
      organisationName: subscribers.organisationName,
      tags: subscribers.tags,
      status: subscribers.status,
      createdAt: subscribers.createdAt,
      attributes: subscribers.attributes,
    })
    .from(subscribers)
    .where(and(...filters))
    .orderBy(asc(subscribers.id))
    .limit(EXPORT_PAGE_SIZE);
}
