/** Keyset pagination over (sort key, id): constant cost per page whatever the offset. */
import { type AnyColumn, and, asc, eq, gt, or, type SQL } from 'drizzle-orm';
import { AppError } from '../errors.js';

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

/** The WHERE part that starts after the cursor, and the ORDER BY that matches it. */
export function keysetAfter(sortColumn: AnyColumn, idColumn: AnyColumn, cursor: Cursor | undefined): { where?: SQL; orderBy: SQL[] } {
  const orderBy = [asc(sortColumn), asc(idColumn)];
  if (!cursor) return { orderBy };
  return { where: or(gt(sortColumn, cursor.sortKey), and(eq(sortColumn, cursor.sortKey), gt(idColumn, cursor.id))), orderBy };
}
