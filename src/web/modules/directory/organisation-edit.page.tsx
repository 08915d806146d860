/** The create and edit pages of an organisation around one form. */
import { Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'wouter';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { PageLoader } from '../../components/page-loader.js';
import { useT } from '../../i18n/i18n-context.js';
import { createOrganisation, updateOrganisation, useOrganisation } from './directory-api.js';
import { OrganisationForm } from './organisation-form.js';

export function OrganisationNewPage() {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createOrganisation>[1]) => createOrganisation(workspace.id, body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations', workspace.id] });
      navigate(href(`/organisations/${created.id}`));
    },
  });
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('web.organisations.new')}
      </Title>
      <OrganisationForm
        languages={workspace.contentLanguages}
        isSubmitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
        onCancel={() => navigate(href('/organisations'))}
      />
    </Stack>
  );
}

export function OrganisationEditPage() {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const { organisationId = '' } = useParams<{ organisationId: string }>();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const organisation = useOrganisation(workspace.id, organisationId);
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createOrganisation>[1]) =>
      // The loaded updatedAt lets the server refuse to overwrite someone else's newer save.
      updateOrganisation(workspace.id, organisationId, { ...body, expectedUpdatedAt: organisation.data?.updatedAt }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['organisation', workspace.id, organisationId], saved);
      await queryClient.invalidateQueries({ queryKey: ['organisations', workspace.id] });
      navigate(href(`/organisations/${organisationId}`));
    },
  });
  if (organisation.isPending) return <PageLoader />;
  if (!organisation.data) return <ErrorAlert error={organisation.error} />;
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('web.organisations.edit')}
      </Title>
      <OrganisationForm
        languages={workspace.contentLanguages}
        initial={organisation.data}
        isSubmitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
        onCancel={() => navigate(href(`/organisations/${organisationId}`))}
      />
    </Stack>
  );
}
