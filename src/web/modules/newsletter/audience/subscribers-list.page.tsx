/** Subscribers: search (folded on the server), filters, total with an ICU plural, a table, keyset "load more", and adding by hand. */
import { Anchor, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'wouter';
import { pickLocalized } from '../../../../shared/localized-text.js';
import { SUBSCRIBER_STATUSES } from '../../../../shared/newsletter/newsletter.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { countryName, countryOptions } from '../../directory/countries.js';
import { NewsletterNav } from '../newsletter-nav.js';
import { AddSubscriberDialog } from './add-subscriber-dialog.js';
import { type SubscriberFilters, type SubscriberStatus, useMailingLists, useSubscriberPages } from './audience-api.js';
import { SubscriberStatusBadge, useLanguageWords } from './audience-ui.js';

export function SubscribersPage() {
  const { t, locale, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const languageWords = useLanguageWords();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [params] = useSearchParams();
  // The lists page links here with `?listId=`.
  const [listId, setListId] = useState<string | null>(params.get('listId'));
  const [language, setLanguage] = useState<string | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [tag, setTag] = useState('');
  const [isAdding, setIsAdding] = useState(false);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [tagFilter] = useDebouncedValue(tag.trim(), 300);
  const filters: SubscriberFilters = {
    q: q || undefined,
    status: (status as SubscriberStatus | null) ?? undefined,
    listId: listId ?? undefined,
    language: language ?? undefined,
    country: country ?? undefined,
    tag: tagFilter || undefined,
  };
  const pages = useSubscriberPages(workspace.id, filters);
  const lists = useMailingLists(workspace.id, 'all');
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = pages.data?.pages[0];
  const languages = workspace.contentLanguages;

  return (
    <Stack>
      <NewsletterNav active="subscribers" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('subscribers.title')}
        </Title>
        {can('subscribers:manage') ? <Button onClick={() => setIsAdding(true)}>{t('subscribers.add.open')}</Button> : null}
      </Group>
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('web.action.search')}
          placeholder={t('subscribers.searchPlaceholder')}
          dir="auto"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('subscribers.field.status')}
          placeholder={t('web.filter.all')}
          clearable
          value={status}
          onChange={setStatus}
          data={SUBSCRIBER_STATUSES.map((value) => ({ value, label: t(`subscribers.status.${value}`) }))}
          w={170}
        />
        <Select
          label={t('subscribers.field.list')}
          placeholder={t('web.filter.all')}
          clearable
          value={listId}
          onChange={setListId}
          data={(lists.data?.items ?? []).map((list) => ({
            value: list.id,
            label: pickLocalized(list.name, locale, languages)?.value ?? '—',
          }))}
          w={200}
        />
        <Select
          label={t('subscribers.field.language')}
          placeholder={t('web.filter.all')}
          clearable
          value={language}
          onChange={setLanguage}
          data={languages.map((value) => ({ value, label: t(`public.languageName.${value}`) }))}
          w={150}
        />
        <Select
          label={t('subscribers.field.country')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={country}
          onChange={setCountry}
          data={countryOptions(locale)}
          w={170}
        />
        <TextInput
          label={t('subscribers.field.tag')}
          dir="auto"
          value={tag}
          onChange={(event) => setTag(event.currentTarget.value)}
          w={140}
        />
      </Group>
      <ErrorAlert error={pages.error} />
      {firstPage ? (
        <Text c="dimmed" role="status" data-testid="subscriber-total">
          {t(firstPage.isTotalCapped ? 'subscribers.countMore' : 'subscribers.count', { count: firstPage.total })}
        </Text>
      ) : null}
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table striped highlightOnHover aria-label={t('subscribers.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('subscribers.field.email')}</Table.Th>
                <Table.Th>{t('subscribers.field.name')}</Table.Th>
                <Table.Th>{t('subscribers.field.languages')}</Table.Th>
                <Table.Th>{t('subscribers.field.country')}</Table.Th>
                <Table.Th>{t('subscribers.field.status')}</Table.Th>
                <Table.Th>{t('subscribers.field.createdAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((subscriber) => (
                <Table.Tr key={subscriber.id} data-testid="subscriber-row">
                  <Table.Td>
                    <Anchor component={Link} href={href(`/newsletter/subscribers/${subscriber.id}`)} dir="ltr" fw={600}>
                      {subscriber.email}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <bdi>{subscriber.name || '—'}</bdi>
                  </Table.Td>
                  <Table.Td>{languageWords(subscriber.languages)}</Table.Td>
                  <Table.Td>{subscriber.country ? countryName(subscriber.country, locale) : '—'}</Table.Td>
                  <Table.Td>
                    <SubscriberStatusBadge status={subscriber.status} />
                  </Table.Td>
                  <Table.Td>{formatDate(subscriber.createdAt, { dateStyle: 'medium' })}</Table.Td>
                </Table.Tr>
              ))}
              {items.length === 0 ? (
                <Table.Tr>
                  <Table.Td colSpan={6}>
                    <Text c="dimmed">{t('subscribers.empty')}</Text>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <LoadMoreButton pages={pages} />
      {isAdding ? <AddSubscriberDialog isOpen onClose={() => setIsAdding(false)} /> : null}
    </Stack>
  );
}
