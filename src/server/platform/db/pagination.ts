/** Keyset pagination over (sort key, id): constant cost per page whatever the offset. */
import { type AnyColumn, and, asc, count, eq, gt, or, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { LIMITS } from '../../../shared/limits.js';
import { AppError } from '../errors.js';
import type { Db } from './database.js';

export interface Cursor {
  sortKey: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sortKey, cursor.id])).toString('base64url');
}

/** `field` names the query parameter in the error (`cursor` on lists, `before` on newest-first logs). */
export function decodeCursor(value: string | undefined, field = 'cursor'): Cursor | undefined {
  if (!value) return undefined;
  try {
    const [sortKey, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof sortKey === 'string' && typeof id === 'string') return { sortKey, id };
  } catch {
    // fall through to the error below
  }
  throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'INVALID_VALUE' } });
}

/** The sort key of a (timestamp, id) keyset, as lists write it: `to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`. */
export const TIMESTAMP_SORT_KEY = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const UUID_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A cursor over a UUID id whose sort key matches `sortKey` (when given): a forged cursor is refused
 * here, with the field named, rather than failing the casts in the query.
 */
export function decodeKeysetCursor(value: string | undefined, options: { sortKey?: RegExp; field?: string } = {}): Cursor | undefined {
  const field = options.field ?? 'cursor';
  const cursor = decodeCursor(value, field);
  if (cursor && !(UUID_ID.test(cursor.id) && (options.sortKey?.test(cursor.sortKey) ?? true))) {
    throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'INVALID_VALUE' } });
  }
  return cursor;
}

/** The WHERE part that starts after the cursor, and the ORDER BY that matches it. */
export function keysetAfter(sortColumn: AnyColumn, idColumn: AnyColumn, cursor: Cursor | undefined): { where?: SQL; orderBy: SQL[] } {
  const orderBy = [asc(sortColumn), asc(idColumn)];
  if (!cursor) return { orderBy };
  return { where: or(gt(sortColumn, cursor.sortKey), and(eq(sortColumn, cursor.sortKey), gt(idColumn, cursor.id))), orderBy };
}

/** The number of rows matching `where`, counted up to a cap (a list says "more than 1,000" rather than scan 100,000 rows). */
export async function countUpToCap(
  db: Db,
  table: PgTable,
  where: SQL | undefined,
  cap: number = LIMITS.listTotalCap,
): Promise<{ total: number; isTotalCapped: boolean }> {
  const matches = db
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('matches');
  const [row] = await db.select({ total: count() }).from(matches);
  const total = row?.total ?? 0;
  return { total: Math.min(total, cap), isTotalCapped: total > cap };
}
