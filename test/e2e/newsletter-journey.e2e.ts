/**
 * The newsletter from end to end, once with every interface in French and once in Arabic, on the demo
 * workspace without SMTP: a visitor signs up on the public page and confirms from the link an admin
 * reads in the outbox page; the officer composes an issue in Arabic and French, previews the Arabic
 * email and sends a test; a reviewer (not the submitter) approves it; the officer sends it to the
 * outbox and reads its statistics, per language, against the audience counted in the database.
 * Words come from the catalogs the app uses, so one journey serves both languages.
 */
import { and, eq } from 'drizzle-orm';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import {
  listSubscriptions,
  mailingLists,
  newsletterDeliveries,
  subscribers,
} from '../../src/server/modules/newsletter/newsletter.tables.js';
import { translatorFor } from '../../src/server/platform/i18n.js';
import { mailOutbox, workspaces } from '../../src/server/platform/platform.tables.js';
import type { Translate } from '../../src/shared/i18n/translator.js';
import { variantFor } from '../../src/shared/newsletter/subscriber-identity.js';
import { type E2eContext, expectAccessible, screenshot, startE2e, switchInterfaceLanguage } from './e2e-harness.js';

type Language = 'fr' | 'ar';

/** Jobs and pages share a loaded two-core machine: conditions get the time it may need. */
const eventually = <T>(read: () => Promise<T> | T, timeout = 20_000) => expect.poll(read, { timeout, interval: 250 });

const JOURNEYS = [
  {
    language: 'fr' as Language,
    visitor: { email: 'ines.lectrice@example.org', name: 'Inès Lectrice' },
    subject: { ar: 'نشرة الربيع من ألترميد', fr: 'La lettre de printemps d’AlterMed' },
    heading: { ar: 'قافلة الصحة في القرى', fr: 'La caravane santé dans les villages' },
    text: {
      ar: 'مرحباً {{first_name|صديقنا}}، انطلقت القافلة من صفاقس.',
      fr: 'Bonjour {{first_name|ami·e}}, la caravane est partie de Sfax.',
    },
  },
  {
    language: 'ar' as Language,
    visitor: { email: 'rim.qariah@example.org', name: 'ريم القارئة' },
    subject: { ar: 'نشرة الصيف من ألترميد', fr: 'La lettre d’été d’AlterMed' },
    heading: { ar: 'مخيّم الشباب في المهدية', fr: 'Le camp des jeunes à Mahdia' },
    text: { ar: 'مرحباً {{first_name|صديقنا}}، يبدأ المخيّم في يوليو.', fr: 'Bonjour {{first_name|ami·e}}, le camp commence en juillet.' },
  },
];

describe('newsletter journey: sign-up to statistics', () => {
  let e2e: E2eContext;
  let workspaceId: string;
  let workspaceUrl: string;
  let letterListId: string;
  const contexts: BrowserContext[] = [];

  const db = () => e2e.server.platform.database.db;

  /** Members stay signed in across both journeys (sign-ins are limited to five a minute per address). */
  const signedIn = new Map<string, Page>();

  /** The member's page with the interface in `language` (switching saves it on the account). */
  async function as(email: string, language: Language): Promise<Page> {
    let page = signedIn.get(email);
    if (!page) {
      const context = await e2e.browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'fr-FR' });
      contexts.push(context);
      page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${e2e.baseUrl}/app/sign-in`);
      await page.locator('input[name="email"]').fill(email);
      await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL(/\/app\/w\/[^/]+\//);
      signedIn.set(email, page);
    }
    const current = page;
    await current.goto(`${workspaceUrl}/newsletter`);
    await switchInterfaceLanguage(current, language);
    await current.waitForLoadState('networkidle');
    return current;
  }

  /** Who the issue reaches, counted here from the tables: active, confirmed on the letter list. */
  async function expectedAudience(issueLanguages: Array<'ar' | 'fr'>) {
    const rows = await db()
      .select({ languages: subscribers.languages })
      .from(subscribers)
      .innerJoin(listSubscriptions, eq(listSubscriptions.subscriberId, subscribers.id))
      .where(
        and(
          eq(subscribers.workspaceId, workspaceId),
          eq(subscribers.status, 'active'),
          eq(listSubscriptions.listId, letterListId),
          eq(listSubscriptions.status, 'confirmed'),
        ),
      );
    const perVariant: Record<string, number> = {};
    for (const row of rows) {
      const variant = variantFor(row.languages, { sendMode: 'per_language', languages: issueLanguages });
      perVariant[variant] = (perVariant[variant] ?? 0) + 1;
    }
    return { total: rows.length, perVariant };
  }

  beforeAll(async () => {
    e2e = await startE2e();
    const [workspace] = await db().select().from(workspaces).where(eq(workspaces.slug, 'altermed'));
    workspaceId = (workspace as { id: string }).id;
    workspaceUrl = `${e2e.baseUrl}/app/w/${workspaceId}`;
    const lists = await db().select().from(mailingLists).where(eq(mailingLists.workspaceId, workspaceId));
    letterListId = (lists.find((list) => list.visibility === 'public') as { id: string }).id;
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await e2e?.close();
  });

  describe.each(JOURNEYS)('with the interface in $language', (journey) => {
    const { language } = journey;
    const t: Translate = translatorFor(language);
    const label = (field: string, content: Language) =>
      t('web.localized.inputLabel', { field, language: t(`public.languageName.${content}`) });
    let issueUrl = '';

    it('signs a visitor up on the public page, and the link read in the outbox confirms them', async () => {
      const context = await e2e.browser.newContext({ viewport: { width: 900, height: 1000 }, locale: language });
      contexts.push(context);
      const visitor = await context.newPage();
      await visitor.goto(`${e2e.baseUrl}/newsletter?lang=${language}`);
      expect(await visitor.locator('html').getAttribute('dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await visitor.getByRole('textbox', { name: t('newsletterPublic.field.email') }).fill(journey.visitor.email);
      await visitor.getByRole('textbox', { name: new RegExp(`^${t('newsletterPublic.field.name')}`) }).fill(journey.visitor.name);
      await visitor
        .getByRole('checkbox', { name: new RegExp(t('newsletterPublic.consent.text', { site: '' }).split(' ')[0] as string) })
        .check();
      await visitor.getByRole('button', { name: t('newsletterPublic.signUp.submit') }).click();
      await eventually(() => visitor.getByRole('heading', { name: t('newsletterPublic.result.pending.title') }).count()).toBe(1);

      const admin = await as('admin@altermed.demo', language);
      await admin.goto(`${workspaceUrl}/admin/outbox`);
      const mail = admin.locator('.mantine-Paper-root', { hasText: journey.visitor.email }).first();
      await eventually(() => mail.count()).toBe(1);
      await mail.locator('summary').click();
      const body = (await mail.locator('pre').textContent()) ?? '';
      const confirmUrl = body.match(/https?:\/\/\S+\/n\/confirm\/\S+/)?.[0];
      expect(confirmUrl, body).toBeDefined();
      // The confirmation is written in the language the visitor chose (the page's).
      expect(body).toContain(t('newsletterPublic.mail.confirm.action'));

      await visitor.goto(confirmUrl as string);
      await eventually(() => visitor.getByRole('heading', { name: t('newsletterPublic.confirm.confirmed.title') }).count()).toBe(1);
      await screenshot(visitor, `newsletter-journey-confirmed-${language}`);

      // The admin sees the new reader confirmed on the letter list, with both consent records.
      await admin.goto(`${workspaceUrl}/newsletter/subscribers`);
      await admin.getByRole('searchbox').fill(journey.visitor.email);
      await eventually(() => admin.getByTestId('subscriber-row').count()).toBe(1);
      await admin.getByRole('link', { name: journey.visitor.email }).click();
      await admin.waitForURL(/\/newsletter\/subscribers\/[0-9a-f-]{36}$/);
      await eventually(() => admin.getByText(t('subscribers.membership.confirmed'), { exact: true }).count()).toBe(1);
      expect(await admin.getByTestId('subscriber-status').getAttribute('data-status')).toBe('active');
      await eventually(() => admin.getByTestId('consent-entry').count()).toBe(2);
    });

    it('composes the issue in Arabic and French, previews the Arabic email and sends a test to the outbox', async () => {
      const officer = await as('officer@altermed.demo', language);
      await officer.goto(`${workspaceUrl}/newsletter`);
      await officer.getByRole('button', { name: t('newsletter.action.new') }).click();
      await officer.waitForURL(/\/newsletter\/issues\/[0-9a-f-]{36}$/);
      issueUrl = officer.url();
      for (const content of ['ar', 'fr'] as const) {
        await officer
          .getByRole('textbox', { name: label(t('newsletter.field.subject'), content), exact: true })
          .fill(journey.subject[content]);
      }
      const addBlock = async (type: string) => {
        await officer.getByRole('button', { name: t('newsletter.block.add'), exact: true }).click();
        await officer.getByRole('menuitem', { name: t(`newsletter.blockType.${type}`), exact: true }).click();
      };
      await addBlock('heading');
      await addBlock('text');
      for (const content of ['ar', 'fr'] as const) {
        await officer
          .getByRole('textbox', { name: label(t('newsletter.block.headingText'), content), exact: true })
          .fill(journey.heading[content]);
        await officer.getByRole('textbox', { name: label(t('newsletter.block.text'), content), exact: true }).fill(journey.text[content]);
      }
      await officer.getByRole('radio', { name: t('newsletter.sendMode.per_language') }).check();
      await officer.getByRole('combobox', { name: t('newsletter.field.lists') }).click();
      await officer.getByRole('option', { name: language === 'ar' ? 'رسالة ألترميد الإخبارية' : 'Lettre AlterMed' }).click();
      await officer.keyboard.press('Escape');
      const audience = await expectedAudience(['ar', 'fr']);
      await eventually(() =>
        officer.getByText(t('newsletter.audience.count', { count: audience.total, formatted: String(audience.total) })).count(),
      ).toBe(1);
      await officer.getByRole('button', { name: t('web.action.save'), exact: true }).click();
      await eventually(() => officer.getByText(t('web.action.saved')).count()).toBe(1);

      const preview = officer.getByRole('region', { name: t('newsletter.preview.title') });
      await preview
        .locator('label')
        .filter({ hasText: /^العربية$/ })
        .click();
      const frame = officer.frameLocator('[data-testid="issue-preview-frame"]');
      await eventually(() => frame.locator('html').getAttribute('dir')).toBe('rtl');
      await eventually(() => frame.getByText(journey.heading.ar).count()).toBe(1);
      expect(await frame.getByText(journey.heading.fr).count()).toBe(0);

      await officer.getByRole('button', { name: t('newsletter.action.testSend') }).click();
      const dialog = officer.getByRole('dialog', { name: t('newsletter.testSend.title') });
      await dialog.getByRole('button', { name: t('newsletter.testSend.send') }).click();
      await eventually(() => dialog.getByText(t('newsletter.testSend.outbox', { count: 1 })).count()).toBe(1);
      await dialog
        .getByRole('button', { name: t('newsletter.testSend.close') })
        .first()
        .click();
      const tests = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'officer@altermed.demo'));
      const test = tests.find((message) => message.subject.includes(journey.subject.ar));
      expect(test?.subject, JSON.stringify(tests.map((message) => message.subject))).toBeDefined();
      expect(test?.htmlBody).toContain('dir="rtl"');
      expect(test?.htmlBody).toContain(journey.heading.ar);
      expect(test?.textBody).toContain(journey.heading.ar);
    });

    it('is submitted by the officer and approved by a reviewer, never by its submitter', async () => {
      const officer = await as('officer@altermed.demo', language);
      await officer.goto(issueUrl);
      const submit = officer.getByRole('button', { name: t('review.action.submit') });
      await submit.scrollIntoViewIfNeeded();
      await submit.click();
      await eventually(() => officer.getByTestId('issue-review-state').getAttribute('data-state')).toBe('in_review');
      expect(await officer.getByRole('button', { name: t('review.action.approve') }).count()).toBe(0);

      const reviewer = await as('reviewer@altermed.demo', language);
      await reviewer.goto(issueUrl);
      const approve = reviewer.getByRole('button', { name: t('review.action.approve') });
      await approve.scrollIntoViewIfNeeded();
      await approve.click();
      await eventually(() => reviewer.getByTestId('issue-review-state').getAttribute('data-state')).toBe('approved');
    });

    it('sends the issue to the outbox and shows its statistics per language', async () => {
      const audience = await expectedAudience(['ar', 'fr']);
      const officer = await as('officer@altermed.demo', language);
      await officer.goto(issueUrl);
      const panel = officer.getByRole('region', { name: t('newsletterSending.title'), exact: true });
      await panel.scrollIntoViewIfNeeded();
      await eventually(() => panel.getByTestId('send-audience').textContent()).toBe(
        t('newsletterSending.audience', { count: audience.total }),
      );
      await panel.getByRole('button', { name: t('newsletterSending.sendNow') }).click();
      await officer
        .getByRole('dialog', { name: t('newsletterSending.confirm.title') })
        .getByRole('button', { name: t('newsletterSending.confirm.send') })
        .click();
      await eventually(() => panel.getByTestId('send-status').getAttribute('data-status'), 90_000).toBe('sent');
      await eventually(() => panel.getByTestId('send-figures').textContent()).toContain(
        t('newsletterSending.sent', { count: audience.total }),
      );
      await panel.screenshot({ path: `test-results/e2e/newsletter-journey-send-panel-${language}.png` });
      // The header follows the send too: the issue is sent and its composer frozen.
      await eventually(() => officer.getByTestId('issue-status').getAttribute('data-status')).toBe('sent');
      expect(await officer.getByText(t('newsletter.composer.frozen')).count()).toBe(1);
      await officer.evaluate(() => window.scrollTo(0, 0));
      await screenshot(officer, `newsletter-journey-issue-${language}`);

      // Everyone on the list got one message, and the visitor got theirs in the language they chose.
      const issueId = issueUrl.split('/').at(-1) as string;
      const deliveries = await db().select().from(newsletterDeliveries).where(eq(newsletterDeliveries.issueId, issueId));
      expect(deliveries).toHaveLength(audience.total);
      expect(deliveries.every((delivery) => delivery.state === 'sent')).toBe(true);
      const toVisitor = await db().select().from(mailOutbox).where(eq(mailOutbox.toAddress, journey.visitor.email));
      expect(toVisitor.map((message) => message.subject)).toContain(journey.subject[language]);

      // The statistics appear without reloading the page, one card per language and the whole.
      const stats = officer.getByTestId('issue-stats');
      await eventually(() => stats.count()).toBe(1);
      await stats.scrollIntoViewIfNeeded();
      const total = stats.getByTestId('stats-card-total');
      await eventually(() => total.textContent()).toContain(t('newsletterStats.panel.recipients', { count: audience.total }));
      expect(await total.getByTestId('figure-delivered').locator('dd').textContent()).toBe(String(audience.total));
      for (const variant of ['ar', 'fr'] as const) {
        const card = stats.getByTestId(`stats-card-${variant}`);
        expect(await card.getByRole('heading').textContent()).toBe(t(`newsletterStats.panel.variant.${variant}`));
        expect(await card.textContent()).toContain(t('newsletterStats.panel.recipients', { count: audience.perVariant[variant] ?? 0 }));
        expect(await card.getByTestId('figure-delivered').locator('dd').textContent()).toBe(String(audience.perVariant[variant] ?? 0));
      }
      await expectAccessible(officer, `journey stats (${language})`);
      await officer.addStyleTag({ content: '.mantine-AppShell-header { visibility: hidden; }' });
      await stats.screenshot({ path: `test-results/e2e/newsletter-journey-stats-${language}.png` });

      // The issues list shows the sent issue with its figures, without opening it.
      await officer.goto(`${workspaceUrl}/newsletter`);
      const row = officer.getByTestId('stats-overview-row').filter({ hasText: journey.subject[language] });
      await eventually(() => row.count()).toBe(1);
      expect(await row.getByTestId('overview-delivered').textContent()).toBe(String(audience.total));
      await expectAccessible(officer, `issues list with figures (${language})`);
      await screenshot(officer, `newsletter-journey-issues-${language}`);
    });
  });
});
