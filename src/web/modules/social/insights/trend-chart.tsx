/**
 * A daily series as a line drawn in SVG: round value axis, a few dates under it, a gap where a day has
 * no figure. Time runs from the inline start, so right to left in Arabic. Its words for screen
 * readers: a summary (lowest and highest day) on the image, and the whole series as a table below.
 */
import { Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import type { InsightMetric, InsightPoint } from '../../../../shared/social/insights.schema.js';
import { anchorFor, type Frame, inlineX, labelledIndexes, linePath, seriesSummary, valueTicks, xOf, yOf } from './chart-scale.js';
import { type InsightFormat, SHORT_DAY } from './insights-format.js';

const WIDTH = 720;
const HEIGHT = 240;

export function TrendChart({ metric, series, format }: { metric: InsightMetric; series: InsightPoint[]; format: InsightFormat }) {
  const titleId = useId();
  const descriptionId = useId();
  const { t, dir } = format;
  const name = format.metric(metric);
  const values = series.map((point) => point.value);
  const summary = seriesSummary(values);
  const first = series[0]?.day;
  const last = series.at(-1)?.day;
  if (!first || !last || !summary.max || !summary.min) {
    return (
      <Text c="dimmed" data-testid="trend-empty">
        {t('socialInsights.trend.noData', { metric: name })}
      </Text>
    );
  }
  const frame: Frame = { width: WIDTH, height: HEIGHT, inlineStart: 56, inlineEnd: 24, top: 12, bottom: 34, dir };
  const ticks = valueTicks(summary.max.value);
  const ceiling = ticks.at(-1) ?? 1;
  const { d, dots } = linePath(values, ceiling, frame);
  const plotStart = inlineX(0, frame);
  const plotEnd = inlineX(WIDTH - frame.inlineStart - frame.inlineEnd, frame);
  const description = t('socialInsights.trend.summary', {
    metric: name,
    from: format.day(first),
    to: format.day(last),
    min: format.number(summary.min.value),
    minDay: format.day(series[summary.min.index]?.day ?? first),
    max: format.number(summary.max.value),
    maxDay: format.day(series[summary.max.index]?.day ?? last),
  });
  const hasGaps = summary.known < series.length;
  // The value labels sit outside the plot, at its inline start: their edge facing the plot is at x.
  const tickAnchor = anchorFor(dir === 'ltr' ? 'right' : 'left', dir);
  const dateIndexes = labelledIndexes(series.length, 6);

  return (
    <Stack gap="xs">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
        className="insights-trend"
        data-testid="trend-chart"
        data-dir={dir}
      >
        <title id={titleId}>{t('socialInsights.trend.title', { metric: name })}</title>
        <desc id={descriptionId}>{description}</desc>
        {ticks.map((tick) => {
          const y = yOf(tick, ceiling, frame);
          return (
            <g key={tick}>
              <line x1={plotStart} x2={plotEnd} y1={y} y2={y} className="insights-grid" />
              <text x={inlineX(-8, frame)} y={y + 4} textAnchor={tickAnchor} direction={dir} className="insights-axis-label">
                {format.compact(tick)}
              </text>
            </g>
          );
        })}
        {dateIndexes.map((index, position) => {
          const day = series[index]?.day ?? first;
          // The first and last dates are kept inside the chart: anchored at their outer edge.
          const edge = position === 0 ? 'start' : position === dateIndexes.length - 1 ? 'end' : 'middle';
          const physical = edge === 'middle' ? 'middle' : (edge === 'start') === (dir === 'ltr') ? 'left' : 'right';
          return (
            <text
              key={day}
              x={xOf(index, series.length, frame)}
              y={HEIGHT - 10}
              textAnchor={anchorFor(physical, dir)}
              direction={dir}
              className="insights-axis-label"
              data-day={day}
            >
              {format.day(day, SHORT_DAY)}
            </text>
          );
        })}
        <path d={d} className="insights-line" data-testid="trend-line" />
        {dots.map((dot) => (
          <circle key={dot.index} cx={dot.x} cy={dot.y} r={3} className="insights-dot">
            <title>
              {t('socialInsights.trend.point', { day: format.day(series[dot.index]?.day ?? first), value: format.number(dot.value) })}
            </title>
          </circle>
        ))}
      </svg>
      {hasGaps ? (
        <Text size="xs" c="dimmed">
          {t('socialInsights.trend.gaps')}
        </Text>
      ) : null}
      <details className="insights-data">
        <summary>{t('socialInsights.table.show')}</summary>
        <Table.ScrollContainer minWidth={240} mah={320}>
          <Table striped data-testid="trend-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('socialInsights.table.day')}</Table.Th>
                <Table.Th ta="end">{name}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.map((point) => (
                <Table.Tr key={point.day}>
                  <Table.Td>{format.day(point.day)}</Table.Td>
                  <Table.Td ta="end">{point.value === null ? t('socialInsights.table.none') : format.number(point.value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Stack>
  );
}
