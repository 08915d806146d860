/**
 * Segments and audiences: every condition kind and its negation, match all / any, the issue audience
 * (active + confirmed on a list + segment), the count endpoint for saved and unsaved segments, segment
 * CRUD with ownership checks, and the refusal to delete a segment an unsent issue uses.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audienceCondition, countAudience } from '../../src/server/modules/newsletter/audience.js';
import { subscribers } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import type { SegmentCondition, SegmentFilter } from '../../src/shared/newsletter/newsletter.schema.js';
import { makeList } from '../helpers/newsletter-audience-fixture.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let officer: Session;
let contributor: Session;
let workspaceId: string;
let otherWorkspaceId: string;
let letter: string;
let partners: string;
let foreignList: string;
let orgA: string;
let foreignOrg: string;
const ids: Record<string, string> = {};

interface Person {
  key: string;
  languages: string[];
  country: string | null;
  tags?: string[];
  organisationId?: string;
  attributes?: Record<string, string>;
  createdAt: string;
  status?: string;
  lists: Array<[string, 'confirmed' | 'unconfirmed' | 'unsubscribed']>;
}

async function insertPerson(person: Person) {
  const run = t.platform.database.executeSql;
  const { rows } = await run(
    `insert into subscriber (workspace_id, email, email_normalized, languages, country, tags, organisation_id, attributes, created_at, status)
     values ($1, $2, $2, $3::text[], $4, $5::text[], $6, $7::jsonb, $8, $9) returning id`,
    [
      workspaceId,
      `${person.key}@example.org`,
      `{${person.languages.join(',')}}`,
      person.country,
      `{${(person.tags ?? []).join(',')}}`,
      person.organisationId ?? null,
      JSON.stringify(person.attributes ?? {}),
      person.createdAt,
      person.status ?? 'active',
    ],
  );
  ids[person.key] = String(rows[0]?.id);
  for (const [listId, status] of person.lists) {
    await run('insert into list_subscription (list_id, subscriber_id, status) values ($1, $2, $3)', [listId, ids[person.key], status]);
  }
}

const api = (path: string) => `/api/workspaces/${workspaceId}/newsletter${path}`;

async function countWith(filter: SegmentFilter, listIds: string[] = [], session = officer): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), ...(listIds.length ? { listIds: listIds.join(',') } : {}) });
  const response = await t.request(session, { method: 'GET', url: `${api('/audience/count')}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().count;
}

const one = (condition: SegmentCondition) => countWith({ match: 'all', conditions: [condition] });

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  otherWorkspaceId = (await t.make.workspace()).id;
  await t.platform.database.executeSql(`update workspace set time_zone = 'Africa/Tunis' where id = $1`, [workspaceId]);
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  contributor = await t.signIn((await t.make.member(workspaceId, 'contributor')).email);
  const foreignOfficer = await t.signIn((await t.make.member(otherWorkspaceId, 'officer')).email);
  letter = await makeList(t, officer, workspaceId, { name: localized({ fr: 'Lettre' }), visibility: 'public' });
  partners = await makeList(t, officer, workspaceId, { name: localized({ fr: 'Partenaires' }) });
  foreignList = await makeList(t, foreignOfficer, otherWorkspaceId, { name: localized({ fr: 'Autre' }) });
  orgA = (await t.make.organisation(workspaceId)).id;
  const orgB = (await t.make.organisation(workspaceId)).id;
  foreignOrg = (await t.make.organisation(otherWorkspaceId)).id;
  await insertPerson({
    key: 's1',
    languages: ['ar'],
    country: 'MA',
    tags: ['forum'],
    organisationId: orgA,
    attributes: { city: 'Rabat' },
    createdAt: '2026-05-10T12:00:00Z',
    lists: [[letter, 'confirmed']],
  });
  // 23:30 UTC on 1 May is 00:30 on 2 May in Tunis: "created after 1 May" in the workspace's time zone.
  await insertPerson({
    key: 's2',
    languages: ['fr'],
    country: 'TN',
    createdAt: '2026-05-01T23:30:00Z',
    lists: [
      [letter, 'confirmed'],
      [partners, 'confirmed'],
    ],
  });
  await insertPerson({
    key: 's3',
    languages: ['ar', 'fr'],
    country: 'DZ',
    tags: ['forum', 'presse'],
    organisationId: orgB,
    createdAt: '2026-04-01T10:00:00Z',
    lists: [[partners, 'confirmed']],
  });
  await insertPerson({ key: 's4', languages: ['fr'], country: null, createdAt: '2026-05-20T10:00:00Z', lists: [[letter, 'unconfirmed']] });
  await insertPerson({
    key: 's5',
    languages: ['ar'],
    country: 'MA',
    createdAt: '2026-05-20T10:00:00Z',
    status: 'unsubscribed',
    lists: [[letter, 'unsubscribed']],
  });
  await insertPerson({
    key: 's6',
    languages: ['ar'],
    country: 'TN',
    createdAt: '2026-05-20T10:00:00Z',
    status: 'bounced',
    lists: [[letter, 'confirmed']],
  });
  // Another workspace's subscriber on its own list never counts here.
  await t.platform.database.executeSql(
    `insert into subscriber (workspace_id, email, email_normalized, languages, country) values ($1, 'x@example.org', 'x@example.org', '{ar}', 'MA')`,
    [otherWorkspaceId],
  );
});
afterAll(() => t.close());

describe('segment conditions (active subscribers of the workspace: s1–s4)', () => {
  it('language includes / excludes', async () => {
    expect(await one({ field: 'language', op: 'includes', value: 'ar' })).toBe(2);
    expect(await one({ field: 'language', op: 'excludes', value: 'ar' })).toBe(2);
  });

  it('country in / not in (an unknown country is not in any list)', async () => {
    expect(await one({ field: 'country', op: 'in', values: ['MA', 'TN'] })).toBe(2);
    expect(await one({ field: 'country', op: 'not_in', values: ['MA', 'TN'] })).toBe(2);
  });

  it('tag has / has not', async () => {
    expect(await one({ field: 'tag', op: 'has', value: 'forum' })).toBe(2);
    expect(await one({ field: 'tag', op: 'not_has', value: 'forum' })).toBe(2);
  });

  it('organisation is / is not', async () => {
    expect(await one({ field: 'organisation', op: 'is', organisationId: orgA })).toBe(1);
    expect(await one({ field: 'organisation', op: 'is_not', organisationId: orgA })).toBe(3);
  });

  it('list member / not member (confirmed subscriptions only)', async () => {
    expect(await one({ field: 'list', op: 'member', listId: partners })).toBe(2);
    expect(await one({ field: 'list', op: 'not_member', listId: partners })).toBe(2);
    expect(await one({ field: 'list', op: 'member', listId: letter })).toBe(2);
  });

  it('attribute equals / not equals', async () => {
    expect(await one({ field: 'attribute', key: 'city', op: 'equals', value: 'Rabat' })).toBe(1);
    expect(await one({ field: 'attribute', key: 'city', op: 'not_equals', value: 'Rabat' })).toBe(3);
  });

  it('created after / before a day, in the workspace’s time zone', async () => {
    expect(await one({ field: 'created', op: 'after', date: '2026-05-01' })).toBe(3);
    expect(await one({ field: 'created', op: 'before', date: '2026-05-02' })).toBe(1);
  });

  it('matches all or any of the conditions', async () => {
    const conditions: SegmentCondition[] = [
      { field: 'language', op: 'includes', value: 'ar' },
      { field: 'country', op: 'in', values: ['MA', 'TN'] },
    ];
    expect(await countWith({ match: 'all', conditions })).toBe(1);
    expect(await countWith({ match: 'any', conditions })).toBe(3);
    expect(await countWith({ match: 'any', conditions: [] })).toBe(4);
  });
});

describe('issue audience', () => {
  it('is the active subscribers confirmed on one of the lists and matching the segment', async () => {
    expect(await countWith({ match: 'all', conditions: [] }, [letter])).toBe(2);
    expect(await countWith({ match: 'all', conditions: [{ field: 'language', op: 'includes', value: 'ar' }] }, [letter, partners])).toBe(2);
    const db = t.platform.database.db;
    expect(await countAudience(db, { workspaceId, listIds: [] })).toBe(0);
    const streamed = await db
      .select({ id: subscribers.id })
      .from(subscribers)
      .where(and(audienceCondition({ workspaceId, listIds: [letter, partners] }), eq(subscribers.country, 'TN')));
    expect(streamed.map((row) => row.id)).toEqual([ids.s2]);
  });

  it('counts a saved segment with lists for the composer; a contributor may, but not with an unsaved filter', async () => {
    const created = await t.request(officer, {
      method: 'POST',
      url: api('/segments'),
      payload: {
        name: localized({ fr: 'Arabophones du Maroc et de Tunisie', ar: 'الناطقون بالعربية في المغرب وتونس' }),
        filter: {
          match: 'all',
          conditions: [
            { field: 'language', op: 'includes', value: 'ar' },
            { field: 'country', op: 'in', values: ['MA', 'TN'] },
          ],
        },
      },
    });
    expect(created.statusCode).toBe(201);
    const segmentId = created.json().id;
    const count = await t.request(contributor, {
      method: 'GET',
      url: `${api('/audience/count')}?listIds=${letter}&segmentId=${segmentId}`,
    });
    expect(count.json()).toEqual({ count: 1 });
    const unsaved = await t.request(contributor, {
      method: 'GET',
      url: `${api('/audience/count')}?filter=${encodeURIComponent('{"match":"all","conditions":[]}')}`,
    });
    expect(unsaved.statusCode).toBe(403);
    const foreign = await t.request(officer, { method: 'GET', url: `${api('/audience/count')}?listIds=${foreignList}` });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().fields.listIds.code).toBe('UNKNOWN_LIST');
    const broken = await t.request(officer, {
      method: 'GET',
      url: `${api('/audience/count')}?filter=${encodeURIComponent('{"match":"some"}')}`,
    });
    expect(broken.statusCode).toBe(400);
  });
});

describe('segments', () => {
  it('refuses conditions naming another workspace’s list or organisation', async () => {
    const response = await t.request(officer, {
      method: 'POST',
      url: api('/segments'),
      payload: {
        name: localized({ fr: 'Mauvais' }),
        filter: {
          match: 'any',
          conditions: [
            { field: 'list', op: 'member', listId: foreignList },
            { field: 'organisation', op: 'is', organisationId: foreignOrg },
          ],
        },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toMatchObject({
      'filter.conditions.0.listId': { code: 'UNKNOWN_LIST' },
      'filter.conditions.1.organisationId': { code: 'UNKNOWN_ORGANISATION' },
    });
  });

  it('edits a segment, and deletes it only when no unsent issue uses it', async () => {
    const created = (
      await t.request(officer, {
        method: 'POST',
        url: api('/segments'),
        payload: {
          name: localized({ fr: 'Presse' }),
          filter: { match: 'all', conditions: [{ field: 'tag', op: 'has', value: 'presse' }] },
        },
      })
    ).json();
    const edited = await t.request(officer, {
      method: 'PATCH',
      url: api(`/segments/${created.id}`),
      payload: { name: localized({ fr: 'Journalistes' }) },
    });
    expect(edited.json()).toMatchObject({ name: { fr: { value: 'Journalistes' } }, filter: created.filter });
    const { rows } = await t.platform.database.executeSql(
      `insert into newsletter_issue (workspace_id, subject, segment_id, status) values ($1, '{}'::jsonb, $2, 'draft') returning id`,
      [workspaceId, created.id],
    );
    const refused = await t.request(officer, { method: 'DELETE', url: api(`/segments/${created.id}`) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fields.segment.code).toBe('SEGMENT_IN_USE');
    await t.platform.database.executeSql(`update newsletter_issue set status = 'sent' where id = $1`, [rows[0]?.id]);
    expect((await t.request(officer, { method: 'DELETE', url: api(`/segments/${created.id}`) })).statusCode).toBe(204);
    expect((await t.request(contributor, { method: 'GET', url: api('/segments') })).statusCode).toBe(403);
    expect((await t.request(officer, { method: 'GET', url: `/api/workspaces/${otherWorkspaceId}/newsletter/segments` })).statusCode).toBe(
      404,
    );
  });
});
