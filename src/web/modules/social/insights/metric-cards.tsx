/**
 * One card per metric: the period's figure and its change against the period before (an arrow, a
 * signed percentage, and the full sentence for screen readers). Page metrics have a daily curve: their
 * card is a toggle button choosing the curve shown below.
 */
import { Paper, SimpleGrid, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { InsightMetric, InsightMetricSummary } from '../../../../shared/social/insights.schema.js';
import type { InsightFormat } from './insights-format.js';

function Change({ change, format }: { change: number | null; format: InsightFormat }) {
  if (change === null) {
    return (
      <Text size="xs" c="dimmed">
        {format.t('socialInsights.change.none')}
      </Text>
    );
  }
  const arrow = change > 0 ? '▲' : change < 0 ? '▼' : '•';
  const color = change > 0 ? 'teal.9' : change < 0 ? 'red.9' : 'dimmed';
  return (
    <Text size="xs" c={color} data-testid="metric-change">
      <span aria-hidden="true">
        {arrow} <bdi>{format.change(change)}</bdi>
      </span>
      <VisuallyHidden>{format.t('socialInsights.change.vsPrevious', { change: format.change(change) })}</VisuallyHidden>
    </Text>
  );
}

function CardBody({ summary, format, hasChanges }: { summary: InsightMetricSummary; format: InsightFormat; hasChanges: boolean }) {
  const note =
    summary.source === 'posts'
      ? format.t('socialInsights.metric.fromPosts')
      : summary.metric === 'followers'
        ? format.t('socialInsights.metric.lastValue')
        : null;
  return (
    <>
      <Text size="sm" c="dimmed" component="div">
        {format.metric(summary.metric)}
      </Text>
      <Text fz={26} fw={700} lh={1.2} component="div" data-testid="metric-total">
        {format.number(summary.total)}
      </Text>
      {note ? (
        <Text size="xs" c="dimmed" component="div">
          {note}
        </Text>
      ) : null}
      {hasChanges ? <Change change={summary.change} format={format} /> : null}
    </>
  );
}

export function MetricCards({
  metrics,
  selected,
  onSelect,
  format,
}: {
  metrics: InsightMetricSummary[];
  selected: InsightMetric;
  onSelect(metric: InsightMetric): void;
  format: InsightFormat;
}) {
  // Without any period before to compare with, one sentence says so instead of a line on each card.
  const hasChanges = metrics.some((summary) => summary.change !== null);
  return (
    <section aria-label={format.t('socialInsights.cards.label')}>
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        {metrics.map((summary) =>
          summary.source === 'page' ? (
            <UnstyledButton
              key={summary.metric}
              onClick={() => onSelect(summary.metric)}
              aria-pressed={selected === summary.metric}
              title={format.t('socialInsights.cards.showTrend')}
              className="insights-card"
              data-selected={selected === summary.metric || undefined}
              data-testid={`metric-${summary.metric}`}
            >
              <CardBody summary={summary} format={format} hasChanges={hasChanges} />
            </UnstyledButton>
          ) : (
            <Paper key={summary.metric} className="insights-card" data-testid={`metric-${summary.metric}`}>
              <CardBody summary={summary} format={format} hasChanges={hasChanges} />
            </Paper>
          ),
        )}
      </SimpleGrid>
      {hasChanges ? null : (
        <Text size="xs" c="dimmed" mt={6} data-testid="no-comparison">
          {format.t('socialInsights.change.noHistory')}
        </Text>
      )}
    </section>
  );
}
