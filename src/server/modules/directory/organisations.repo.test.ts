/** SQL snapshots (STYLE G5): a change to the list query shows up in review as a change of SQL. */
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../platform/db/database.js';
import { encodeCursor } from '../../platform/db/pagination.js';
import { organisationPageQuery } from './organisations.repo.js';

const database = await openPglite();
afterAll(() => database.close());

describe('organisation list query', () => {
  it('filters by workspace, archive state, country and folded search, then pages by keyset', () => {
    const query = organisationPageQuery(database.db, 'ws-1', {
      q: 'إتحاد_50%',
      country: 'MA',
      archived: 'false',
      limit: 25,
      cursor: encodeCursor({ sortKey: 'a', id: 'b' }),
    }).toSQL();
    expect(query.sql).toMatchInlineSnapshot(
      `"select "id", "workspace_id", "name", "description", "country", "city", "type", "website", "logo_file_id", "search_text", "sort_name", "archived_at", "created_at", "updated_at" from "organisation" where ("organisation"."workspace_id" = $1 and "organisation"."archived_at" is null and "organisation"."country" = $2 and "organisation"."search_text" like $3 and ("organisation"."sort_name" > $4 or ("organisation"."sort_name" = $5 and "organisation"."id" > $6))) order by "organisation"."sort_name" asc, "organisation"."id" asc limit $7"`,
    );
    expect(query.params).toEqual(['ws-1', 'MA', '%اتحاد\\_50\\%%', 'a', 'a', 'b', 26]);
  });
});
