/** Mailing lists with their counts (confirmed, awaiting confirmation, unsubscribed, bounced); create, edit, archive. */
import { Badge, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { archiveMailingList, audienceKeys, type MailingList, useMailingLists } from './audience-api.js';
import { AudienceErrorAlert } from './audience-ui.js';
import { ListDialog } from './list-dialog.js';

const COUNT_KEYS = ['confirmed', 'unconfirmed', 'unsubscribed', 'bounced'] as const;

function ListCard({ list, onEdit }: { list: MailingList; onEdit(): void }) {
  const { t, formatNumber } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const queryClient = useQueryClient();
  const archive = useMutation({
    mutationFn: () => archiveMailingList(workspace.id, list.id, !list.isArchived),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: audienceKeys.lists(workspace.id) }),
  });
  const languages = workspace.contentLanguages;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`list-${list.id}`} data-testid="list-card">
      <Stack gap="xs">
        <Group justify="space-between" align="start" wrap="nowrap">
          <Title order={2} size="h4" id={`list-${list.id}`}>
            <LocalizedValue value={list.name} fallbacks={languages} inherit />
          </Title>
          <Group gap={4}>
            <Badge color={list.visibility === 'public' ? 'blue.9' : 'gray.7'} variant="filled">
              {t(`subscribers.visibility.${list.visibility}`)}
            </Badge>
            <Badge color="indigo.9" variant="outline">
              {t(`subscribers.optIn.${list.optIn}`)}
            </Badge>
            {list.isArchived ? <Badge color="gray">{t('web.status.archived')}</Badge> : null}
          </Group>
        </Group>
        <LocalizedValue value={list.description} fallbacks={languages} size="sm" c="dimmed" empty="" component="p" m={0} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
          {COUNT_KEYS.map((key) => (
            <div key={key}>
              <Text component="dt" size="xs" c="dimmed">
                {t(`subscribers.listCount.${key}`)}
              </Text>
              <Text component="dd" m={0} fw={700} fz="lg" data-testid={`count-${key}`}>
                {formatNumber(list.counts[key])}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <AudienceErrorAlert error={archive.error} />
        <Group gap="xs" justify="flex-end">
          <Button variant="subtle" size="xs" component={Link} href={href(`/newsletter/subscribers?listId=${list.id}`)}>
            {t('subscribers.listActions.subscribers')}
          </Button>
          {can('subscribers:manage') ? (
            <>
              <Button variant="default" size="xs" onClick={onEdit}>
                {t('web.action.edit')}
              </Button>
              <Button variant="default" size="xs" loading={archive.isPending} onClick={() => archive.mutate()}>
                {t(list.isArchived ? 'web.action.restore' : 'web.action.archive')}
              </Button>
            </>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}

export function MailingListsPage() {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const [archived, setArchived] = useState<'false' | 'true' | 'all'>('false');
  const [editing, setEditing] = useState<MailingList | 'new' | null>(null);
  const lists = useMailingLists(workspace.id, archived);
  const items = lists.data?.items ?? [];

  return (
    <Stack>
      <NewsletterNav active="lists" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('subscribers.listsTitle')}
        </Title>
        {can('subscribers:manage') ? <Button onClick={() => setEditing('new')}>{t('subscribers.listDialog.open')}</Button> : null}
      </Group>
      <SegmentedControl
        aria-label={t('web.filter.archived')}
        value={archived}
        onChange={(value) => setArchived(value as typeof archived)}
        data={[
          { value: 'false', label: t('web.filter.active') },
          { value: 'true', label: t('web.filter.archivedOnly') },
          { value: 'all', label: t('web.filter.all') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <ErrorAlert error={lists.error} />
      {lists.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items.map((list) => (
            <ListCard key={list.id} list={list} onEdit={() => setEditing(list)} />
          ))}
        </SimpleGrid>
      )}
      {!lists.isPending && items.length === 0 ? <Text c="dimmed">{t('subscribers.listsEmpty')}</Text> : null}
      {editing ? <ListDialog list={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
