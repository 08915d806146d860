import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { type ReactNode, useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { ArabicDigits } from '../../../../shared/i18n/translator.js';
import type { UiLocale } from '../../../../shared/languages.js';
import {
  type CampaignInsightList,
  INSIGHT_METRIC_SOURCE,
  INSIGHT_METRICS,
  type InsightsOverview,
  type LanguageInsightList,
  type TopPostList,
} from '../../../../shared/social/insights.schema.js';
import { I18nProvider, useI18n } from '../../../i18n/i18n-context.js';
import { SocialInsightsPage } from './insights.page.js';
import { useInsightFormat } from './insights-format.js';
import { TrendChart } from './trend-chart.js';

const CHANNEL_ID = '55555555-5555-4555-8555-555555555555';
const CAMPAIGN_ID = '66666666-6666-4666-8666-666666666666';
const DAYS = ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', '2026-05-07'];
const range = { from: DAYS[0] ?? '', to: DAYS[6] ?? '', previousFrom: '2026-04-24', previousTo: '2026-04-30', days: 7, timeZone: 'UTC' };

function overviewOf(overrides: Partial<InsightsOverview> = {}): InsightsOverview {
  return {
    range,
    channels: [{ id: CHANNEL_ID, name: 'AlterMed — Entreprendre autrement', status: 'connected', sandbox: true }],
    hasData: true,
    lastSyncedAt: '2026-05-08T06:00:00.000Z',
    publications: 4,
    metrics: INSIGHT_METRICS.map((metric, index) => ({
      metric,
      source: INSIGHT_METRIC_SOURCE[metric],
      total: metric === 'followers' ? 2650 : 1000 * (index + 1),
      previous: metric === 'shares' ? null : 800 * (index + 1),
      change: metric === 'shares' ? null : 0.25,
      series:
        INSIGHT_METRIC_SOURCE[metric] === 'page'
          ? DAYS.map((day, position) => ({ day, value: metric === 'impressions' && position === 3 ? null : 100 * (position + 1) + index }))
          : [],
    })),
    ...overrides,
  };
}

const campaigns: CampaignInsightList = {
  range,
  items: [
    {
      campaignId: CAMPAIGN_ID,
      title: { fr: { value: 'Forum de Sfax', status: 'reviewed' } },
      publications: 3,
      values: { reach: 1200, shares: 4 },
    },
    { campaignId: null, title: null, publications: 1, values: { reach: 300 } },
  ],
};
const languages: LanguageInsightList = {
  range,
  items: [
    { group: 'ar', publications: 1, values: { reach: 500 } },
    { group: 'bilingual', publications: 3, values: { reach: 1000 } },
  ],
};
const topPosts: TopPostList = {
  range,
  items: [
    {
      publicationId: '77777777-7777-4777-8777-777777777777',
      postId: '88888888-8888-4888-8888-888888888888',
      group: 'ar',
      text: { ar: { value: 'ورشة صفاقس حول التعاونيات النسائية', status: 'reviewed' } },
      publishedAt: '2026-05-03T09:00:00.000Z',
      permalinkUrl: 'https://www.facebook.com/20001/posts/1',
      campaignId: CAMPAIGN_ID,
      values: { reach: 900, comments: 5 },
    },
  ],
};

function apiWith(overview: InsightsOverview) {
  return (call: ApiCall) => {
    const path = call.url.pathname;
    if (path.endsWith('/social/insights/refresh')) return { status: 202, body: { queued: 1 } };
    if (path.endsWith('/social/insights/campaigns')) return { body: campaigns };
    if (path.endsWith('/social/insights/languages')) return { body: languages };
    if (path.endsWith('/social/insights/top-posts')) return { body: topPosts };
    if (path.endsWith('/social/insights')) return { body: overview };
    return undefined;
  };
}

const show = (overview = overviewOf()) =>
  renderPage({
    pattern: '/w/:workspaceId/social/insights',
    path: `/w/${WORKSPACE_ID}/social/insights`,
    component: SocialInsightsPage,
    api: apiWith(overview),
  });

// A loaded machine renders Mantine slowly in jsdom: these tests get more than the default five seconds.
describe('insights page', { timeout: 20_000 }, () => {
  it('shows the key figures with their change, the curve of the chosen figure, the bars and the best posts', async () => {
    const view = show();
    // The first render of the file loads the catalog and Mantine: give it time.
    const reach = await screen.findByTestId('metric-reach', {}, { timeout: 5000 });
    expect(within(reach).getByTestId('metric-total').textContent).toMatch(/^2\s000$/);
    expect(within(reach).getByText(/25\s%.*période précédente/)).toBeTruthy();
    expect(within(screen.getByTestId('metric-shares')).getByText('Pas de comparaison possible')).toBeTruthy();
    expect(reach.getAttribute('aria-pressed')).toBe('true');

    const chart = screen.getByTestId('trend-chart');
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.querySelector('desc')?.textContent).toContain('au plus haut 701 le 7 mai 2026');
    expect(within(screen.getByTestId('trend-table')).getAllByRole('row')).toHaveLength(8);

    fireEvent.click(screen.getByTestId('metric-impressions'));
    expect(screen.getByTestId('metric-impressions').getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Impressions par jour' })).toBeTruthy();
    expect(screen.getByText(/interrompent la courbe/)).toBeTruthy();
    expect(screen.getByTestId('trend-line').getAttribute('d')?.match(/M/g)).toHaveLength(2);

    await waitFor(() => expect(within(screen.getByTestId('campaign-bars')).getAllByTestId('bar-row')).toHaveLength(2));
    const campaignBars = screen.getByTestId('campaign-bars');
    expect(within(campaignBars).getByText('Forum de Sfax')).toBeTruthy();
    expect(within(campaignBars).getByText('Sans campagne')).toBeTruthy();
    expect(within(campaignBars).getByText('3 publications')).toBeTruthy();
    expect(within(screen.getByTestId('language-bars')).getByText('Bilingue')).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('top-post')).toHaveLength(1));
    expect(screen.getByText('ورشة صفاقس حول التعاونيات النسائية').getAttribute('dir')).toBe('rtl');
    expect(screen.getByTestId('insights-sandbox')).toBeTruthy();
    expect(view.calls.some((call) => call.url.pathname.endsWith('/top-posts') && call.url.searchParams.get('sort') === 'reach')).toBe(true);
  });

  it('asks for another period, and for a refresh', async () => {
    const view = show();
    await screen.findByTestId('metric-reach');
    fireEvent.click(screen.getByText('7 jours'));
    await waitFor(() => expect(view.calls.some((call) => call.url.searchParams.get('days') === '7')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Actualiser maintenant' }));
    await waitFor(() => expect(view.calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/refresh'))).toBe(true));
    expect(await screen.findByText(/Lecture des chiffres demandée/)).toBeTruthy();
  });

  it('says once that there is nothing to compare with, rather than on every card', async () => {
    const overview = overviewOf();
    show({ ...overview, metrics: overview.metrics.map((summary) => ({ ...summary, change: null })) });
    expect(await screen.findByTestId('no-comparison', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryAllByTestId('metric-change')).toHaveLength(0);
    expect(screen.queryByText('Pas de comparaison possible')).toBeNull();
  });

  it('says so when no page is connected, and when nothing was read yet', async () => {
    const first = show(overviewOf({ channels: [], hasData: false, lastSyncedAt: null }));
    expect(await screen.findByText('Aucune page connectée')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Connecter une page' }).getAttribute('href')).toContain('/social/channels');
    expect(screen.queryByTestId('trend-chart')).toBeNull();
    first.unmount();
    show(
      overviewOf({
        hasData: false,
        lastSyncedAt: null,
        channels: [{ id: CHANNEL_ID, name: 'AlterMed', status: 'needs_reconnection', sandbox: false }],
      }),
    );
    expect(await screen.findByText('Pas encore de chiffres')).toBeTruthy();
    expect(screen.getByTestId('insights-reconnect').textContent).toContain('« AlterMed » doit être reconnectée');
  });
});

function Digits({ digits, children }: { digits: ArabicDigits; children: ReactNode }) {
  const { setArabicDigits } = useI18n();
  useEffect(() => setArabicDigits(digits), [digits, setArabicDigits]);
  return <>{children}</>;
}

function Chart() {
  const format = useInsightFormat();
  const series = DAYS.map((day, index) => ({ day, value: 1000 + index * 250 }));
  return <TrendChart metric="reach" series={series} format={format} />;
}

function showChart(locale: UiLocale, digits: ArabicDigits = 'latn') {
  return render(
    <I18nProvider locale={locale}>
      <Digits digits={digits}>
        <MantineProvider>
          <Chart />
        </MantineProvider>
      </Digits>
    </I18nProvider>,
  );
}

describe('the curve in Arabic', () => {
  it('runs from right to left, with Western digits by default and Eastern ones when the workspace asks', async () => {
    const view = showChart('ar');
    const chart = await screen.findByTestId('trend-chart');
    expect(chart.getAttribute('data-dir')).toBe('rtl');
    const dates = [...chart.querySelectorAll('text[data-day]')];
    const xOfDay = (day: string) => Number(dates.find((node) => node.getAttribute('data-day') === day)?.getAttribute('x'));
    expect(xOfDay(DAYS[0] ?? '')).toBeGreaterThan(xOfDay(DAYS[6] ?? ''));
    expect(chart.querySelector('title')?.textContent).toBe('الوصول يومًا بيوم');
    expect(chart.querySelector('desc')?.textContent).toMatch(/أعلى قيمة 2[.,]?500/);
    view.unmount();

    showChart('ar', 'arab');
    const eastern = await screen.findByTestId('trend-chart');
    await waitFor(() => expect(eastern.querySelector('desc')?.textContent).toMatch(/[٠-٩]/));
    expect(eastern.querySelector('desc')?.textContent).not.toMatch(/[0-9]/);
  });

  it('runs from left to right in French', async () => {
    showChart('fr');
    const chart = await screen.findByTestId('trend-chart');
    const dates = [...chart.querySelectorAll('text[data-day]')];
    expect(Number(dates[0]?.getAttribute('x'))).toBeLessThan(Number(dates.at(-1)?.getAttribute('x')));
  });
});
