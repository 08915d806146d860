/**
 * An issue's statistics: one card per language version (and the whole issue), then clicks per link.
 * Numbers and percentages are formatted with Intl in the interface language and the workspace's
 * digits; URLs stay left to right in an Arabic page. Nothing shows before anything was sent.
 */
import { Anchor, Box, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { IssueStats, LinkStats, VariantStats } from '../../../../shared/newsletter/tracking-api.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useIssueStats } from './stats-api.js';

interface Formatters {
  t: ReturnType<typeof useI18n>['t'];
  number(value: number): string;
  percent(value: number | null): string;
}

/** One figure: its label and value on a line, then its rates and details one per line (a `dt` and its `dd`s). */
function Figure({ label, value, details = [], testId }: { label: string; value: string; details?: string[]; testId?: string }) {
  return (
    <div data-testid={testId} style={{ display: 'grid', gridTemplateColumns: '1fr auto', columnGap: 8, alignItems: 'baseline' }}>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={700}>
        {value}
      </Text>
      {details.length > 0 ? (
        <Box component="dd" m={0} style={{ gridColumn: '1 / -1' }}>
          {details.map((detail) => (
            <Text key={detail} size="xs" c="dimmed">
              {detail}
            </Text>
          ))}
        </Box>
      ) : null}
    </div>
  );
}

function VariantCard({
  stats,
  tracking,
  format,
}: {
  stats: VariantStats;
  tracking: Pick<IssueStats, 'trackOpens' | 'trackClicks'>;
  format: Formatters;
}) {
  const { t, number, percent } = format;
  const titleId = useId();
  const notTracked = t('newsletterStats.panel.notTracked');
  const opensShown = tracking.trackOpens || stats.opens.unique > 0;
  const clicksShown = tracking.trackClicks || stats.clicks.unique > 0;
  return (
    <Paper withBorder p="sm" component="article" aria-labelledby={titleId} data-testid={`stats-card-${stats.variant}`}>
      <Stack gap={6}>
        <div>
          <Title order={3} size="h5" id={titleId}>
            {t(`newsletterStats.panel.variant.${stats.variant}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t('newsletterStats.panel.recipients', { count: stats.recipients })}
          </Text>
        </div>
        <Stack component="dl" gap={6} m={0}>
          <Figure label={t('newsletterStats.panel.sent')} value={number(stats.sent)} testId="figure-sent" />
          <Figure label={t('newsletterStats.panel.delivered')} value={number(stats.delivered)} testId="figure-delivered" />
          {stats.pending > 0 ? <Figure label={t('newsletterStats.panel.pending')} value={number(stats.pending)} /> : null}
          {stats.failed > 0 ? <Figure label={t('newsletterStats.panel.failed')} value={number(stats.failed)} /> : null}
          <Figure
            label={t('newsletterStats.panel.opens')}
            value={opensShown ? t('newsletterStats.panel.people', { count: stats.opens.unique }) : notTracked}
            details={
              opensShown
                ? [
                    t('newsletterStats.panel.ofDelivered', { rate: percent(stats.rates.open) }),
                    t('newsletterStats.panel.openCount', { count: stats.opens.total }),
                  ]
                : []
            }
            testId="figure-opens"
          />
          <Figure
            label={t('newsletterStats.panel.clicks')}
            value={clicksShown ? t('newsletterStats.panel.people', { count: stats.clicks.unique }) : notTracked}
            details={
              clicksShown
                ? [
                    t('newsletterStats.panel.ofDelivered', { rate: percent(stats.rates.click) }),
                    t('newsletterStats.panel.clickCount', { count: stats.clicks.total }),
                    t('newsletterStats.panel.clickToOpen', { rate: percent(stats.rates.clickToOpen) }),
                  ]
                : []
            }
            testId="figure-clicks"
          />
          <Figure
            label={t('newsletterStats.panel.unsubscribes')}
            value={number(stats.unsubscribes)}
            details={[t('newsletterStats.panel.ofDelivered', { rate: percent(stats.rates.unsubscribe) })]}
          />
          <Figure
            label={t('newsletterStats.panel.bounces')}
            value={number(stats.bounces.hard + stats.bounces.soft)}
            details={[
              t('newsletterStats.panel.ofSent', { rate: percent(stats.rates.bounce) }),
              t('newsletterStats.panel.bounceDetail', stats.bounces),
            ]}
            testId="figure-bounces"
          />
        </Stack>
      </Stack>
    </Paper>
  );
}

function LinksTable({ links, format }: { links: LinkStats[]; format: Formatters }) {
  const { t, number } = format;
  if (links.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('newsletterStats.panel.noClicks')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="links-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('newsletterStats.panel.link')}</Table.Th>
            <Table.Th ta="end">{t('newsletterStats.panel.linkClicks')}</Table.Th>
            <Table.Th ta="end">{t('newsletterStats.panel.linkPeople')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {links.map((link) => (
            <Table.Tr key={link.url}>
              <Table.Td style={{ wordBreak: 'break-all' }}>
                <Anchor href={link.url} target="_blank" rel="noopener noreferrer" dir="ltr" size="sm">
                  {link.url}
                </Anchor>
              </Table.Td>
              <Table.Td ta="end">{number(link.clicks)}</Table.Td>
              <Table.Td ta="end">{number(link.uniqueClickers)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function IssueStatsPanel({ workspaceId, issueId }: { workspaceId: string; issueId: string }) {
  const { t, formatNumber, intlTag } = useI18n();
  const titleId = useId();
  const stats = useIssueStats(workspaceId, issueId);
  if (stats.error) return <ErrorAlert error={stats.error} />;
  const data = stats.data;
  if (!data || data.total.sent + data.total.failed === 0) return null;
  const percentFormat = new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: 1 });
  const format: Formatters = { t, number: formatNumber, percent: (value) => (value === null ? '—' : percentFormat.format(value)) };
  // With one language version, its card is the whole issue.
  const cards = data.variants.length > 1 ? [...data.variants, data.total] : data.variants;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="issue-stats">
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {t('newsletterStats.panel.title')}
        </Title>
        {data.status === 'sending' ? (
          <Text size="sm" role="status">
            {t('newsletterStats.panel.live')}
          </Text>
        ) : null}
        {/* Two columns at most: the panel sits beside the composer on wide screens. */}
        <SimpleGrid cols={{ base: 1, sm: Math.min(cards.length, 2) }}>
          {cards.map((card) => (
            <VariantCard key={card.variant} stats={card} tracking={data} format={format} />
          ))}
        </SimpleGrid>
        <Title order={3} size="h5">
          {t('newsletterStats.panel.links')}
        </Title>
        <LinksTable links={data.links} format={format} />
      </Stack>
    </Paper>
  );
}
