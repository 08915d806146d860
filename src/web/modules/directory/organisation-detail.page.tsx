/** One organisation: its texts in every language, archive/restore, and its people. */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LocalizedValue } from '../../components/localized-value.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countryName } from './countries.js';
import { setOrganisationArchived, useOrganisation } from './directory-api.js';
import { LocalizedVersions } from './localized-versions.js';
import { PeopleList } from './people-list.js';

export function OrganisationDetailPage() {
  const { t, locale, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const { organisationId = '' } = useParams<{ organisationId: string }>();
  const queryClient = useQueryClient();
  const organisation = useOrganisation(workspace.id, organisationId);
  const archive = useMutation({
    mutationFn: (isArchived: boolean) => setOrganisationArchived(workspace.id, organisationId, isArchived),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['organisation', workspace.id, organisationId], saved);
      await queryClient.invalidateQueries({ queryKey: ['organisations', workspace.id] });
    },
  });
  if (organisation.isPending) return <PageLoader />;
  const item = organisation.data;
  if (!item) return <ErrorAlert error={organisation.error} />;
  const languages = workspace.contentLanguages;
  return (
    <Stack maw={960}>
      <Anchor component={Link} href={href('/organisations')} size="sm">
        {t('web.action.backToList')}
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <LocalizedValue value={item.name} fallbacks={languages} component="h1" fw={700} fz="h2" m={0} />
          <Group gap="xs">
            <Badge>{t(`directory.type.${item.type}`)}</Badge>
            <Text size="sm">{countryName(item.country, locale)}</Text>
            {item.isArchived ? <Badge color="gray">{t('web.status.archived')}</Badge> : null}
          </Group>
        </Stack>
        {can('directory:write') ? (
          <Group gap="xs">
            <Button component={Link} href={href(`/organisations/${item.id}/edit`)} variant="default">
              {t('web.action.edit')}
            </Button>
            <Button
              color={item.isArchived ? 'teal' : 'red'}
              variant="light"
              loading={archive.isPending}
              onClick={() => archive.mutate(!item.isArchived)}
            >
              {item.isArchived ? t('web.action.restore') : t('web.action.archive')}
            </Button>
          </Group>
        ) : null}
      </Group>
      <ErrorAlert error={archive.error} />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap={4}>
            <Text fw={600}>{t('directory.field.name')}</Text>
            <LocalizedVersions value={item.name} languages={languages} />
          </Stack>
          <Stack gap={4}>
            <Text fw={600}>{t('directory.field.city')}</Text>
            <LocalizedVersions value={item.city} languages={languages} />
          </Stack>
          <Stack gap={4}>
            <Text fw={600}>{t('directory.field.description')}</Text>
            <LocalizedVersions value={item.description} languages={languages} />
          </Stack>
          <Stack gap={4}>
            <Text fw={600}>{t('directory.field.website')}</Text>
            {item.website ? (
              <Anchor href={item.website} target="_blank" rel="noopener noreferrer" dir="ltr">
                {item.website}
              </Anchor>
            ) : (
              <Text c="dimmed">—</Text>
            )}
            <Text size="sm" c="dimmed" mt="sm">
              {t('web.meta.updated', { date: formatDate(item.updatedAt) })}
            </Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      <Title order={2} size="h3">
        {t('web.nav.people')}
      </Title>
      <PeopleList workspaceId={workspace.id} filters={{ organisationId: item.id, archived: 'false' }} />
    </Stack>
  );
}
