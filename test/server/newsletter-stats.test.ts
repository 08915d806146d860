/**
 * Issue statistics: exact figures on a seeded set of deliveries and clicks, per language version and
 * in total; the grouped queries read one issue through its indexes, not the whole table; the workspace overview;
 * permissions and cross-workspace 404s.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsletterClicks } from '../../src/server/modules/newsletter/newsletter.tables.js';
import { clicksByUrlQuery, deliveryFiguresByVariantQuery } from '../../src/server/modules/newsletter/stats.repo.js';
import { createTestApp, type Session, type TestApp } from '../helpers/test-app.js';
import { trackingFixture } from '../helpers/tracking-fixture.js';

let t: TestApp;
let fixture: ReturnType<typeof trackingFixture>;
let viewer: Session;
let contributorElsewhere: Session;
let workspaceId: string;
let issueId: string;

const L1 = 'https://altermed.example/forum';
const L2 = 'https://altermed.example/rapport';
const now = new Date('2026-11-20T10:00:00Z');

/** Seeds the set the expectations below are computed from, by hand. */
async function seed() {
  const issue = await fixture.issue(workspaceId);
  issueId = issue.id;
  const add = async (variant: string, fields: Parameters<typeof fixture.delivery>[3] = {}) =>
    fixture.delivery(workspaceId, issue.id, await fixture.subscriber(workspaceId), { variant, sentAt: now, ...fields });
  const click = (delivery: { id: number }, url: string) =>
    t.platform.database.db.insert(newsletterClicks).values({ issueId: issue.id, deliveryId: delivery.id, url });
  // Arabic: opened three times, clicked L1 twice and L2 once, then unsubscribed; opened once; hard bounce; failed.
  const a1 = await add('ar', { openedAt: now, openCount: 3, clickedAt: now, clickCount: 3, unsubscribedAt: now });
  await click(a1, L1);
  await click(a1, L1);
  await click(a1, L2);
  await add('ar', { openedAt: now, openCount: 1 });
  await add('ar', { state: 'bounced', bounceType: 'hard', bouncedAt: now });
  await add('ar', { state: 'failed', sentAt: null });
  // French: opened twice and clicked L1; a soft bounce; one still pending.
  const f1 = await add('fr', { openedAt: now, openCount: 2, clickedAt: now, clickCount: 1 });
  await click(f1, L1);
  await add('fr', { bounceType: 'soft', bouncedAt: now });
  await add('fr', { state: 'pending', sentAt: null });
  // Bilingual: opened once, then reported as spam.
  await add('bilingual', { openedAt: now, openCount: 1, bounceType: 'complaint', bouncedAt: now });
}

beforeAll(async () => {
  t = await createTestApp();
  fixture = trackingFixture(t.platform);
  workspaceId = (await t.make.workspace()).id;
  viewer = await t.signIn((await t.make.member(workspaceId, 'viewer')).email);
  const other = await t.make.workspace();
  contributorElsewhere = await t.signIn((await t.make.member(other.id, 'contributor')).email);
  await fixture.tracking(workspaceId, { opens: true, clicks: false });
  await seed();
});
afterAll(() => t.close());

const statsUrl = (issue = issueId, workspace = workspaceId) => `/api/workspaces/${workspace}/newsletter/issues/${issue}/stats`;

describe('issue statistics', () => {
  it('gives exact figures and rates per language version and in total', async () => {
    const response = await t.request(viewer, { method: 'GET', url: statsUrl() });
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    expect(stats).toMatchObject({ issueId, status: 'sent', trackOpens: true, trackClicks: false });
    expect(stats.variants.map((variant: { variant: string }) => variant.variant)).toEqual(['ar', 'fr', 'bilingual']);
    const [ar, fr, bilingual] = stats.variants;
    expect(ar).toEqual({
      variant: 'ar',
      recipients: 4,
      pending: 0,
      sent: 3,
      delivered: 2,
      failed: 1,
      bounces: { hard: 1, soft: 0, complaint: 0 },
      opens: { unique: 2, total: 4 },
      clicks: { unique: 1, total: 3 },
      unsubscribes: 1,
      rates: { open: 1, click: 0.5, clickToOpen: 0.5, bounce: 1 / 3, unsubscribe: 0.5 },
    });
    expect(fr).toMatchObject({
      recipients: 3,
      pending: 1,
      sent: 2,
      delivered: 2,
      failed: 0,
      bounces: { hard: 0, soft: 1, complaint: 0 },
      opens: { unique: 1, total: 2 },
      clicks: { unique: 1, total: 1 },
      unsubscribes: 0,
      rates: { open: 0.5, click: 0.5, clickToOpen: 1, bounce: 0.5, unsubscribe: 0 },
    });
    expect(bilingual).toMatchObject({
      recipients: 1,
      sent: 1,
      delivered: 1,
      bounces: { hard: 0, soft: 0, complaint: 1 },
      opens: { unique: 1, total: 1 },
      clicks: { unique: 0, total: 0 },
      rates: { open: 1, click: 0, clickToOpen: 0, bounce: 0, unsubscribe: 0 },
    });
    expect(stats.total).toEqual({
      variant: 'total',
      recipients: 8,
      pending: 1,
      sent: 6,
      delivered: 5,
      failed: 1,
      bounces: { hard: 1, soft: 1, complaint: 1 },
      opens: { unique: 4, total: 7 },
      clicks: { unique: 2, total: 4 },
      unsubscribes: 1,
      rates: { open: 0.8, click: 0.4, clickToOpen: 0.5, bounce: 2 / 6, unsubscribe: 0.2 },
    });
    expect(stats.links).toEqual([
      { url: L1, clicks: 3, uniqueClickers: 2 },
      { url: L2, clicks: 1, uniqueClickers: 1 },
    ]);
  });

  it('answers zeros and null rates for an issue nothing was sent for', async () => {
    const draft = await fixture.issue(workspaceId, { status: 'draft' });
    const stats = (await t.request(viewer, { method: 'GET', url: statsUrl(draft.id) })).json();
    expect(stats.variants).toEqual([]);
    expect(stats.links).toEqual([]);
    expect(stats.total).toMatchObject({
      recipients: 0,
      sent: 0,
      rates: { open: null, click: null, clickToOpen: null, bounce: null, unsubscribe: null },
    });
  });

  it('lists the latest issues that went out with their main rates', async () => {
    const overview = (await t.request(viewer, { method: 'GET', url: `/api/workspaces/${workspaceId}/newsletter/stats/overview` })).json();
    const seeded = overview.items.find((item: { issueId: string }) => item.issueId === issueId);
    expect(seeded).toMatchObject({
      recipients: 8,
      sent: 6,
      delivered: 5,
      rates: { open: 0.8, click: 0.4, bounce: 2 / 6, unsubscribe: 0.2 },
    });
    // The workspace's switches (opens on, clicks off), so a zero click rate can be read as "not tracked".
    expect(overview).toMatchObject({ trackOpens: true, trackClicks: false });
    expect(seeded.subject.ar.value).toBe('نشرة نوفمبر');
    expect(overview.items.some((item: { status: string }) => item.status === 'draft')).toBe(false);
  });

  it('hides other workspaces’ issues and refuses outsiders', async () => {
    const other = await t.make.workspace();
    const foreign = await fixture.issue(other.id);
    expect((await t.request(viewer, { method: 'GET', url: statsUrl(foreign.id) })).statusCode).toBe(404);
    expect((await t.request(viewer, { method: 'GET', url: statsUrl('not-a-uuid') })).statusCode).toBe(404);
    expect((await t.request(contributorElsewhere, { method: 'GET', url: statsUrl() })).statusCode).toBe(404);
    expect((await t.request(undefined, { method: 'GET', url: statsUrl() })).statusCode).toBe(401);
  });
});

describe('statistics queries at scale', () => {
  it('read one issue among 30,000 deliveries through the issue indexes (bench/newsletter-stats.bench.ts times 100,000)', async () => {
    const big = await t.make.workspace();
    const executeSql = t.platform.database.executeSql;
    await executeSql(
      `insert into subscriber (workspace_id, email, email_normalized)
       select $1, 'r' || n || '@example.test', 'r' || n || '@example.test' from generate_series(1, 3000) as n`,
      [big.id],
    );
    const issueIds: string[] = [];
    for (let index = 0; index < 10; index += 1) issueIds.push((await fixture.issue(big.id)).id);
    await executeSql(
      `insert into newsletter_delivery (workspace_id, issue_id, subscriber_id, email, variant, state, sent_at, open_count, opened_at)
       select $1, i.id, s.id, s.email, case when s.email like '%1@%' then 'ar' else 'fr' end, 'sent', now(),
              (length(s.email) % 3), case when length(s.email) % 3 > 0 then now() end
       from unnest($2::uuid[]) as i(id) cross join subscriber s where s.workspace_id = $1`,
      [big.id, issueIds],
    );
    await executeSql(
      `insert into newsletter_click (issue_id, delivery_id, url)
       select issue_id, id, 'https://altermed.example/' || (id % 7) from newsletter_delivery where workspace_id = $1 and id % 5 = 0`,
      [big.id],
    );
    await executeSql('analyze newsletter_delivery');
    await executeSql('analyze newsletter_click');
    const target = issueIds[3] as string;
    for (const query of [
      deliveryFiguresByVariantQuery(t.platform.database.db, target),
      clicksByUrlQuery(t.platform.database.db, target, 100),
    ]) {
      const { sql, params } = query.toSQL();
      const { rows } = await executeSql(`explain ${sql}`, params);
      const plan = rows.map((row) => String(Object.values(row)[0])).join('\n');
      expect(plan).not.toMatch(/Seq Scan on newsletter_(delivery|click)/);
      expect(plan).toMatch(/newsletter_(delivery_issue_state|delivery_issue_subscriber|click_issue)_idx/);
    }
    const stats = (
      await t.request(await t.signIn((await t.make.member(big.id, 'viewer')).email), { method: 'GET', url: statsUrl(target, big.id) })
    ).json();
    expect(stats.total.recipients).toBe(3000);
    const links = stats.links as Array<{ clicks: number }>;
    expect(links.reduce((sum, link) => sum + link.clicks, 0)).toBe(
      await fixture.count('select count(*) from newsletter_click where issue_id = $1', [target]),
    );
  }, 120_000);
});
