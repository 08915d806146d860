/**
 * The comments inbox in the browser, French then Arabic, on the demo workspace whose sandbox page's
 * month of comments was read by the demo seed: threads with their post and replies, the Arabic filter,
 * a reply in Arabic sent to the page, a thread marked handled and the count following. Screens pass
 * axe-core and are photographed.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { socialComments } from '../../src/server/modules/social/social.tables.js';
import { users } from '../../src/server/platform/auth/auth.tables.js';
import { ADMIN, type E2eContext, expectAccessible, screenshot, signInAsAdmin, startE2e } from './e2e-harness.js';

const WAIT = { timeout: 20_000 };
const REPLY = 'شكرًا لكِ! التسجيل مفتوح حتى نهاية الشهر عبر الرابط في الصفحة 🌿';

describe('comments inbox', () => {
  let e2e: E2eContext;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    e2e = await startE2e();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  it('shows the sandbox page’s comments in French and sends a reply in Arabic to the page', async () => {
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'fr-FR');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/social/inbox`);
    await expect.poll(() => page.getByRole('heading', { name: 'Commentaires', level: 1 }).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByRole('article').count(), WAIT).toBeGreaterThan(3);
    expect(await page.getByTestId('inbox-open-count').textContent()).toMatch(/^\d+ commentaires? à traiter$/);
    expect(await page.getByText(/Page bac à sable/).count()).toBe(1);
    await expectAccessible(page, 'inbox fr');
    await screenshot(page, 'social-inbox-fr');

    await page.getByRole('combobox', { name: 'Langue du commentaire' }).click();
    await page.getByRole('listbox', { name: 'Langue du commentaire' }).getByRole('option', { name: 'العربية' }).click();
    const thread = page.getByRole('article').first();
    await expect.poll(() => thread.getByTestId('comment-text').first().getAttribute('dir'), WAIT).toBe('rtl');
    const id = (await thread.getAttribute('data-comment-id')) ?? '';
    await thread.getByRole('button', { name: 'Répondre' }).click();
    await thread.getByRole('textbox', { name: 'Votre réponse' }).fill(REPLY);
    await screenshot(page, 'social-inbox-reply-fr');
    await thread.getByRole('button', { name: 'Envoyer la réponse' }).click();
    const same = page.locator(`[data-comment-id="${id}"]`);
    await expect.poll(() => same.getByTestId('inbox-reply').filter({ hasText: REPLY }).count(), WAIT).toBe(1);
    expect(await same.getByTestId('inbox-reply').filter({ hasText: REPLY }).getByText('Répondu par').count()).toBe(1);
    const sent = await e2e.server.platform.database.db
      .select()
      .from(socialComments)
      .where(and(eq(socialComments.message, REPLY), eq(socialComments.replyState, 'sent'), isNotNull(socialComments.externalId)));
    expect(sent).toHaveLength(1);
  });

  it('shows the inbox in Arabic, mirrored, with Arabic plurals, and marks a thread handled', async () => {
    await e2e.server.platform.database.db.update(users).set({ locale: 'ar' }).where(eq(users.email, ADMIN.email));
    const { context, page, workspaceUrl } = await signInAsAdmin(e2e, 'ar-MA');
    contexts.push(context);
    await page.goto(`${workspaceUrl}/social/inbox`);
    await expect.poll(() => page.locator('html').getAttribute('dir'), WAIT).toBe('rtl');
    await expect.poll(() => page.getByRole('heading', { name: 'التعليقات', level: 1 }).count(), WAIT).toBe(1);
    await expect.poll(() => page.getByRole('article').count(), WAIT).toBeGreaterThan(3);
    const before = (await page.getByTestId('inbox-open-count').textContent()) ?? '';
    expect(before).toMatch(/بانتظار المعالجة/);
    await expectAccessible(page, 'inbox ar');
    await screenshot(page, 'social-inbox-ar');

    const first = page.getByRole('article').first();
    const id = (await first.getAttribute('data-comment-id')) ?? '';
    const thread = page.locator(`[data-comment-id="${id}"]`);
    await first.getByRole('button', { name: 'وضع علامة «تمت المعالجة»' }).click();
    await expect.poll(() => thread.count(), WAIT).toBe(0);
    await expect.poll(() => page.getByTestId('inbox-open-count').textContent(), WAIT).not.toBe(before);
    await page.getByText('تمت معالجتها', { exact: true }).click();
    await expect.poll(() => thread.getAttribute('data-state'), WAIT).toBe('handled');
    await screenshot(page, 'social-inbox-handled-ar');
  });
});
