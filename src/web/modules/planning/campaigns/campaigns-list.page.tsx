/** Campaigns: goal date, status, progress (done/total) and overdue tasks; filters by status and archive. */
import { Anchor, Badge, Button, Group, Paper, Progress, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../../shared/planning/campaign.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useCampaignPages } from './campaigns-api.js';
import { CAMPAIGN_STATUS_COLOR, useDayFormat } from './planning-format.js';

export function CampaignsPage() {
  const { t, formatNumber } = useI18n();
  const formatDay = useDayFormat();
  const { workspace, can, href } = useWorkspace();
  const [status, setStatus] = useState<CampaignStatus | null>(null);
  const [archived, setArchived] = useState<'false' | 'true' | 'all'>('false');
  const pages = useCampaignPages(workspace.id, { status: status ?? undefined, archived });
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('campaigns.title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} href={href('/my-tasks')} variant="default">
            {t('campaigns.nav.myTasks')}
          </Button>
          {can('campaigns:write') ? (
            <Button component={Link} href={href('/campaigns/new')}>
              {t('campaigns.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group align="end" gap="sm">
        <Select
          label={t('campaigns.field.status')}
          placeholder={t('web.filter.all')}
          clearable
          value={status}
          onChange={(value) => setStatus(value as CampaignStatus | null)}
          data={CAMPAIGN_STATUSES.map((value) => ({ value, label: t(`campaigns.status.${value}`) }))}
          w={200}
        />
        <SegmentedControl
          aria-label={t('web.filter.archived')}
          value={archived}
          onChange={(value) => setArchived(value as typeof archived)}
          data={[
            { value: 'false', label: t('web.filter.active') },
            { value: 'true', label: t('web.filter.archivedOnly') },
            { value: 'all', label: t('web.filter.all') },
          ]}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('campaigns.title')}>
          {items.map((campaign) => {
            const { total, done, overdue } = campaign.taskCounts;
            return (
              <li key={campaign.id} className="tawasul-list-row" data-testid="campaign-row">
                <Stack gap={2} className="tawasul-list-row-title">
                  <Anchor component={Link} href={href(`/campaigns/${campaign.id}`)} fw={600}>
                    <LocalizedValue value={campaign.title} fallbacks={workspace.contentLanguages} inherit />
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {t('campaigns.goalDateOn', { date: formatDay(campaign.goalDate) })} · {t(`campaigns.kind.${campaign.kind}`)}
                  </Text>
                </Stack>
                <Stack gap={2} w={200}>
                  <Text size="sm">{t('campaigns.progress', { done: formatNumber(done), total: formatNumber(total) })}</Text>
                  <Progress
                    value={total === 0 ? 0 : (done / total) * 100}
                    color="teal.8"
                    aria-label={t('campaigns.progress', { done: formatNumber(done), total: formatNumber(total) })}
                  />
                </Stack>
                <Group gap="xs">
                  <Badge color={CAMPAIGN_STATUS_COLOR[campaign.status]} variant="filled">
                    {t(`campaigns.status.${campaign.status}`)}
                  </Badge>
                  {overdue > 0 ? (
                    <Badge color="red.9" variant="filled">
                      {t('campaigns.overdueCount', { count: overdue })}
                    </Badge>
                  ) : null}
                  {campaign.isArchived ? <Badge color="gray.7">{t('web.status.archived')}</Badge> : null}
                </Group>
              </li>
            );
          })}
          {items.length === 0 ? (
            <li className="tawasul-list-row">
              <Text c="dimmed">{t('campaigns.empty')}</Text>
            </li>
          ) : null}
        </Paper>
      )}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}
