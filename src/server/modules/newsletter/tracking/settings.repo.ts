/** Writes of a workspace's newsletter settings (reads: `loadNewsletterSettings`). */
import { sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../../platform/audit/audit.js';
import { newsletterSettings } from '../newsletter.tables.js';
import type { NewsletterSettingsRow } from '../newsletter-settings.repo.js';

export type NewsletterSettingsChanges = Partial<Omit<NewsletterSettingsRow, 'workspaceId' | 'updatedAt'>>;

/** Creates the row on first save, else changes only the given columns. */
export async function saveNewsletterSettings(
  db: DbOrTransaction,
  workspaceId: string,
  changes: NewsletterSettingsChanges,
): Promise<NewsletterSettingsRow> {
  const [row] = await db
    .insert(newsletterSettings)
    .values({ ...changes, workspaceId })
    .onConflictDoUpdate({ target: newsletterSettings.workspaceId, set: { ...changes, updatedAt: sql`now()` } })
    .returning();
  return row as NewsletterSettingsRow;
}
