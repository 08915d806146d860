/**
 * The approval workflow end to end on a campaign brief: the officer writes it in Arabic and French
 * and submits it; a reviewer, with the interface in Arabic (mirrored), comments on the Arabic version
 * with a quoted passage and requests changes; the officer sees the request. Pages pass axe-core.
 */
import { eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { campaigns } from '../../src/server/modules/planning/campaigns.tables.js';
import { workspaces } from '../../src/server/platform/platform.tables.js';
import { localized } from '../../src/shared/localized-text.js';
import { type E2eContext, expectAccessible, screenshot, startE2e, switchInterfaceLanguage } from './e2e-harness.js';

const ARABIC_BRIEF = 'ندوة صحفية لاختتام المشروع في صفاقس مع الشركاء الأربعة.';
const FRENCH_BRIEF = 'Conférence de presse de clôture du projet à Sfax avec les quatre partenaires.';

describe('approval workflow on a campaign brief', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];
  let briefUrl: string;

  async function signIn(email: string, language: 'fr' | 'ar'): Promise<Page> {
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${e2e.baseUrl}/app/sign-in`);
    await page.getByLabel('E-mail').fill(email);
    await page.getByLabel(/^Mot de passe/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/app\/w\/[^/]+\//);
    // The account's language applies once it loads; switching saves the choice on the account.
    await switchInterfaceLanguage(page, language);
    await page.waitForLoadState('networkidle');
    return page;
  }

  beforeAll(async () => {
    e2e = await startE2e();
    const db = e2e.server.platform.database.db;
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, 'altermed'));
    const [campaign] = await db
      .insert(campaigns)
      .values({
        workspaceId: workspace?.id as string,
        title: localized({ fr: 'Conférence de presse de clôture', ar: 'الندوة الصحفية الختامية' }),
        goalDate: '2031-06-20',
      })
      .returning();
    briefUrl = `${e2e.baseUrl}/app/w/${workspace?.id}/campaigns/${campaign?.id}/brief`;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('lets the officer write the brief in Arabic and French and submit it', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(briefUrl);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Brief de la campagne' }).count()).toBe(1);
    await page.getByRole('textbox', { name: 'Brief (العربية)', exact: true }).fill(ARABIC_BRIEF);
    await page.getByRole('textbox', { name: 'Brief (Français)', exact: true }).fill(FRENCH_BRIEF);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('Enregistré.').count()).toBe(1);
    await page.getByRole('button', { name: 'Soumettre pour relecture' }).click();
    await expect.poll(() => page.locator('[data-state]').getAttribute('data-state')).toBe('in_review');
    await expect.poll(() => page.getByText('Youssef El Amrani : soumis pour relecture').count()).toBe(1);
    await expectAccessible(page, 'brief submitted (fr)');
    await screenshot(page, 'review-brief-submitted-fr');
  });

  it('lets a reviewer, in Arabic, comment on the Arabic version and request changes', async () => {
    const page = await signIn('reviewer@altermed.demo', 'ar');
    await page.goto(briefUrl);
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'موجز الحملة' }).count()).toBe(1);
    await expect.poll(() => page.getByText(ARABIC_BRIEF).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'إرسال للمراجعة' }).count()).toBe(0);
    await page.getByLabel('النسخة المعنية').selectOption('ar');
    await page.getByLabel('المقطع المقتبس (اختياري)').fill('مع الشركاء الأربعة');
    await page.getByLabel(/^التعليق/).fill('اذكروا أسماء الشركاء الأربعة.');
    await page.getByRole('button', { name: 'إضافة التعليق' }).click();
    const arabicComments = page.getByRole('region', { name: 'العربية' });
    await expect.poll(() => arabicComments.getByText('اذكروا أسماء الشركاء الأربعة.').count()).toBe(1);
    await page.getByRole('button', { name: 'طلب تعديلات' }).click();
    await page.getByLabel(/ما الذي يجب تعديله/).fill('النسخة العربية تحتاج إلى أسماء الشركاء.');
    await page.getByRole('button', { name: 'تأكيد: طلب تعديلات' }).click();
    await expect.poll(() => page.locator('[data-state]').getAttribute('data-state')).toBe('changes_requested');
    await expect.poll(() => page.getByText('تعديلات مطلوبة').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'changes requested (ar)');
    await screenshot(page, 'review-changes-requested-ar');
  });

  it('shows the officer the request and the comment on the Arabic version', async () => {
    const page = await signIn('officer@altermed.demo', 'fr');
    await page.goto(briefUrl);
    await expect.poll(() => page.locator('[data-state]').getAttribute('data-state')).toBe('changes_requested');
    expect(await page.getByText('Modifications demandées').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByText('النسخة العربية تحتاج إلى أسماء الشركاء.').count()).toBe(1);
    const arabicComments = page.getByRole('region', { name: 'العربية' });
    const quote = arabicComments.getByText('مع الشركاء الأربعة', { exact: true });
    expect(await quote.getAttribute('lang')).toBe('ar');
    expect(await quote.getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('button', { name: 'Soumettre pour relecture' }).count()).toBe(1);
    await expectAccessible(page, 'changes requested seen by the officer (fr)');
    await screenshot(page, 'review-officer-sees-changes-fr');
  });
});
