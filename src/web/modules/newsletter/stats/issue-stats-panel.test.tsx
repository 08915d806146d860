import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ArabicDigits } from '../../../../shared/i18n/translator.js';
import type { UiLocale } from '../../../../shared/languages.js';
import type { IssueStats, VariantStats } from '../../../../shared/newsletter/tracking-api.schema.js';
import { I18nProvider, useI18n } from '../../../i18n/i18n-context.js';
import { IssueStatsPanel } from './issue-stats-panel.js';

const WORKSPACE_ID = '11111111-1111-4111-8111-111111111111';
const ISSUE_ID = '22222222-2222-4222-8222-222222222222';

function variant(name: string, overrides: Partial<VariantStats> = {}): VariantStats {
  return {
    variant: name,
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
    ...overrides,
  };
}

const stats: IssueStats = {
  issueId: ISSUE_ID,
  status: 'sent',
  trackOpens: true,
  trackClicks: true,
  variants: [
    variant('ar'),
    variant('fr', {
      recipients: 3,
      sent: 2,
      delivered: 2,
      failed: 0,
      rates: { open: 0.5, click: 0.5, clickToOpen: 1, bounce: 0.5, unsubscribe: 0 },
    }),
  ],
  total: variant('total', {
    recipients: 1250,
    sent: 1200,
    delivered: 1000,
    opens: { unique: 800, total: 1500 },
    rates: { open: 0.8, click: 0.125, clickToOpen: 0.5, bounce: 0.05, unsubscribe: 0.002 },
  }),
  links: [
    { url: 'https://altermed.example/forum?utm_source=newsletter', clicks: 3, uniqueClickers: 2 },
    { url: 'https://ar.wikipedia.org/wiki/%D8%AA%D9%88%D9%86%D8%B3', clicks: 1, uniqueClickers: 1 },
  ],
};

function Digits({ digits, children }: { digits: ArabicDigits; children: ReactNode }) {
  const { setArabicDigits } = useI18n();
  useEffect(() => setArabicDigits(digits), [digits, setArabicDigits]);
  return <>{children}</>;
}

function show(answer: IssueStats, locale: UiLocale, digits: ArabicDigits = 'latn') {
  const fetchSpy = vi.fn(
    async () => new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } }),
  );
  vi.stubGlobal('fetch', fetchSpy);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={locale}>
        <Digits digits={digits}>
          <MantineProvider>
            <IssueStatsPanel workspaceId={WORKSPACE_ID} issueId={ISSUE_ID} />
          </MantineProvider>
        </Digits>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, fetchSpy };
}

describe('issue statistics panel', () => {
  it('writes figures in Arabic with the workspace’s Eastern Arabic digits, and keeps URLs left to right', async () => {
    show(stats, 'ar', 'arab');
    const total = await screen.findByTestId('stats-card-total');
    const percent = new Intl.NumberFormat('ar-EG-u-nu-arab', { style: 'percent', maximumFractionDigits: 1 });
    expect(within(total).getByRole('heading', { name: 'المجموع' })).toBeTruthy();
    expect(within(total).getByText('١٬٢٥٠ مستلمًا')).toBeTruthy();
    expect(within(total).getByTestId('figure-sent').textContent).toContain('١٬٢٠٠');
    const opens = within(total).getByTestId('figure-opens').textContent ?? '';
    expect(opens).toContain('٨٠٠ شخص');
    expect(opens).toContain(`${percent.format(0.8)} من الرسائل المُسلَّمة`);
    expect(opens).toContain('١٬٥٠٠ مرة فتح');
    expect(within(total).getByTestId('figure-clicks').textContent).toContain(percent.format(0.125));
    expect(within(total).getByTestId('figure-bounces').textContent).toContain('دائم: ١');
    // Every figure of the card is in Eastern Arabic digits.
    expect(total.textContent).not.toMatch(/[0-9]/);
    // The Arabic version's card says its two readers in the dual.
    expect(within(screen.getByTestId('stats-card-ar')).getByTestId('figure-opens').textContent).toContain('شخصان');
    const link = screen.getByRole('link', { name: 'https://altermed.example/forum?utm_source=newsletter' });
    expect(link.getAttribute('dir')).toBe('ltr');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(within(screen.getByTestId('links-table')).getAllByRole('row')).toHaveLength(3);
  });

  it('uses Western digits in Arabic when the workspace chose them, and French formats in French', async () => {
    const arabic = show(stats, 'ar', 'latn');
    const western = (await screen.findByTestId('stats-card-total')).textContent ?? '';
    expect(western).toContain(`${new Intl.NumberFormat('ar-MA-u-nu-latn').format(1250)} مستلمًا`);
    expect(western).not.toMatch(/[٠-٩]/);
    arabic.unmount();
    show(stats, 'fr');
    const total = await screen.findByTestId('stats-card-total');
    expect(within(total).getByRole('heading', { name: 'Ensemble' })).toBeTruthy();
    expect(within(total).getByTestId('figure-opens').textContent).toContain(
      `${new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(0.8)} des messages remis`,
    );
    expect(within(total).getByTestId('figure-opens').textContent).toContain('800 personnes');
  });

  it('says "not tracked" rather than zero when opens were not tracked, and shows nothing before a send', async () => {
    const untracked = {
      ...stats,
      trackOpens: false,
      variants: [variant('fr', { opens: { unique: 0, total: 0 } })],
      total: variant('total', { opens: { unique: 0, total: 0 } }),
    };
    const view = show(untracked, 'fr');
    const card = await screen.findByTestId('stats-card-fr');
    expect(within(card).getByTestId('figure-opens').textContent).toContain('Non suivi');
    expect(screen.queryByTestId('stats-card-total')).toBeNull();
    view.unmount();

    const nothing = {
      ...stats,
      status: 'scheduled',
      variants: [],
      total: variant('total', { sent: 0, failed: 0, recipients: 0 }),
      links: [],
    };
    const { container, fetchSpy } = show(nothing, 'fr');
    await vi.waitFor(() => expect(fetchSpy).toHaveBeenCalled());
    expect(container.querySelector('[data-testid="issue-stats"]')).toBeNull();
  });
});
