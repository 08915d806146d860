/** The needs register: status and organisation filters, "mine", newest first with keyset "load more". */
import { Anchor, Button, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import { NEED_STATUSES, type NeedStatus } from '../../../../shared/planning/needs.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../directory/directory-api.js';
import { NeedStatusBadge } from './need-status-badge.js';
import { useNeedPages } from './needs-api.js';

export function NeedsPage() {
  const { t, locale, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [status, setStatus] = useState<string | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [mine, setMine] = useState<'true' | 'false'>(can('needs:triage') ? 'false' : 'true');
  const pages = useNeedPages(workspace.id, {
    status: (status as NeedStatus | null) ?? undefined,
    organisationId: organisationId ?? undefined,
    mine,
  });
  const organisations = useOrganisationPages(workspace.id, {}, 100);
  const organisationItems = organisations.data?.pages[0]?.items ?? [];
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const languages = workspace.contentLanguages;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('needs.title')}
        </Title>
        {can('needs:submit') ? (
          <Button component={Link} href={href('/needs/new')}>
            {t('needs.new')}
          </Button>
        ) : null}
      </Group>
      <Group align="end" gap="sm">
        <SegmentedControl
          aria-label={t('needs.filter.whose')}
          value={mine}
          onChange={(value) => setMine(value as typeof mine)}
          data={[
            { value: 'true', label: t('needs.filter.mine') },
            { value: 'false', label: t('web.filter.all') },
          ]}
        />
        <Select
          label={t('needs.field.status')}
          placeholder={t('web.filter.all')}
          clearable
          value={status}
          onChange={setStatus}
          data={NEED_STATUSES.map((value) => ({ value, label: t(`needs.status.${value}`) }))}
          w={200}
        />
        <Select
          label={t('needs.field.organisation')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={organisationId}
          onChange={setOrganisationId}
          data={organisationItems.map((organisation) => {
            const names = organisation.name as Record<string, { value: string }>;
            return {
              value: organisation.id,
              label: names[locale]?.value || Object.values(names).find((entry) => entry.value)?.value || '—',
            };
          })}
          w={260}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('needs.title')}>
          {items.map((need) => (
            <li key={need.id} className="tawasul-list-row" data-testid="need-row">
              <Anchor component={Link} href={href(`/needs/${need.id}`)} fw={600} className="tawasul-list-row-title">
                <LocalizedValue value={need.title} fallbacks={languages} inherit />
              </Anchor>
              <Text size="sm" c="dimmed">
                {need.requesterName ? <bdi>{need.requesterName}</bdi> : null}
                {need.neededBy ? ` · ${t('needs.neededByDate', { date: formatDate(need.neededBy) })}` : ''}
              </Text>
              <NeedStatusBadge status={need.status} />
            </li>
          ))}
          {items.length === 0 ? (
            <li className="tawasul-list-row">
              <Text c="dimmed">{t('needs.empty')}</Text>
            </li>
          ) : null}
        </Paper>
      )}
      {pages.hasNextPage ? (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} mx="auto">
          {t('web.action.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
