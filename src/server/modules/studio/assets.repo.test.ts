/** SQL snapshots (STYLE G5): a change to the library or picker query shows up in review as a change of SQL. */
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../platform/db/database.js';
import { assetPageQuery } from './assets.repo.js';

const database = await openPglite();
afterAll(() => database.close());

describe('asset list query', () => {
  it('filters by workspace, tag, language and folded search, keeps the picker rule, and pages by keyset', () => {
    const query = assetPageQuery(
      database.db,
      'ws-1',
      { q: 'ورشة', tag: 'Atelier', language: 'ar', usable: 'true', use: 'social', archived: 'false', limit: 24 },
      { sortKey: '2026-01-01T00:00:00.000000Z', id: 'a' },
      '2026-06-30',
    ).toSQL();
    expect(query.sql).toMatchInlineSnapshot(
      `"select "asset"."id", "asset"."workspace_id", "asset"."file_id", "asset"."thumbnail_file_id", "asset"."kind", "asset"."title", "asset"."caption", "asset"."alt", "asset"."credit", "asset"."licence", "asset"."tags", "asset"."organisation_id", "asset"."campaign_id", "asset"."languages", "asset"."width", "asset"."height", "asset"."shows_people", "asset"."search_text", "asset"."created_by", "asset"."created_at", "asset"."updated_at", "asset"."archived_at", "file"."content_type", "file"."byte_size", "file"."original_name", to_char("asset"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from "asset" inner join "file" on "file"."id" = "asset"."file_id" where ("asset"."workspace_id" = $1 and "asset"."archived_at" is null and "asset"."tags" @> array[$2]::text[] and ("asset"."languages" @> array[$3]::text[] or cardinality("asset"."languages") = 0) and ("asset"."shows_people" = false or (exists (select 1 from "asset_consent" where "asset_consent"."asset_id" = "asset"."id") and not exists (select 1 from "asset_consent" where "asset_consent"."asset_id" = "asset"."id" and ("asset_consent"."expires_on" < $4::date or not ($5::text = any("asset_consent"."scope")))))) and "asset"."search_text" like $6 and ("asset"."created_at", "asset"."id") < ($7::timestamptz, $8::uuid)) order by "asset"."created_at" desc, "asset"."id" desc limit $9"`,
    );
    expect(query.params).toEqual(['ws-1', 'atelier', 'ar', '2026-06-30', 'social', '%ورشه%', '2026-01-01T00:00:00.000000Z', 'a', 25]);
  });
});
