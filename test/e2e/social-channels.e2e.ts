/**
 * Connected pages and the calendar's drag, end to end on the demo workspace: the admin connects the
 * sandbox's second page through the sandbox's Meta dialog (login → dialog → callback → choose the
 * page → connect) and sees it listed beside the demo page, said plainly to be a sandbox; then drags a
 * scheduled post to the next day on the month view (its time of day kept, on the server too), moves
 * one to an hour of the week view, and is refused, in the server's words, a move into the past with
 * the keyboard's "move to…". Both screens are seen in French and Arabic (mirrored grid), screenshotted,
 * and pass axe-core.
 */
import { eq } from 'drizzle-orm';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialChannels, socialPosts } from '../../src/server/modules/social/social.tables.js';
import { addDays, calendarDateAt } from '../../src/shared/planning/calendar-date.js';
import { localDateTimeAt } from '../../src/shared/social/posts.schema.js';
import { ADMIN, type E2eContext, expectAccessible, screenshot, startE2e, switchInterfaceLanguage } from './e2e-harness.js';

const TIME_ZONE = 'Africa/Casablanca';
const SECOND_PAGE = 'جمعية الشعلة الخضراء للبيئة';
const DEMO_PAGE = 'AlterMed — Entreprendre autrement';

describe('connected pages and moving posts on the calendar', () => {
  let e2e: E2eContext;
  let context: BrowserContext;
  let page: Page;
  let workspaceUrl: string;

  const switchLanguage = (language: 'fr' | 'ar') => switchInterfaceLanguage(page, language);

  const postRow = async (id: string) => {
    const [row] = await e2e.server.platform.database.db.select().from(socialPosts).where(eq(socialPosts.id, id));
    return row;
  };
  /** A drag as a hand makes it: press, move in steps (Chromium starts a drag only once the mouse travels), release. */
  async function dragWithMouse(source: Locator, target: Locator) {
    await source.hover();
    await page.mouse.down();
    const start = await source.boundingBox();
    if (start) await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 6, { steps: 3 });
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    if (!box) throw new Error('the drop target has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
  }

  const postIdOf = async (entry: Locator) => ((await entry.getAttribute('href')) ?? '').split('/').at(-1) ?? '';

  beforeAll(async () => {
    e2e = await startE2e();
    context = await e2e.browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\//);
    workspaceUrl = page.url().replace(/(\/app\/w\/[^/]+)\/.*$/, '$1');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  it('connects the sandbox’s second page through the login flow and lists it beside the demo page', async () => {
    await switchLanguage('fr');
    await page.goto(`${workspaceUrl}/social/channels`);
    await page.getByRole('heading', { level: 1, name: 'Pages connectées' }).waitFor();
    expect(await page.getByTestId('sandbox-notice').textContent()).toContain('Rien n’est envoyé à Facebook');
    const demo = page.getByRole('article', { name: DEMO_PAGE });
    expect(await demo.getByTestId('channel-status').textContent()).toBe('Connectée');

    await page.getByRole('button', { name: 'Connecter une page Facebook' }).click();
    // The sandbox's dialog answers at once and Meta's redirect brings the browser back with the login.
    await page.waitForURL(/\/social\/channels\?login=[\w-]{16,}/);
    const chooser = page.getByRole('region', { name: 'Choisir les pages à connecter' });
    const second = chooser.getByRole('checkbox', { name: SECOND_PAGE });
    await second.waitFor();
    expect(await second.isChecked()).toBe(true);
    expect(await chooser.getByRole('checkbox', { name: DEMO_PAGE }).isChecked()).toBe(false);
    await chooser.getByRole('button', { name: 'Connecter la sélection' }).click();

    expect(await page.getByTestId('connected-notice').textContent()).toContain(SECOND_PAGE);
    await screenshot(page, 'social-channels-connected-fr');
    const added = page.getByRole('article', { name: SECOND_PAGE });
    await added.waitFor();
    expect(await added.getByTestId('channel-status').textContent()).toBe('Connectée');
    expect(await added.getByText('Bac à sable').count()).toBe(1);
    expect(page.url()).not.toContain('login=');

    await added.getByRole('button', { name: 'Vérifier maintenant' }).click();
    expect(await added.getByTestId('channel-check-result').textContent()).toContain('toutes les autorisations');
    const queue = page.getByRole('region', { name: 'File de publication' });
    expect(await queue.getByRole('listitem', { name: 'mardi' }).textContent()).toContain('10:00');

    // Meta withdraws a permission from the second page (as a check would record it): the card says why, since when, and offers to reconnect.
    await e2e.server.platform.database.db
      .update(socialChannels)
      .set({ status: 'needs_reconnection', statusReason: 'permission-missing:pages_manage_posts', statusChangedAt: new Date() })
      .where(eq(socialChannels.name, SECOND_PAGE));
    await page.reload();
    const reason = page.getByRole('article', { name: SECOND_PAGE }).getByTestId('channel-reason');
    expect(await reason.textContent()).toContain('publier et supprimer des publications (pages_manage_posts)');
    expect(await reason.textContent()).toContain('Depuis le');
    expect(await page.getByRole('article', { name: SECOND_PAGE }).getByRole('button', { name: 'Reconnecter' }).count()).toBe(1);

    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'social-channels-fr');
    await expectAccessible(page, 'channels page (fr)');
    await switchLanguage('ar');
    await page.getByRole('heading', { level: 1, name: 'الصفحات المربوطة' }).waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('article', { name: SECOND_PAGE }).getByTestId('channel-status').textContent()).toBe(
      'تحتاج إلى إعادة الربط',
    );
    expect(await page.getByRole('article', { name: SECOND_PAGE }).getByTestId('channel-reason').textContent()).toContain('منذ');
    await screenshot(page, 'social-channels-ar');
    await page.getByRole('region', { name: 'قائمة انتظار النشر' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'social-channels-queue-ar');
    await expectAccessible(page, 'channels page (ar)');
    await switchLanguage('fr');
  });

  it('drags a scheduled post to the next day on the month view: its time of day is kept', async () => {
    await switchLanguage('fr');
    await page.goto(`${workspaceUrl}/calendar`);
    const grid = page.getByTestId('calendar-month');
    await grid.waitFor();
    const movable = grid.locator('a.tawasul-cal-entry[draggable="true"]');
    await expect.poll(() => movable.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The first scheduled post whose next day is in the grid.
    const days = await grid.locator('li[data-date]').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-date') ?? ''));
    let entry: Locator | undefined;
    let from = '';
    for (let index = 0; index < (await movable.count()); index++) {
      const candidate = movable.nth(index);
      const date = (await candidate.evaluate((link) => link.closest('li[data-date]')?.getAttribute('data-date'))) ?? '';
      if (days.includes(addDays(date, 1))) {
        entry = candidate;
        from = date;
        break;
      }
    }
    if (!entry) throw new Error('no scheduled post with a next day in the month grid');
    const id = await postIdOf(entry);
    const before = await postRow(id);
    const time = localDateTimeAt(before?.scheduledAt as Date, TIME_ZONE).time;
    const to = addDays(from, 1);

    await dragWithMouse(entry, grid.locator(`li[data-date="${to}"]`));
    const outcome = page.getByTestId('calendar-move-outcome');
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('déplacée au');
    await expect.poll(async () => localDateTimeAt((await postRow(id))?.scheduledAt as Date, TIME_ZONE)).toEqual({ date: to, time });
    const moved = grid.locator(`li[data-date="${to}"] a[href$="${id}"]`);
    await moved.waitFor();
    expect(await moved.getAttribute('draggable')).toBe('true');
    await page.mouse.move(0, 0);
    await screenshot(page, 'calendar-dragged-post-fr');
    await expectAccessible(page, 'calendar after a move (fr)');

    await switchLanguage('ar');
    await grid.waitFor();
    // The grid is mirrored: Monday on the right.
    const [first, second] = await grid
      .locator('li[data-date]')
      .evaluateAll((cells) => cells.slice(0, 2).map((cell) => cell.getBoundingClientRect().left));
    expect(first).toBeGreaterThan(second as number);
    const back = grid.locator(`li[data-date="${to}"] a[href$="${id}"]`);
    // Nothing in the grid widens the page (a hidden label escaping its entry would, and shift the view).
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
    await dragWithMouse(back, grid.locator(`li[data-date="${from}"]`));
    await expect.poll(() => outcome.textContent(), { timeout: 20_000 }).toContain('نُقل');
    await expect.poll(async () => localDateTimeAt((await postRow(id))?.scheduledAt as Date, TIME_ZONE)).toEqual({ date: from, time });
    await page.mouse.move(0, 0);
    await screenshot(page, 'calendar-dragged-post-ar');
    await expectAccessible(page, 'calendar after a move (ar)');
    await switchLanguage('fr');
  });

  it('moves a post to an hour of the week view, and refuses the past with the server’s words', async () => {
    await switchLanguage('fr');
    const scheduled = await e2e.server.platform.database.db.select().from(socialPosts).where(eq(socialPosts.status, 'scheduled'));
    const post = scheduled.sort((a, b) => (a.scheduledAt?.getTime() ?? 0) - (b.scheduledAt?.getTime() ?? 0)).at(-1);
    if (!post?.scheduledAt) throw new Error('no scheduled post');
    const { date } = localDateTimeAt(post.scheduledAt, TIME_ZONE);
    await page.goto(`${workspaceUrl}/calendar?view=week&date=${date}`);
    const week = page.getByTestId('calendar-week');
    const entry = week.locator(`a[href$="${post.id}"]`);
    await entry.waitFor();

    // Held mid-drag, the hours show; the screenshot keeps that moment.
    const day = week.locator(`li[data-date="${date}"]`);
    await entry.hover();
    await page.mouse.down();
    const start = await entry.boundingBox();
    if (start) await page.mouse.move(start.x + start.width / 2 + 12, start.y + start.height / 2 + 6, { steps: 3 });
    const target = day.locator('[data-time="14:00"]');
    await target.waitFor();
    const box = await target.boundingBox();
    if (!box) throw new Error('no slot box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await expect.poll(() => target.getAttribute('data-drop-over')).toBe('true');
    await screenshot(page, 'calendar-week-dragging-fr');
    await page.mouse.up();
    await expect
      .poll(async () => localDateTimeAt((await postRow(post.id))?.scheduledAt as Date, TIME_ZONE))
      .toEqual({ date, time: '14:00' });

    // The keyboard's way: "move to…" a day already past.
    const title = (await entry.locator('.tawasul-cal-entry-title').textContent()) ?? '';
    await week.getByRole('button', { name: `Déplacer « ${title} »…` }).click();
    const form = page.getByRole('form', { name: 'Déplacer au…' });
    const yesterday = addDays(calendarDateAt(new Date(), TIME_ZONE), -1);
    await form.getByLabel('Jour').fill(yesterday);
    await form.getByRole('button', { name: 'Déplacer' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Cette date est déjà passée.' });
    await refusal.waitFor();
    expect(localDateTimeAt((await postRow(post.id))?.scheduledAt as Date, TIME_ZONE)).toEqual({ date, time: '14:00' });
    await screenshot(page, 'calendar-move-refused-fr');
  });
});
