/**
 * The demo workspace's audience, as a newcomer finds it: two lists with their counts, 40 people with
 * consent records, the segment and its count; and the bulk helper tests and benchmarks use.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience } from '../../src/server/modules/newsletter/audience.js';
import { seedConfirmedSubscribers } from '../../src/server/modules/newsletter/newsletter.seed.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('newsletter demo audience', () => {
  it('seeds the lists, 40 subscribers with their consent, and the segment of Arabic readers in Morocco and Tunisia', async () => {
    const { seedDemo } = await import('../../src/server/demo/seed-demo.js');
    expect(await seedDemo(t.platform)).toBe(true);
    const admin = await t.signIn('officer@altermed.demo', 'altermed-demo-2026');
    const { rows } = await t.platform.database.executeSql(`select id from workspace where slug = 'altermed'`);
    const api = `/api/workspaces/${rows[0]?.id}/newsletter`;
    const lists = (await t.request(admin, { method: 'GET', url: `${api}/lists` })).json().items;
    expect(lists.map((list: { name: { fr: { value: string } } }) => list.name.fr.value)).toEqual(['Lettre AlterMed', 'Partenaires']);
    expect(lists[0]).toMatchObject({
      visibility: 'public',
      optIn: 'double',
      counts: { confirmed: 35, unconfirmed: 3, unsubscribed: 1, bounced: 1 },
    });
    expect(lists[1]).toMatchObject({ visibility: 'private', counts: { confirmed: 8 } });
    const page = (await t.request(admin, { method: 'GET', url: `${api}/subscribers?limit=100` })).json();
    expect(page.total).toBe(40);
    expect(new Set(page.items.map((item: { country: string }) => item.country))).toEqual(new Set(['MA', 'TN', 'DZ', 'FR']));
    const consents = await t.platform.database.executeSql(
      `select source, count(*)::int as n from consent_record c join subscriber s on s.id = c.subscriber_id group by source order by source`,
    );
    expect(consents.rows).toEqual([
      { source: 'form', n: 3 },
      { source: 'manual', n: 45 },
      { source: 'one_click', n: 1 },
    ]);
    const segments = (await t.request(admin, { method: 'GET', url: `${api}/segments` })).json().items;
    expect(segments[0].name.fr.value).toBe('Arabophones du Maroc et de Tunisie');
    const count = await t.request(admin, {
      method: 'GET',
      url: `${api}/audience/count?listIds=${lists[0].id}&segmentId=${segments[0].id}`,
    });
    // Active, confirmed on the letter, Arabic among their languages, in Morocco or Tunisia.
    expect(count.json().count).toBe(14);
    // Nobody was written to while seeding.
    const outbox = await t.platform.database.executeSql(`select count(*)::int as n from mail_outbox where to_address like '%@example.%'`);
    expect(outbox.rows[0]?.n).toBe(0);
  });

  it('bulk-inserts confirmed subscribers for tests and benchmarks', async () => {
    const workspace = await t.make.workspace();
    const { rows } = await t.platform.database.executeSql(
      `insert into mailing_list (workspace_id, name) values ($1, '{}'::jsonb) returning id`,
      [workspace.id],
    );
    const listId = String(rows[0]?.id);
    await seedConfirmedSubscribers(t.platform.database.db, { workspaceId: workspace.id, listIds: [listId], count: 300 });
    expect(await countAudience(t.platform.database.db, { workspaceId: workspace.id, listIds: [listId] })).toBe(300);
    const languages = await t.platform.database.executeSql(
      `select array_to_string(languages, ',') as languages, count(*)::int as n from subscriber where workspace_id = $1 group by 1 order by 1`,
      [workspace.id],
    );
    expect(languages.rows).toEqual([
      { languages: 'ar', n: 100 },
      { languages: 'ar,fr', n: 100 },
      { languages: 'fr', n: 100 },
    ]);
  });
});
