/**
 * The social post composer end to end, on the demo workspace and its sandbox page: the officer writes
 * a bilingual post from the list (Arabic and French text, hashtags, a first comment), attaches the
 * studio's social card (rendered into the library by the server), sees it counted and previewed as
 * Facebook will show it (one card together, one per language), saves and submits it; the reviewer
 * approves it; the officer schedules it at a time of the workspace's clock. Composer and list are then
 * seen in Arabic (mirrored, letters joined) and French, screenshotted, and pass axe-core. Then the
 * journey goes on: the post is on the calendar, goes out to the sandbox page when its time comes
 * (the clock moved by rewriting its time), someone comments on it there, and the officer answers in
 * Arabic from the comments inbox.
 */
import path from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { socialComments, socialPosts, socialPublications } from '../../src/server/modules/social/social.tables.js';
import { type E2eContext, expectAccessible, SCREENSHOT_DIR, screenshot, startE2e, switchInterfaceLanguage } from './e2e-harness.js';

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 250 });

const ARABIC = 'يسرّ اتحاد AlterMed دعوتكم إلى السوق التضامني في الدار البيضاء.\nمنتجات 30 تعاونية بأسعار عادلة.';
const FRENCH = 'AlterMed vous invite au marché solidaire de Casablanca.\nLes produits de 30 coopératives, à prix justes.';
const QUESTION = 'Est-ce que le marché est ouvert le dimanche ?';
const ANSWER = 'نعم، السوق مفتوح يوم الأحد من العاشرة صباحًا إلى السادسة مساءً. مرحبًا بكم!';

describe('social post composer', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];
  let postUrl = '';

  async function signIn(email: string, language: 'fr' | 'ar'): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: 1600, height: 1100 }, locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\//);
    await switchInterfaceLanguage(page, language);
    await page.waitForLoadState('networkidle');
    return page;
  }

  /** The whole page from its top, composer and preview side by side. */
  async function shootWhole(page: Page, name: string) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }

  const workspaceUrl = (page: Page) => page.url().replace(/(\/app\/w\/[^/]+)\/.*$/, '$1');

  beforeAll(async () => {
    e2e = await startE2e();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('composes a bilingual post with a studio visual, previews and counts it, saves and submits it', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(`${workspaceUrl(page)}/social`);
    await expect.poll(() => page.getByTestId('post-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Nouvelle publication' }).click();
    await page.waitForURL(/\/social\/posts\/new$/);

    await page.getByRole('textbox', { name: 'Texte (العربية)', exact: true }).fill(ARABIC);
    await page.getByRole('textbox', { name: 'Texte (Français)', exact: true }).fill(FRENCH);
    await page.getByRole('textbox', { name: 'Mots-dièse (العربية)' }).fill('السوق_التضامني، الدار_البيضاء');
    await page.getByRole('textbox', { name: 'Mots-dièse (Français)' }).fill('ESS, Casablanca');
    await page.getByRole('textbox', { name: 'Premier commentaire (Français)' }).fill('Programme : altermed.org/marche');
    await page.getByRole('combobox', { name: 'Statut de traduction (العربية)' }).selectOption('reviewed');
    await page.getByRole('combobox', { name: 'Statut de traduction (Français)' }).selectOption('reviewed');

    await page.getByRole('button', { name: 'Ajouter des photos' }).click();
    await page.getByRole('tab', { name: 'Visuels du studio' }).click();
    await page.getByRole('button', { name: /Carte réseaux sociaux — Marché solidaire/ }).click();
    await eventually(() => page.getByTestId('post-photo').count()).toBe(1);
    await page.getByRole('button', { name: 'Terminer' }).click();

    const preview = page.getByRole('region', { name: 'Aperçu' });
    const card = preview.getByRole('article', { name: 'Aperçu : Arabe et français' });
    await expect.poll(() => card.getByTestId('preview-photos').getAttribute('data-count')).toBe('1');
    const firstLine = card.getByTestId('preview-message').locator('.tawasul-fb-line').first();
    expect(await firstLine.textContent()).toBe(ARABIC.split('\n')[0]);
    // Facebook's reading of the line: the browser's own direction for a dir=auto block.
    expect(await firstLine.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const frenchLine = card.getByTestId('preview-message').locator('.tawasul-fb-line', { hasText: 'AlterMed vous invite' });
    expect(await frenchLine.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    expect(await page.getByTestId('count-ar').textContent()).toMatch(/caractères sur 63\s206/);
    expect(await page.getByTestId('count-together').textContent()).toContain('Les deux langues ensemble');

    await page.getByRole('radio', { name: 'Une publication par langue' }).check();
    await eventually(() => preview.getByTestId('post-preview-card').count()).toBe(2);
    await screenshot(page, 'social-composer-per-language-fr');
    await page.getByRole('radio', { name: 'Une seule publication, en arabe et en français' }).check();

    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/social\/posts\/[0-9a-f-]{36}$/);
    postUrl = page.url();
    await page.getByRole('region', { name: 'Relecture et validation' }).getByRole('button', { name: 'Soumettre pour relecture' }).click();
    await eventually(() =>
      page.getByRole('region', { name: 'Programmation et publication' }).locator('[data-status]').getAttribute('data-status'),
    ).toBe('in_review');
    await shootWhole(page, 'social-composer-fr');
    await expectAccessible(page, 'social composer (fr)');
  });

  it('is approved by the reviewer, then scheduled at a time of the workspace’s clock', async () => {
    const reviewer = await signIn('reviewer@altermed.demo', 'fr');
    await reviewer.goto(postUrl);
    await reviewer.getByRole('region', { name: 'Relecture et validation' }).getByRole('button', { name: 'Approuver' }).click();
    await eventually(() =>
      reviewer.getByRole('region', { name: 'Relecture et validation' }).locator('[data-state]').first().getAttribute('data-state'),
    ).toBe('approved');

    const page = contexts[0]?.pages()[0] as Page;
    await page.reload();
    const panel = page.getByRole('region', { name: 'Programmation et publication' });
    await eventually(() => panel.locator('[data-status]').getAttribute('data-status')).toBe('approved');
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    await panel.getByLabel('Date', { exact: true }).fill(day);
    await panel.getByLabel('Heure', { exact: true }).fill('10:30');
    await panel.getByRole('button', { name: 'Programmer' }).click();
    await eventually(() => panel.getByTestId('scheduled-for').textContent()).toMatch(/^Programmée le .+ à 10:30 \(/);
    await eventually(() => panel.locator('[data-status]').getAttribute('data-status')).toBe('scheduled');
    await screenshot(page, 'social-composer-scheduled-fr');
  });

  it('reads right to left in Arabic, composer and list', async () => {
    const page = contexts[0]?.pages()[0] as Page;
    await switchInterfaceLanguage(page, 'ar');
    await page.goto(postUrl);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const arabic = page.getByRole('textbox', { name: 'النص (العربية)', exact: true });
    expect(await arabic.inputValue()).toBe(ARABIC);
    expect(await arabic.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    const french = page.getByRole('textbox', { name: 'النص (Français)', exact: true });
    expect(await french.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    // The form sits on the right of the page in Arabic, the preview on its left.
    const form = await page.getByRole('form', { name: 'تحرير المنشور' }).boundingBox();
    const previewBox = await page.getByRole('region', { name: 'معاينة' }).boundingBox();
    expect((form?.x ?? 0) > (previewBox?.x ?? 0)).toBe(true);
    await page.getByRole('region', { name: 'معاينة' }).getByText('من اليمين إلى اليسار').click();
    await shootWhole(page, 'social-composer-ar');
    await expectAccessible(page, 'social composer (ar)');

    await page.goto(`${workspaceUrl(page)}/social`);
    await expect.poll(() => page.getByTestId('post-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByText('الأقرب نشرًا').click();
    await eventually(async () => (await page.getByTestId('post-row').first().getAttribute('data-status')) ?? '').toMatch(
      /scheduled|held|publishing/,
    );
    await page.mouse.move(0, 0);
    await screenshot(page, 'social-posts-list-ar');
    await expectAccessible(page, 'social posts list (ar)');

    await switchInterfaceLanguage(page, 'fr');
    await page.getByText('Les plus récentes').click();
    await eventually(() => page.getByTestId('post-row').first().textContent()).toContain('AlterMed');
    await page.mouse.move(0, 0);
    await screenshot(page, 'social-posts-list-fr');
    await expectAccessible(page, 'social posts list (fr)');
  });

  it('is on the calendar, goes out to the sandbox page when due, and a comment on it is answered in Arabic from the inbox', async () => {
    const page = contexts[0]?.pages()[0] as Page;
    await switchInterfaceLanguage(page, 'fr');
    const postId = postUrl.split('/').at(-1) ?? '';
    const db = e2e.server.platform.database.db;
    const [scheduled] = await db.select().from(socialPosts).where(eq(socialPosts.id, postId));
    const day = scheduled?.scheduledAt?.toISOString().slice(0, 10) ?? '';
    await page.goto(`${workspaceUrl(page)}/calendar?view=week&date=${day}`);
    await eventually(() => page.getByTestId('calendar-week').locator(`a[href$="${postId}"]`).count()).toBe(1);

    // Its time comes: the publisher (a job every minute in the app's process) sends it to the page.
    await db
      .update(socialPosts)
      .set({ scheduledAt: new Date(Date.now() - 60_000) })
      .where(eq(socialPosts.id, postId));
    await page.goto(postUrl);
    const panel = page.getByRole('region', { name: 'Programmation et publication' });
    await expect
      .poll(
        async () => {
          await page.reload();
          return panel.locator('[data-status]').getAttribute('data-status');
        },
        { timeout: 150_000, interval: 5_000 },
      )
      .toBe('published');
    const [publication] = await db
      .select()
      .from(socialPublications)
      .where(and(eq(socialPublications.postId, postId), isNotNull(socialPublications.externalPostId)));
    const remoteId = publication?.externalPostId ?? '';
    const onPage = e2e.server.graphSandbox?.pagePosts().find((post) => post.id === remoteId);
    expect(onPage?.message).toContain(ARABIC.split('\n')[0]);
    expect(onPage?.message).toContain(FRENCH.split('\n')[0]);

    e2e.server.graphSandbox?.simulateComment(remoteId, { message: QUESTION, fromName: 'Nadia Benali' });
    await page.goto(`${workspaceUrl(page)}/social/inbox`);
    await page.getByRole('button', { name: 'Actualiser maintenant' }).click();
    const thread = page.getByRole('article').filter({ hasText: QUESTION });
    await eventually(() => thread.count()).toBe(1);
    await thread.getByRole('button', { name: 'Répondre' }).click();
    await thread.getByRole('textbox', { name: 'Votre réponse' }).fill(ANSWER);
    await thread.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await eventually(() => thread.getByTestId('inbox-reply').filter({ hasText: ANSWER }).getByText('Répondu par').count()).toBe(1);
    await screenshot(page, 'social-journey-inbox-reply-fr');
    const [reply] = await db
      .select()
      .from(socialComments)
      .where(and(eq(socialComments.message, ANSWER), eq(socialComments.replyState, 'sent'), isNotNull(socialComments.externalId)));
    expect(reply?.externalId).toBeTruthy();
    // The publisher looks for due posts once a minute.
  }, 240_000);
});
