/**
 * The latest issues that went out with their main figures, on the issues list: delivered messages,
 * then opens, clicks, bounces and unsubscribes as rates ("not tracked" rather than 0 % when the
 * workspace does not track them). Nothing shows before a first send.
 */
import { Anchor, Paper, Stack, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { Link } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useStatsOverview } from './stats-api.js';

export function NewsletterStatsOverview({ workspaceId }: { workspaceId: string }) {
  const { t, formatNumber, formatDate, intlTag } = useI18n();
  const { workspace, href } = useWorkspace();
  const titleId = useId();
  const overview = useStatsOverview(workspaceId);
  if (overview.error) return <ErrorAlert error={overview.error} />;
  const items = overview.data?.items ?? [];
  if (items.length === 0) return null;
  const percentFormat = new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: 1 });
  const percent = (value: number | null) => (value === null ? '—' : percentFormat.format(value));
  const notTracked = t('newsletterStats.panel.notTracked');
  // A rate above zero was measured while tracking was on: it stays meaningful after tracking is off.
  const tracked = (value: number | null, isTracked: boolean) => (isTracked || (value ?? 0) > 0 ? percent(value) : notTracked);
  const { trackOpens = false, trackClicks = false } = overview.data ?? {};
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('newsletterStats.overview.title')}
        </Title>
        <Table.ScrollContainer minWidth={800}>
          <Table data-testid="stats-overview">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('newsletterStats.overview.issue')}</Table.Th>
                <Table.Th>{t('newsletterStats.overview.date')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.sent')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.delivered')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.openRate')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.clickRate')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.bounceRate')}</Table.Th>
                <Table.Th ta="end">{t('newsletterStats.overview.unsubscribeRate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.issueId} data-testid="stats-overview-row">
                  <Table.Td>
                    <Anchor component={Link} href={href(`/newsletter/issues/${item.issueId}`)}>
                      <LocalizedValue value={item.subject} fallbacks={workspace.contentLanguages} inherit />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{item.startedAt ? formatDate(item.startedAt) : '—'}</Table.Td>
                  <Table.Td ta="end">{formatNumber(item.sent)}</Table.Td>
                  <Table.Td ta="end" data-testid="overview-delivered">
                    {formatNumber(item.delivered)}
                  </Table.Td>
                  <Table.Td ta="end" data-testid="overview-opens">
                    {tracked(item.rates.open, trackOpens)}
                  </Table.Td>
                  <Table.Td ta="end" data-testid="overview-clicks">
                    {tracked(item.rates.click, trackClicks)}
                  </Table.Td>
                  <Table.Td ta="end">{percent(item.rates.bounce)}</Table.Td>
                  <Table.Td ta="end">{percent(item.rates.unsubscribe)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}
