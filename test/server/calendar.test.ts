/**
 * The calendar through HTTP: entries of every source in a range with filters, workspace isolation,
 * bad input in the reader's language, and the private iCalendar feed read back by ical.js.
 */
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignChannels, campaigns, holidayChanges, tasks } from '../../src/server/modules/planning/campaigns.tables.js';
import { planChannels } from '../../src/server/modules/planning/plan.tables.js';
import { memberships } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import type { Calendar } from '../../src/shared/planning/calendar.schema.js';
import { addDays, calendarDateAt } from '../../src/shared/planning/calendar-date.js';
import { createTestApp, type Session, TEST_ORIGIN, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
let workspaceId: string;
let otherWorkspaceId: string;
let officer: Session;
let contributor: Session;
let outsider: Session;
const today = calendarDateAt(new Date(), 'Africa/Casablanca');
const day = (offset: number) => addDays(today, offset);
const ids = {} as Record<
  'campaign' | 'otherCampaign' | 'channel' | 'organisation' | 'myTask' | 'officerTask' | 'milestone' | 'foreignTask',
  string
>;

async function insertTask(values: Partial<typeof tasks.$inferInsert> & { workspaceId: string; title: ReturnType<typeof localized> }) {
  const [row] = await t.platform.database.db
    .insert(tasks)
    .values({ startDate: day(0), dueDate: day(0), ...values })
    .returning();
  return (row as typeof tasks.$inferSelect).id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.platform.database.db;
  const workspace = await t.make.workspace();
  const other = await t.make.workspace();
  workspaceId = workspace.id;
  otherWorkspaceId = other.id;
  const officerAccount = await t.make.member(workspaceId, 'officer', 'fr');
  const contributorAccount = await t.make.member(workspaceId, 'contributor', 'ar');
  officer = await t.signIn(officerAccount.email);
  contributor = await t.signIn(contributorAccount.email);
  outsider = await t.signIn((await t.make.member(otherWorkspaceId, 'admin')).email);
  ids.organisation = (await t.make.organisation(workspaceId)).id;

  const [channel] = await db
    .insert(planChannels)
    .values({ workspaceId, name: localized({ fr: 'Presse', ar: 'الصحافة' }), kind: 'press' })
    .returning();
  ids.channel = (channel as { id: string }).id;
  const [campaign, otherCampaign] = await db
    .insert(campaigns)
    .values([
      { workspaceId, title: localized({ fr: 'Conférence de presse de clôture', ar: 'الندوة الصحفية الختامية' }), goalDate: day(30) },
      { workspaceId, title: localized({ fr: 'Lettre d’information n° 4', ar: 'النشرة الإخبارية 4' }), goalDate: day(12) },
    ])
    .returning();
  ids.campaign = (campaign as { id: string }).id;
  ids.otherCampaign = (otherCampaign as { id: string }).id;
  await db.insert(campaignChannels).values({ campaignId: ids.campaign, channelId: ids.channel });

  ids.myTask = await insertTask({
    workspaceId,
    campaignId: ids.campaign,
    title: localized({ ar: 'ترجمة البلاغ الصحفي، النسخة العربية', fr: 'Traduire le communiqué; version arabe' }),
    startDate: day(-3),
    dueDate: day(2),
    assigneeUserId: contributor.userId,
    organisationId: ids.organisation,
  });
  ids.officerTask = await insertTask({
    workspaceId,
    campaignId: ids.otherCampaign,
    title: localized({ fr: 'Rédiger l’édito', ar: 'كتابة الافتتاحية' }),
    startDate: day(5),
    dueDate: day(8),
    assigneeUserId: officer.userId,
  });
  ids.milestone = await insertTask({
    workspaceId,
    campaignId: ids.campaign,
    title: localized({ fr: 'Validation du dossier de presse', ar: 'المصادقة على الملف الصحفي' }),
    startDate: day(20),
    dueDate: day(21),
    isMilestone: true,
  });
  ids.foreignTask = await insertTask({ workspaceId: otherWorkspaceId, title: localized({ fr: 'Tâche d’un autre espace' }) });
});
afterAll(() => t.close());

async function calendarOf(session: Session, query: Record<string, string>, workspace = workspaceId) {
  return t.request(session, { method: 'GET', url: `/api/workspaces/${workspace}/calendar?${new URLSearchParams(query)}` });
}

async function entriesOf(query: Record<string, string>) {
  const response = await calendarOf(officer, query);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as Calendar).entries;
}

describe('calendar entries', () => {
  it('lists tasks overlapping the range, milestones and goal dates, with their campaign and channels', async () => {
    const entries = await entriesOf({ from: day(0), to: day(40), kinds: 'task,milestone,campaign-goal' });
    expect(entries.map((entry) => `${entry.kind}:${entry.id}`)).toEqual([
      `task:${ids.myTask}`,
      `task:${ids.officerTask}`,
      `campaign-goal:${ids.otherCampaign}`,
      `milestone:${ids.milestone}`,
      `campaign-goal:${ids.campaign}`,
    ]);
    const myTask = entries.find((entry) => entry.id === ids.myTask);
    expect(myTask).toMatchObject({
      start: day(-3),
      end: day(2),
      allDay: true,
      campaignId: ids.campaign,
      organisationId: ids.organisation,
      channelIds: [ids.channel],
      status: 'todo',
      link: `/w/${workspaceId}/campaigns/${ids.campaign}?task=${ids.myTask}`,
    });
    expect(entries.find((entry) => entry.id === ids.milestone)).toMatchObject({ start: day(21), end: day(21) });
    expect(entries.find((entry) => entry.id === ids.campaign)?.title.ar?.value).toBe('الندوة الصحفية الختامية');
  });

  it('leaves out what ends before the range or starts after it', async () => {
    const entries = await entriesOf({ from: day(3), to: day(4), kinds: 'task,milestone,campaign-goal' });
    expect(entries).toEqual([]);
  });

  it('filters by campaign, channel and organisation', async () => {
    const kinds = 'task,milestone,campaign-goal';
    const byCampaign = await entriesOf({ from: day(0), to: day(40), kinds, campaignId: ids.otherCampaign });
    expect(byCampaign.map((entry) => entry.id).sort()).toEqual([ids.officerTask, ids.otherCampaign].sort());
    const byChannel = await entriesOf({ from: day(0), to: day(40), kinds, channelId: ids.channel });
    expect(byChannel.map((entry) => entry.id).sort()).toEqual([ids.myTask, ids.milestone, ids.campaign].sort());
    const byOrganisation = await entriesOf({ from: day(0), to: day(40), kinds, organisationId: ids.organisation });
    // The campaign concerns the organisation through its task, so its goal date stays.
    expect(byOrganisation.map((entry) => entry.id).sort()).toEqual([ids.myTask, ids.campaign].sort());
  });

  it('shows the workspace holidays, estimated ones flagged, with its own additions and removals', async () => {
    const db = t.platform.database.db;
    await db.insert(holidayChanges).values([
      { workspaceId, kind: 'added', date: '2026-03-10', name: localized({ fr: 'Assemblée générale', ar: 'الجمعية العامة' }) },
      { workspaceId, kind: 'removed', date: '2026-03-20', holidayKey: 'tunisiaIndependenceDay', countries: ['TN'] },
      { workspaceId: otherWorkspaceId, kind: 'added', date: '2026-03-11', name: localized({ fr: 'Pas ici' }) },
    ]);
    const response = await calendarOf(officer, { from: '2026-03-01', to: '2026-03-31', kinds: 'holiday', campaignId: ids.campaign });
    const { entries, timeZone } = response.json() as Calendar;
    expect(timeZone).toBe('Africa/Casablanca');
    const added = entries.find((entry) => entry.start === '2026-03-10');
    expect(added?.title.fr?.value).toBe('Assemblée générale');
    expect(entries.some((entry) => entry.start === '2026-03-11')).toBe(false);
    const eid = entries.find((entry) => entry.id.startsWith('eidAlFitr-'));
    expect(eid).toMatchObject({ kind: 'holiday', isEstimated: true, allDay: true });
    expect(eid?.title.fr?.value).toBe('Aïd el-Fitr');
    expect(eid?.title.ar?.value).toBeTruthy();
    expect(added).toMatchObject({ isEstimated: false, countries: [] });
    // Tunisia's independence day, removed by the workspace (the built-in rule has it on 20 March).
    expect(entries.some((entry) => entry.id.startsWith('tunisiaIndependenceDay-'))).toBe(false);
    const next = await calendarOf(officer, { from: '2027-03-01', to: '2027-03-31', kinds: 'holiday' });
    expect((next.json() as Calendar).entries.some((entry) => entry.id === 'tunisiaIndependenceDay-2027-03-20')).toBe(true);
  });

  it('refuses another workspace and never shows its items', async () => {
    const foreign = await calendarOf(officer, { from: day(0), to: day(10) }, otherWorkspaceId);
    expect(foreign.statusCode).toBe(404);
    const outsiderView = await calendarOf(
      outsider,
      { from: day(-5), to: day(40), kinds: 'task,milestone,campaign-goal' },
      otherWorkspaceId,
    );
    expect((outsiderView.json() as Calendar).entries.map((entry) => entry.id)).toEqual([ids.foreignTask]);
    const crossFilter = await calendarOf(
      outsider,
      { from: day(-5), to: day(40), campaignId: ids.campaign, kinds: 'task,campaign-goal' },
      otherWorkspaceId,
    );
    expect((crossFilter.json() as Calendar).entries).toEqual([]);
  });
});

describe('bad input', () => {
  it('refuses an end before the start, in the reader’s language', async () => {
    const response = await calendarOf(officer, { from: '2026-05-10', to: '2026-05-01', lang: 'ar' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { to: { code: 'DATE_RANGE_REVERSED', message: 'تاريخ النهاية يسبق تاريخ البداية.' } },
    });
  });

  it('refuses a range longer than 400 days', async () => {
    const response = await calendarOf(officer, { from: '2026-01-01', to: '2027-02-05' });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields.to).toEqual({ code: 'DATE_RANGE_TOO_LONG', message: 'Période trop longue : 400 jours au plus.' });
    expect((await calendarOf(officer, { from: '2026-01-01', to: '2027-02-04' })).statusCode).toBe(200);
  });

  it('refuses impossible dates, missing dates, bad ids, bad kinds and unknown parameters', async () => {
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ from: '2026-02-30', to: '2026-03-10' }, 'from', 'INVALID_FORMAT'],
      [{ from: '10/03/2026', to: '2026-03-10' }, 'from', 'INVALID_FORMAT'],
      [{ to: '2026-03-10' }, 'from', 'REQUIRED'],
      [{ from: '2026-03-01', to: '2026-03-10', campaignId: 'nope' }, 'campaignId', 'INVALID_FORMAT'],
      [{ from: '2026-03-01', to: '2026-03-10', kinds: 'task,DROP TABLE' }, 'kinds', 'INVALID_VALUE'],
      [{ from: '2026-03-01', to: '2026-03-10', limit: '5' }, 'limit', 'UNKNOWN_FIELD'],
    ];
    for (const [query, field, code] of cases) {
      const response = await calendarOf(officer, query);
      expect(response.statusCode, JSON.stringify(query)).toBe(400);
      expect(response.json().fields[field]?.code, `${JSON.stringify(query)} → ${response.body}`).toBe(code);
    }
  });
});

describe('private iCalendar feed', () => {
  const feedUrl = `/api/workspaces/${'{id}'}/calendar/feed`;
  const feedPath = () => feedUrl.replace('{id}', workspaceId);
  const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: url.replace(TEST_ORIGIN, '') });

  it('creates a secret URL once, then serves a feed that ical.js reads back', async () => {
    expect((await t.request(contributor, { method: 'GET', url: feedPath() })).json()).toEqual({ isActive: false, createdAt: null });
    const created = await t.request(contributor, { method: 'POST', url: feedPath() });
    expect(created.statusCode).toBe(201);
    const { url } = created.json() as { url: string };
    expect(url).toMatch(new RegExp(`^${TEST_ORIGIN}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    const status = (await t.request(contributor, { method: 'GET', url: feedPath() })).json();
    expect(status.isActive).toBe(true);
    expect(JSON.stringify(status)).not.toContain(url.split('/').at(-1)?.replace('.ics', ''));

    const response = await fetchFeed(url);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(response.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const calendar = new ICAL.Component(ICAL.parse(response.body));
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Africa/Casablanca');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    // Tasks assigned to the reader, every milestone and goal date; not the officer's task, no holiday.
    expect(events.map((event) => event.uid).sort()).toEqual(
      [
        `task-${ids.myTask}@tawasul`,
        `milestone-${ids.milestone}@tawasul`,
        `campaign-goal-${ids.campaign}@tawasul`,
        `campaign-goal-${ids.otherCampaign}@tawasul`,
      ].sort(),
    );
    const task = events.find((event) => event.uid === `task-${ids.myTask}@tawasul`) as ICAL.Event;
    // The reader reads Arabic: Arabic first, French after, punctuation intact once unescaped.
    expect(task.summary).toBe('ترجمة البلاغ الصحفي، النسخة العربية / Traduire le communiqué; version arabe');
    expect(task.startDate.isDate).toBe(true);
    expect(task.startDate.toString()).toBe(day(-3));
    expect(task.endDate.toString()).toBe(day(3));
    expect(task.component.getFirstPropertyValue('url')).toBe(
      `${TEST_ORIGIN}/app/w/${workspaceId}/campaigns/${ids.campaign}?task=${ids.myTask}`,
    );
    expect(task.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(task.component.getFirstProperty('dtstamp')?.getFirstValue()?.toString()).toMatch(/Z$/);
  });

  it('rotates the token: the old URL answers 404, the new one the feed', async () => {
    const first = (await t.request(officer, { method: 'POST', url: feedPath() })).json().url as string;
    expect((await fetchFeed(first)).statusCode).toBe(200);
    const second = (await t.request(officer, { method: 'POST', url: feedPath() })).json().url as string;
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).statusCode).toBe(404);
    const feed = await fetchFeed(second);
    expect(feed.statusCode).toBe(200);
    // The officer reads French first.
    expect(feed.body).toContain(`SUMMARY:Rédiger l’édito / كتابة الافتتاحية`);
  });

  it('revokes the feed: its URL answers 404, and a second revoke finds nothing', async () => {
    const url = (await t.request(officer, { method: 'POST', url: feedPath() })).json().url as string;
    const revoked = await t.request(officer, { method: 'DELETE', url: feedPath() });
    expect(revoked.statusCode).toBe(204);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await t.request(officer, { method: 'DELETE', url: feedPath() })).statusCode).toBe(404);
  });

  it('answers 404 to an unknown token and to a member who left the workspace', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/calendar/${'x'.repeat(43)}.ics` })).statusCode).toBe(404);
    const leaving = await t.make.member(workspaceId, 'viewer');
    const session = await t.signIn(leaving.email);
    const url = (await t.request(session, { method: 'POST', url: feedPath() })).json().url as string;
    expect((await fetchFeed(url)).statusCode).toBe(200);
    const { and, eq } = await import('drizzle-orm');
    await t.platform.database.db
      .delete(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, leaving.userId)));
    expect((await fetchFeed(url)).statusCode).toBe(404);
  });

  it('keeps each member to their own workspace’s feed routes', async () => {
    const response = await t.request(outsider, { method: 'POST', url: feedPath() });
    expect(response.statusCode).toBe(404);
  });
});
