/**
 * Campaigns and retro-planning in French, then in Arabic (mirrored): create a closing press conference
 * from the shipped template, see its Gantt, move the goal date by a week after a dry run that names
 * what moves and what to watch, then move one bar (keyboard in French, mouse drag in Arabic) and see
 * its dependant pushed. Every page passes axe-core; screenshots go to test-results/e2e/.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, calendarDateAt, weekdayOf } from '../../src/shared/planning/calendar-date.js';
import { ADMIN, type E2eContext, expectAccessible, screenshot, startE2e } from './e2e-harness.js';

const WORDS = {
  fr: {
    newCampaign: 'Nouvelle campagne',
    title: 'Titre',
    goalDate: /^Date cible/,
    template: /^Modèle de rétroplanning/,
    templateName: 'Conférence de presse de clôture',
    create: 'Créer la campagne',
    moveGoal: 'Déplacer la date cible',
    newGoal: /^Nouvelle date cible/,
    preview: 'Voir ce qui change',
    confirm: 'Confirmer le déplacement',
    moved: /tâches bougent/,
    firstTask: 'Messages clés et bilan du projet',
    secondTask: 'Dossier de presse rédigé',
    pushed: /tâches? dépendantes? repoussées?/,
    lastMove: 'Dernier déplacement enregistré',
  },
  ar: {
    newCampaign: 'حملة جديدة',
    title: 'العنوان',
    goalDate: /^التاريخ المرجعي/,
    template: /^نموذج التخطيط العكسي/,
    templateName: 'ندوة صحفية ختامية',
    create: 'إنشاء الحملة',
    moveGoal: 'تغيير التاريخ المرجعي',
    newGoal: /^التاريخ المرجعي الجديد/,
    preview: 'عرض التغييرات',
    confirm: 'تأكيد التغيير',
    moved: /تتغير/,
    firstTask: 'الرسائل الرئيسية وحصيلة المشروع',
    secondTask: 'تحرير الملف الصحفي',
    pushed: /تأجيل/,
    lastMove: 'آخر نقل محفوظ',
  },
} as const;

/** The first Saturday at least `days` ahead: the moved press conference then lands on a weekend, which the dry run must say. */
function saturdayAfter(days: number): string {
  let date = addDays(calendarDateAt(new Date(), 'UTC'), days);
  while (weekdayOf(date) !== 6) date = addDays(date, 1);
  return date;
}

const barOf = (page: Page, title: string): Locator => page.getByTestId('gantt').getByRole('button', { name: new RegExp(`^${title}[,،]`) });

describe('campaigns and retro-planning', () => {
  let e2e: E2eContext;
  let context: BrowserContext;
  let page: Page;
  let workspaceUrl: string;

  beforeAll(async () => {
    e2e = await startE2e();
    context = await e2e.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'fr-FR' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (error) => console.error('page error:', error.message));
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel(/^Mot de passe/).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\/organisations$/);
    workspaceUrl = page.url().replace(/\/organisations$/, '');
  });

  afterAll(async () => {
    await context?.close();
    await e2e?.close();
  });

  async function createCampaign(lang: 'fr' | 'ar', goalDate: string, titles: { fr: string; ar: string }) {
    const words = WORDS[lang];
    await page.goto(`${workspaceUrl}/campaigns`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await expectAccessible(page, `campaigns ${lang}`);
    await page.getByRole('link', { name: words.newCampaign }).click();
    await page.waitForURL(/\/campaigns\/new$/);
    await page.getByRole('textbox', { name: `${words.title} (العربية)`, exact: true }).fill(titles.ar);
    await page.getByRole('textbox', { name: `${words.title} (Français)`, exact: true }).fill(titles.fr);
    await page.getByLabel(words.goalDate).fill(goalDate);
    await page.getByRole('combobox', { name: words.template }).click();
    await page.getByRole('option', { name: words.templateName }).click();
    const preview = page.getByTestId('template-preview');
    await expect.poll(() => preview.textContent()).toMatch(lang === 'fr' ? /J-30/ : /ي-30/);
    await expectAccessible(page, `new campaign ${lang}`);
    await screenshot(page, `campaign-new-${lang}`);
    await page.getByRole('button', { name: words.create }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\?tab=gantt$/);
    await expect.poll(() => page.getByTestId('gantt').locator('[data-task-id]').count()).toBe(9);
    expect(await page.getByTestId('gantt-arrows').locator('path[data-dependency]').count()).toBe(9);
  }

  async function moveGoalDateByAWeek(lang: 'fr' | 'ar', goalDate: string) {
    const words = WORDS[lang];
    const firstBar = barOf(page, words.firstTask);
    const before = await firstBar.getAttribute('aria-label');
    await page.getByRole('button', { name: words.moveGoal }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel(words.newGoal).inputValue()).toBe(addDays(goalDate, 7));
    await dialog.getByRole('button', { name: words.preview }).click();
    await expect.poll(() => dialog.getByTestId('schedule-change-summary').textContent()).toMatch(words.moved);
    // The press conference now falls on a Saturday: the dry run says so before anything is saved.
    expect(await dialog.getByTestId('schedule-warnings').locator('li').count()).toBeGreaterThan(0);
    expect(await firstBar.getAttribute('aria-label')).toBe(before);
    await expectAccessible(page, `goal-date dry run ${lang}`);
    await screenshot(page, `campaign-goal-move-${lang}`);
    await dialog.getByRole('button', { name: words.confirm }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => firstBar.getAttribute('aria-label')).not.toBe(before);
  }

  it('creates a closing press conference in French and shows its Gantt', async () => {
    await createCampaign('fr', saturdayAfter(60), {
      fr: 'Conférence de presse de clôture du projet',
      ar: 'الندوة الصحفية الختامية للمشروع',
    });
    await expectAccessible(page, 'gantt fr');
    await screenshot(page, 'gantt-fr');
    // The brief, reviewed through the approval workflow, is one click away.
    await page.getByRole('link', { name: 'Brief de la campagne' }).click();
    await page.waitForURL(/\/brief$/);
    await page.goBack();
    await expect.poll(() => page.getByTestId('gantt').locator('[data-task-id]').count()).toBe(9);
  });

  it('moves the goal date by a week after a dry run (French)', async () => {
    const goal = saturdayAfter(60);
    await moveGoalDateByAWeek('fr', goal);
    // The shared calendar follows: the goal date and the press conference milestone are on the new day.
    const campaignUrl = page.url();
    const campaignId = /\/campaigns\/([0-9a-f-]{36})/.exec(campaignUrl)?.[1] as string;
    const newGoal = addDays(goal, 7);
    await page.goto(`${workspaceUrl}/calendar?view=agenda&date=${newGoal}&campaignId=${campaignId}`);
    const day = page.getByTestId('calendar-agenda').locator(`section[data-date="${newGoal}"]`);
    await expect.poll(() => day.locator('.tawasul-cal-kind[data-kind="campaign-goal"]').count()).toBe(1);
    expect(
      await page
        .getByTestId('calendar-agenda')
        .locator(`section[data-date="${goal}"] .tawasul-cal-kind[data-kind="campaign-goal"]`)
        .count(),
    ).toBe(0);
    await page.goto(campaignUrl);
    await expect.poll(() => page.getByTestId('gantt').locator('[data-task-id]').count()).toBe(9);
  });

  it('moves a bar with the keyboard and pushes its dependant (French)', async () => {
    const words = WORDS.fr;
    const first = barOf(page, words.firstTask);
    const dependant = barOf(page, words.secondTask);
    const dependantBefore = await dependant.getAttribute('aria-label');
    await first.focus();
    // The press kit starts four days after the key messages are due: six days later pushes it.
    for (let day = 0; day < 6; day++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('gantt-preview').textContent()).toMatch(words.pushed);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText(words.lastMove).count()).toBe(1);
    await expect.poll(() => dependant.getAttribute('aria-label')).not.toBe(dependantBefore);
    await expectAccessible(page, 'gantt after move fr');
    await screenshot(page, 'gantt-after-move-fr');
  });

  it('opens a task from the Gantt, ticks a checklist item and comments', async () => {
    await barOf(page, WORDS.fr.secondTask).click();
    const panel = page.getByTestId('task-panel');
    await expect.poll(() => panel.count()).toBe(1);
    await panel.getByLabel('Nouvel élément').fill('Relire les chiffres');
    await panel.getByRole('button', { name: 'Ajouter' }).click();
    await panel.getByRole('checkbox', { name: 'Relire les chiffres' }).check();
    await expect.poll(() => panel.getByRole('heading', { name: 'Liste de contrôle (1/1)' }).count()).toBe(1);
    await panel.getByLabel('Votre commentaire').fill('Chiffres envoyés par le partenaire de Sfax.');
    await panel.getByRole('button', { name: 'Publier' }).click();
    await expect.poll(() => panel.getByText('Chiffres envoyés par le partenaire de Sfax.').count()).toBe(1);
    await expectAccessible(page, 'task drawer fr');
    await screenshot(page, 'task-drawer-fr');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('task-panel').count()).toBe(0);
  });

  it('shows my tasks, the templates and the holidays in French', async () => {
    for (const [path, name] of [
      ['my-tasks', 'my-tasks'],
      ['planning-templates', 'templates'],
      ['holidays', 'holidays'],
    ] as const) {
      await page.goto(`${workspaceUrl}/${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('status', { name: 'Chargement…' }).count()).toBe(0);
      await expectAccessible(page, `${name} fr`);
      await screenshot(page, `${name}-fr`);
    }
    await expect.poll(() => page.getByTestId('holiday-row').count()).toBeGreaterThan(5);
  });

  it('does the same in Arabic, right to left, moving a bar with the mouse', async () => {
    await page.goto(`${workspaceUrl}/campaigns`);
    await page.getByTestId('language-switch').selectOption('ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    const goal = saturdayAfter(75);
    await createCampaign('ar', goal, { fr: 'Conférence de presse de Tunis', ar: 'الندوة الصحفية بتونس' });
    // Mirrored axis: the first task sits to the right of the last one.
    const first = await barOf(page, WORDS.ar.firstTask).boundingBox();
    const last = await page.getByTestId('gantt').locator('[data-task-id]').last().boundingBox();
    expect((first?.x ?? 0) > (last?.x ?? 0)).toBe(true);
    await expectAccessible(page, 'gantt ar');
    await screenshot(page, 'gantt-ar');
    await moveGoalDateByAWeek('ar', goal);

    const bar = barOf(page, WORDS.ar.secondTask);
    const dependant = barOf(page, 'ترجمة الملف الصحفي');
    const dependantBefore = await dependant.getAttribute('aria-label');
    await bar.scrollIntoViewIfNeeded();
    const box = await bar.boundingBox();
    if (!box) throw new Error('no bar');
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x, y);
    await page.mouse.down();
    // Later is leftwards in Arabic: four days of 28 px, beyond the translation's two days of slack.
    await page.mouse.move(x - 50, y, { steps: 4 });
    await page.mouse.move(x - 112, y, { steps: 4 });
    await expect.poll(() => page.getByTestId('gantt-preview').textContent()).toMatch(WORDS.ar.pushed);
    await page.mouse.up();
    await expect.poll(() => page.getByText(WORDS.ar.lastMove).count()).toBe(1);
    await expect.poll(() => dependant.getAttribute('aria-label')).not.toBe(dependantBefore);
    await page.mouse.move(0, 0);
    await expectAccessible(page, 'gantt after drag ar');
    await screenshot(page, 'gantt-after-drag-ar');
  });

  it('shows my tasks, the templates and the holidays in Arabic', async () => {
    for (const path of ['my-tasks', 'planning-templates', 'holidays']) {
      await page.goto(`${workspaceUrl}/${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByRole('status', { name: 'جارٍ التحميل…' }).count()).toBe(0);
      await expectAccessible(page, `${path} ar`);
      await screenshot(page, `${path}-ar`);
    }
  });
});
