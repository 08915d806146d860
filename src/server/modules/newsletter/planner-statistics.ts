/**
 * Fresh planner statistics for the newsletter's bulk tables. PGlite runs no autovacuum, so its
 * statistics stay as they were when a table was small: after a bulk write the planner then picks
 * plans made for a handful of rows (a page of a send's prepare took 1.5 s with a nested loop). The
 * writers of many rows at once — the subscriber import, the send's prepare — call this when they are
 * done or before they read, on PostgreSQL too: autovacuum gets there, but only a minute or so after
 * a bulk load, and a send started in that minute read its audience with a nested loop (65 s instead
 * of 1.3 s for 30,000 recipients).
 */
import { sql } from 'drizzle-orm';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { consentRecords, listSubscriptions, subscribers } from './newsletter.tables.js';

const TABLES = { subscribers, listSubscriptions, consentRecords } as const;

export type StatisticsTable = keyof typeof TABLES;

/** Runs ANALYZE on the given tables (outside a long transaction: it reads a sample of each). */
export async function refreshPlannerStatistics(db: DbOrTransaction, tables: readonly StatisticsTable[]): Promise<void> {
  if (tables.length === 0) return;
  await db.execute(
    sql`analyze ${sql.join(
      tables.map((table) => TABLES[table]),
      sql`, `,
    )}`,
  );
}
