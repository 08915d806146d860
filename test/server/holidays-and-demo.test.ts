/** The workspace's holiday calendar and the planning of the demo workspace, through the API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDateAt } from '../../src/shared/planning/calendar-date.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let officer: Session;
let viewer: Session;
let today: string;

beforeAll(async () => {
  t = await createTestApp();
  workspaceId = (await t.make.workspace()).id;
  officer = await t.signIn((await t.make.member(workspaceId, 'officer')).email);
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  today = calendarDateAt(new Date(), 'Africa/Casablanca');
});
afterAll(() => t.close());

const url = (path: string) => `/api/workspaces/${workspaceId}${path}`;

describe('holidays', () => {
  it('lists the consortium countries’ holidays and the workspace’s own days off', async () => {
    const year = Number(today.slice(0, 4)) + 1;
    const added = await t.request(officer, {
      method: 'POST',
      url: url('/holiday-changes'),
      payload: { kind: 'added', date: `${year}-03-03`, name: { fr: { value: 'Assemblée générale', status: 'draft' } } },
    });
    expect(added.statusCode).toBe(201);
    const items = (await t.request(viewer, { method: 'GET', url: url(`/holidays?from=${year}-01-01&to=${year}-12-31`) })).json().items;
    const dates = items.map((holiday: { date: string }) => holiday.date);
    expect(dates).toEqual(expect.arrayContaining([`${year}-07-14`, `${year}-11-18`, `${year}-03-03`]));
    expect(
      (await t.request(viewer, { method: 'POST', url: url('/holiday-changes'), payload: { kind: 'added', date: `${year}-03-04` } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('demo workspace', () => {
  it('seeds AlterMed with three campaigns planned backwards from their goal dates', async () => {
    const { seedDemo } = await import('../../src/server/demo/seed-demo.js');
    expect(await seedDemo(t.platform)).toBe(true);
    const { rows } = await t.platform.database.executeSql(
      `select c.template_key, count(t.id)::int as tasks, count(t.id) filter (where t.status = 'done')::int as done
         from campaign c join workspace w on w.id = c.workspace_id left join task t on t.campaign_id = c.id
        where w.slug = 'altermed' group by c.template_key order by c.template_key`,
    );
    expect(rows.map((row) => row.template_key)).toEqual(['closing-press-conference', 'event', 'newsletter-issue']);
    expect(rows.every((row) => Number(row.tasks) > 3)).toBe(true);
    expect(rows.find((row) => row.template_key === 'closing-press-conference')?.done).toBe(1);
  });
});
