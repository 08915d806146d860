/** The create and edit pages of a person, with archive/restore on the edit page. */
import { Button, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'wouter';
import type { PersonCreate } from '../../../shared/directory/person.schema.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { PageLoader } from '../../components/page-loader.js';
import { useT } from '../../i18n/i18n-context.js';
import { createPerson, setPersonArchived, updatePerson, usePerson } from './directory-api.js';
import { PersonForm } from './person-form.js';

export function PersonNewPage() {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: PersonCreate) => createPerson(workspace.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['people', workspace.id] });
      navigate(href('/people'));
    },
  });
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('web.people.new')}
      </Title>
      <PersonForm
        isSubmitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
        onCancel={() => navigate(href('/people'))}
      />
    </Stack>
  );
}

export function PersonEditPage() {
  const t = useT();
  const { workspace, can, href } = useWorkspace();
  const { personId = '' } = useParams<{ personId: string }>();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const person = usePerson(workspace.id, personId);
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['people', workspace.id] });
    await queryClient.invalidateQueries({ queryKey: ['person', workspace.id, personId] });
  };
  const save = useMutation({
    mutationFn: (body: PersonCreate) => updatePerson(workspace.id, personId, { ...body, expectedUpdatedAt: person.data?.updatedAt }),
    onSuccess: async () => {
      await done();
      navigate(href(`/people/${personId}`));
    },
  });
  const archive = useMutation({
    mutationFn: (isArchived: boolean) => setPersonArchived(workspace.id, personId, isArchived),
    onSuccess: done,
  });
  if (person.isPending) return <PageLoader />;
  if (!person.data) return <ErrorAlert error={person.error} />;
  const isArchived = person.data.isArchived;
  return (
    <Stack maw={960}>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('web.people.edit')}
        </Title>
        {can('directory:write') ? (
          <Button
            color={isArchived ? 'teal' : 'red'}
            variant="outline"
            loading={archive.isPending}
            onClick={() => archive.mutate(!isArchived)}
          >
            {isArchived ? t('web.action.restore') : t('web.action.archive')}
          </Button>
        ) : null}
      </Group>
      <ErrorAlert error={archive.error} />
      <PersonForm
        key={person.data.updatedAt}
        initial={person.data}
        isSubmitting={save.isPending}
        error={save.error}
        onSubmit={(body) => save.mutate(body)}
        onCancel={() => navigate(href(`/people/${personId}`))}
      />
    </Stack>
  );
}
