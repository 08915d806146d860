/** One person: name and project role in every language, contact, languages spoken, organisation, and edit/archive. */
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { LocalizedValue } from '../../components/localized-value.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { setPersonArchived, useOrganisation, usePerson } from './directory-api.js';
import { LocalizedVersions } from './localized-versions.js';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600}>{label}</Text>
      {children}
    </Stack>
  );
}

const missing = (
  <Text c="dimmed" component="span">
    —
  </Text>
);

/** The person's organisation by name, linked to its page (the id alone says nothing). */
function OrganisationLink({ organisationId }: { organisationId: string }) {
  const { workspace, href } = useWorkspace();
  const organisation = useOrganisation(workspace.id, organisationId);
  if (organisation.isPending) return <Text c="dimmed">…</Text>;
  if (!organisation.data) return missing;
  return (
    <Anchor component={Link} href={href(`/organisations/${organisationId}`)}>
      <LocalizedValue value={organisation.data.name} fallbacks={workspace.contentLanguages} inherit />
    </Anchor>
  );
}

export function PersonDetailPage() {
  const { t, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const { personId = '' } = useParams<{ personId: string }>();
  const queryClient = useQueryClient();
  const person = usePerson(workspace.id, personId);
  const archive = useMutation({
    mutationFn: (isArchived: boolean) => setPersonArchived(workspace.id, personId, isArchived),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['person', workspace.id, personId], saved);
      await queryClient.invalidateQueries({ queryKey: ['people', workspace.id] });
    },
  });
  if (person.isPending) return <PageLoader />;
  const item = person.data;
  if (!item) return <ErrorAlert error={person.error} />;
  const languages = workspace.contentLanguages;
  return (
    <Stack maw={960}>
      <Anchor component={Link} href={href('/people')} size="sm">
        {t('web.action.backToList')}
      </Anchor>
      <Group justify="space-between" align="start">
        <Stack gap={4}>
          <LocalizedValue value={item.name} fallbacks={languages} component="h1" fw={700} fz="h2" m={0} />
          <Group gap="xs">
            <LocalizedValue value={item.projectRole} fallbacks={languages} size="sm" empty="" />
            {item.isArchived ? <Badge color="gray">{t('web.status.archived')}</Badge> : null}
          </Group>
        </Stack>
        {can('directory:write') ? (
          <Group gap="xs">
            <Button component={Link} href={href(`/people/${item.id}/edit`)} variant="default">
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
          <Field label={t('directory.field.name')}>
            <LocalizedVersions value={item.name} languages={languages} />
          </Field>
          <Field label={t('directory.field.projectRole')}>
            <LocalizedVersions value={item.projectRole} languages={languages} />
          </Field>
          <Field label={t('directory.field.email')}>
            {item.email ? (
              <Anchor href={`mailto:${item.email}`} dir="ltr">
                {item.email}
              </Anchor>
            ) : (
              missing
            )}
          </Field>
          <Field label={t('directory.field.phone')}>
            {item.phone ? (
              <Anchor href={`tel:${item.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                {item.phone}
              </Anchor>
            ) : (
              missing
            )}
          </Field>
          <Field label={t('directory.field.languages')}>
            {item.languages.length > 0 ? (
              <Group gap="xs">
                {item.languages.map((language) => (
                  <Badge key={language} variant="light" lang={language} dir="auto">
                    {t(`public.languageName.${language}`)}
                  </Badge>
                ))}
              </Group>
            ) : (
              missing
            )}
          </Field>
          <Field label={t('directory.field.organisation')}>
            {item.organisationId ? <OrganisationLink organisationId={item.organisationId} /> : missing}
          </Field>
        </SimpleGrid>
        <Text size="sm" c="dimmed" mt="md">
          {t('web.meta.updated', { date: formatDate(item.updatedAt) })}
        </Text>
      </Paper>
    </Stack>
  );
}
