/** Organisations: search, filters, total with an ICU plural, keyset "load more", CSV export. */
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { ORGANISATION_TYPES } from '../../../shared/directory/organisation.schema.js';
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LocalizedValue } from '../../components/localized-value.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName, countryOptions } from './countries.js';
import { type OrganisationFilters, organisationsCsvUrl, useOrganisationPages } from './directory-api.js';

export function OrganisationsPage() {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [search, setSearch] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [type, setType] = useState<string | null>(null);
  const [archived, setArchived] = useState<'false' | 'true' | 'all'>('false');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: OrganisationFilters = { q: q || undefined, country: country ?? undefined, type: type ?? undefined, archived };
  const pages = useOrganisationPages(workspace.id, filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = pages.data?.pages[0];
  const languages = workspace.contentLanguages;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('web.nav.organisations')}
        </Title>
        <Group gap="xs">
          <Button component="a" variant="default" href={organisationsCsvUrl(workspace.id, filters, locale)} download>
            {t('web.action.exportCsv')}
          </Button>
          {can('directory:write') ? (
            <Button component={Link} href={href('/organisations/new')}>
              {t('web.organisations.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('web.action.search')}
          placeholder={t('web.organisations.searchPlaceholder')}
          dir="auto"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('directory.field.country')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={country}
          onChange={setCountry}
          data={countryOptions(locale)}
          w={180}
        />
        <Select
          label={t('directory.field.type')}
          placeholder={t('web.filter.all')}
          clearable
          value={type}
          onChange={setType}
          data={ORGANISATION_TYPES.map((value) => ({ value, label: t(`directory.type.${value}`) }))}
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
      {firstPage ? (
        <Text c="dimmed" role="status" data-testid="organisation-total">
          {t(firstPage.isTotalCapped ? 'directory.organisationCountMore' : 'directory.organisationCount', { count: firstPage.total })}
        </Text>
      ) : null}
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('web.nav.organisations')}>
          {items.map((organisation) => (
            <li key={organisation.id} className="tawasul-list-row">
              <Anchor component={Link} href={href(`/organisations/${organisation.id}`)} fw={600} className="tawasul-list-row-title">
                <LocalizedValue value={organisation.name} fallbacks={languages} inherit />
              </Anchor>
              <Text size="sm" c="dimmed">
                {t(`directory.type.${organisation.type}`)} · {countryName(organisation.country, locale)}
                {pickLocalized(organisation.city as LocalizedText, locale, languages) ? (
                  <>
                    {' · '}
                    <LocalizedValue value={organisation.city} fallbacks={languages} inherit />
                  </>
                ) : null}
              </Text>
              {organisation.isArchived ? <Badge color="gray">{t('web.status.archived')}</Badge> : null}
            </li>
          ))}
          {items.length === 0 ? (
            <li className="tawasul-list-row">
              <Text c="dimmed">{t('web.organisations.empty')}</Text>
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
