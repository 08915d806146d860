/** People of the consortium: search, archived filter, and a link to add one. */
import { Button, Group, SegmentedControl, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { useT } from '../../i18n/i18n-context.js';
import { PeopleList } from './people-list.js';

export function PeoplePage() {
  const t = useT();
  const { workspace, can, href } = useWorkspace();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState<'false' | 'true' | 'all'>('false');
  const [q] = useDebouncedValue(search.trim(), 300);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('web.nav.people')}
        </Title>
        {can('directory:write') ? (
          <Button component={Link} href={href('/people/new')}>
            {t('web.people.new')}
          </Button>
        ) : null}
      </Group>
      <Group align="end" gap="sm">
        <TextInput
          type="search"
          label={t('web.action.search')}
          placeholder={t('web.people.searchPlaceholder')}
          dir="auto"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          style={{ flex: '1 1 14rem' }}
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
      <PeopleList workspaceId={workspace.id} filters={{ q: q || undefined, archived }} />
    </Stack>
  );
}
