/** A list of people (with total and "load more"), shared by the People page and an organisation's page. */
import { Anchor, Badge, Button, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LocalizedValue } from '../../components/localized-value.js';
import { PageLoader } from '../../components/page-loader.js';
import { useT } from '../../i18n/i18n-context.js';
import { type PersonFilters, usePersonPages } from './directory-api.js';

export function PeopleList({ workspaceId, filters }: { workspaceId: string; filters: PersonFilters }) {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const pages = usePersonPages(workspaceId, filters);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const firstPage = pages.data?.pages[0];
  if (pages.isPending) return <PageLoader />;
  return (
    <Stack>
      <ErrorAlert error={pages.error} />
      {firstPage ? (
        <Text c="dimmed" role="status">
          {t(firstPage.isTotalCapped ? 'directory.peopleCountMore' : 'directory.peopleCount', { count: firstPage.total })}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((person) => (
            <li key={person.id} className="tawasul-list-row">
              <div className="tawasul-list-row-title">
                <Anchor component={Link} href={href(`/people/${person.id}`)} fw={600}>
                  <LocalizedValue value={person.name} fallbacks={workspace.contentLanguages} inherit />
                </Anchor>
              </div>
              <LocalizedValue value={person.projectRole} fallbacks={workspace.contentLanguages} size="sm" c="dimmed" empty="" />
              {person.email ? (
                <Text size="sm" dir="ltr">
                  {person.email}
                </Text>
              ) : null}
              {person.isArchived ? <Badge color="gray">{t('web.status.archived')}</Badge> : null}
            </li>
          ))}
        </Paper>
      ) : null}
      {pages.hasNextPage ? (
        <Button variant="default" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} mx="auto">
          {t('web.action.loadMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
