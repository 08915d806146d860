/** Substring search on a folded search column (see `foldForSearch`), served by its pg_trgm GIN index. */
import { type AnyColumn, like, type SQL } from 'drizzle-orm';
import { foldForSearch } from '../../../shared/localized-text.js';

/**
 * `column like '%folded%'`, or nothing when the query folds to nothing. The column is already folded
 * and lower-cased, so a plain `like` does (`ilike` costs twice as much on Arabic text and needs no index
 * of its own).
 */
export function containsFolded(column: AnyColumn, query: string | undefined): SQL | undefined {
  const folded = query ? foldForSearch(query) : '';
  if (!folded) return undefined;
  return like(column, `%${folded.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
}
