/**
 * Insights of the workspace's pages: a period (7, 28 or 90 days ending yesterday), a page when there
 * are several, the key figures with their change, a figure's daily curve, the figures per campaign
 * and per language, and the best posts; "refresh now" reads the pages again. Charts are SVG drawn
 * here (chart-scale.ts), mirrored in Arabic, each with its words for screen readers.
 */
import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import {
  INSIGHT_DEFAULT_DAYS,
  INSIGHT_RANGE_DAYS,
  type InsightMetric,
  POST_INSIGHT_METRICS,
  type PostInsightMetric,
} from '../../../../shared/social/insights.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { SocialNav } from '../social-nav.js';
import { BarChart } from './bar-chart.js';
import {
  type InsightsFilter,
  insightsKeys,
  useCampaignInsights,
  useInsightsOverview,
  useLanguageInsights,
  useRefreshInsights,
  useTopPosts,
} from './insights-api.js';
import { useInsightFormat } from './insights-format.js';
import { MetricCards } from './metric-cards.js';
import { TopPostsTable } from './top-posts-table.js';
import { TrendChart } from './trend-chart.js';
import './insights.css';

/** How long the page waits for a refresh it asked for before it stops reading again. */
const REFRESH_WAIT_MS = 60_000;

export function SocialInsightsPage() {
  const { workspace, href } = useWorkspace();
  const format = useInsightFormat();
  const { t } = format;
  const queryClient = useQueryClient();
  const [days, setDays] = useState<number>(INSIGHT_DEFAULT_DAYS);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [trendMetric, setTrendMetric] = useState<InsightMetric>('reach');
  const [barMetric, setBarMetric] = useState<PostInsightMetric>('reach');
  const [sort, setSort] = useState<PostInsightMetric>('reach');
  const [waitingFrom, setWaitingFrom] = useState<{ lastSyncedAt: string | null } | null>(null);
  const filter: InsightsFilter = { days, channelId: channelId ?? undefined };

  const overview = useInsightsOverview(workspace.id, filter, { isWaitingForSync: waitingFrom !== null });
  const data = overview.data;
  const hasFigures = Boolean(data?.hasData);
  const campaigns = useCampaignInsights(workspace.id, filter, hasFigures);
  const languages = useLanguageInsights(workspace.id, filter, hasFigures);
  const topPosts = useTopPosts(workspace.id, filter, sort, hasFigures);
  const refresh = useRefreshInsights(workspace.id);

  // A refresh is done when the figures were read again; the other parts are then read too.
  const lastSyncedAt = data?.lastSyncedAt ?? null;
  useEffect(() => {
    if (waitingFrom && lastSyncedAt !== waitingFrom.lastSyncedAt) {
      setWaitingFrom(null);
      queryClient.invalidateQueries({ queryKey: insightsKeys.all(workspace.id) });
    }
  }, [lastSyncedAt, waitingFrom, queryClient, workspace.id]);
  useEffect(() => {
    if (!waitingFrom) return;
    const timer = setTimeout(() => setWaitingFrom(null), REFRESH_WAIT_MS);
    return () => clearTimeout(timer);
  }, [waitingFrom]);

  const startRefresh = () =>
    refresh.mutate(channelId ?? undefined, {
      onSuccess: (answer) => {
        if (answer.queued > 0) setWaitingFrom({ lastSyncedAt });
      },
    });

  const activeChannels = data?.channels.filter((channel) => channel.status !== 'disconnected') ?? [];
  const needsReconnection = data?.channels.filter((channel) => channel.status === 'needs_reconnection') ?? [];
  const trend = data?.metrics.find((summary) => summary.metric === trendMetric);
  const barMetricLabel = format.metric(barMetric);

  const refreshButton = (
    <Button
      variant="default"
      onClick={startRefresh}
      loading={refresh.isPending || waitingFrom !== null}
      disabled={activeChannels.length === 0}
    >
      {t('socialInsights.refresh.action')}
    </Button>
  );

  return (
    <Stack>
      <SocialNav active="insights" />
      <Group justify="space-between" align="end">
        <Title order={1} size="h2">
          {t('socialInsights.title')}
        </Title>
        <Group align="end" gap="sm">
          <SegmentedControl
            aria-label={t('socialInsights.range.label')}
            value={String(days)}
            onChange={(value) => setDays(Number(value))}
            data={INSIGHT_RANGE_DAYS.map((value) => ({ value: String(value), label: t('socialInsights.range.days', { days: value }) }))}
          />
          {data && data.channels.length > 1 ? (
            <Select
              label={t('socialInsights.channel.label')}
              value={channelId ?? 'all'}
              onChange={(value) => setChannelId(value && value !== 'all' ? value : null)}
              data={[
                { value: 'all', label: t('socialInsights.channel.all') },
                ...data.channels.map((channel) => ({ value: channel.id, label: channel.name })),
              ]}
              allowDeselect={false}
              w={240}
            />
          ) : null}
          {refreshButton}
        </Group>
      </Group>
      {data ? (
        <Text size="sm" c="dimmed" data-testid="insights-range">
          {t('socialInsights.range.dates', { from: format.day(data.range.from), to: format.day(data.range.to), days: data.range.days })}
          {' · '}
          {data.lastSyncedAt
            ? t('socialInsights.lastSynced', { date: format.instant(data.lastSyncedAt, workspace.timeZone) })
            : t('socialInsights.neverSynced')}
        </Text>
      ) : null}
      <ErrorAlert error={overview.error ?? refresh.error} />
      {refresh.data ? (
        <Text size="sm" role="status">
          {refresh.data.queued > 0 ? t('socialInsights.refresh.queued') : t('socialInsights.refresh.none')}
        </Text>
      ) : null}
      {needsReconnection.map((channel) => (
        <Alert key={channel.id} color="orange" data-testid="insights-reconnect">
          <Text size="sm">{t('socialInsights.needsReconnection', { name: channel.name })}</Text>
          <Anchor component={Link} href={href('/social/channels')} size="sm">
            {t('socialInsights.needsReconnection.action')}
          </Anchor>
        </Alert>
      ))}
      {data?.channels.some((channel) => channel.sandbox) ? (
        <Text size="sm" c="dimmed" data-testid="insights-sandbox">
          {t('socialInsights.sandbox')}
        </Text>
      ) : null}

      {overview.isPending ? (
        <PageLoader />
      ) : !data ? null : activeChannels.length === 0 && !data.hasData ? (
        <Paper withBorder p="lg" data-testid="insights-empty">
          <Stack gap="xs" align="start">
            <Title order={2} size="h4">
              {t('socialInsights.empty.noChannel.title')}
            </Title>
            <Text>{t('socialInsights.empty.noChannel.body')}</Text>
            <Button component={Link} href={href('/social/channels')}>
              {t('socialInsights.empty.noChannel.action')}
            </Button>
          </Stack>
        </Paper>
      ) : !data.hasData ? (
        <Paper withBorder p="lg" data-testid="insights-empty">
          <Stack gap="xs" align="start">
            <Title order={2} size="h4">
              {t('socialInsights.empty.noData.title')}
            </Title>
            <Text>{t('socialInsights.empty.noData.body')}</Text>
            {refreshButton}
          </Stack>
        </Paper>
      ) : (
        <>
          <MetricCards metrics={data.metrics} selected={trendMetric} onSelect={setTrendMetric} format={format} />
          <Paper withBorder p="md">
            <Stack gap="xs">
              <Title order={2} size="h4">
                {t('socialInsights.trend.title', { metric: format.metric(trendMetric) })}
              </Title>
              <TrendChart metric={trendMetric} series={trend?.series ?? []} format={format} />
            </Stack>
          </Paper>
          <Group justify="space-between" align="end">
            <Text size="sm" c="dimmed" maw={640}>
              {t('socialInsights.postsNote')}
            </Text>
            <Select
              label={t('socialInsights.bars.metric')}
              value={barMetric}
              onChange={(value) => value && setBarMetric(value as PostInsightMetric)}
              data={POST_INSIGHT_METRICS.map((metric) => ({ value: metric, label: format.metric(metric) }))}
              allowDeselect={false}
              w={220}
            />
          </Group>
          <ErrorAlert error={campaigns.error ?? languages.error ?? topPosts.error} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Paper withBorder p="md">
              <BarChart
                title={t('socialInsights.campaigns.title')}
                metricLabel={barMetricLabel}
                format={format}
                testId="campaign-bars"
                items={(campaigns.data?.items ?? []).map((item) => ({
                  key: item.campaignId ?? 'none',
                  label: item.campaignId ? (
                    <LocalizedValue value={item.title} fallbacks={workspace.contentLanguages} inherit />
                  ) : (
                    t('socialInsights.campaigns.none')
                  ),
                  publications: item.publications,
                  value: item.values[barMetric],
                }))}
              />
            </Paper>
            <Paper withBorder p="md">
              <BarChart
                title={t('socialInsights.languages.title')}
                metricLabel={barMetricLabel}
                format={format}
                testId="language-bars"
                items={(languages.data?.items ?? []).map((item) => ({
                  key: item.group,
                  label: t(`socialInsights.language.${item.group}`),
                  publications: item.publications,
                  value: item.values[barMetric],
                }))}
              />
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md">
            <TopPostsTable
              items={topPosts.data?.items ?? []}
              sort={sort}
              onSort={setSort}
              format={format}
              href={href}
              languages={workspace.contentLanguages}
              timeZone={workspace.timeZone}
            />
          </Paper>
        </>
      )}
    </Stack>
  );
}
