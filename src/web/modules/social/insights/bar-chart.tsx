/**
 * Horizontal bars, one row per group (a campaign, a language): its name and post count as text, the
 * bar drawn in SVG growing from the inline start (leftwards in Arabic), the figure at its end. The
 * rows are a list with every word and number in text, so the chart reads the same without the bars.
 */
import { Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { barGeometry } from './chart-scale.js';
import type { InsightFormat } from './insights-format.js';

export interface BarItem {
  key: string;
  label: ReactNode;
  /** Posts behind the figure. */
  publications: number;
  value: number | undefined;
}

const TRACK = 200;

export function BarChart({
  title,
  metricLabel,
  items,
  format,
  testId,
}: {
  title: string;
  metricLabel: string;
  items: BarItem[];
  format: InsightFormat;
  testId: string;
}) {
  const titleId = useId();
  const { t, dir } = format;
  // No axis is drawn: the longest bar fills its track, the others are in proportion.
  const ceiling = Math.max(0, ...items.map((item) => item.value ?? 0)) || 1;
  return (
    <Stack component="figure" m={0} gap="xs" aria-labelledby={titleId} data-testid={testId}>
      <figcaption>
        <Title order={3} size="h5" id={titleId}>
          {title} · {metricLabel}
        </Title>
      </figcaption>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('socialInsights.bars.empty')}
        </Text>
      ) : (
        <ul className="insights-bars">
          {items.map((item) => {
            const bar = barGeometry(item.value ?? 0, ceiling, TRACK, dir);
            return (
              <li key={item.key} className="insights-bar-row" data-testid="bar-row" data-key={item.key}>
                <div className="insights-bar-label">
                  <Text size="sm" fw={600} component="div">
                    {item.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('socialInsights.bars.publications', { count: item.publications })}
                  </Text>
                </div>
                <svg
                  className="insights-bar-track"
                  viewBox={`0 0 ${TRACK} 16`}
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  data-bar-x={bar.x}
                  data-bar-width={bar.width}
                >
                  <rect x={0} y={0} width={TRACK} height={16} className="insights-bar-background" />
                  <rect x={bar.x} y={0} width={bar.width} height={16} className="insights-bar" />
                </svg>
                <Text size="sm" fw={700} className="insights-bar-value">
                  {format.number(item.value)}
                </Text>
              </li>
            );
          })}
        </ul>
      )}
    </Stack>
  );
}
