/** The submit and edit pages of a need around one form. */
import { Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation, useParams } from 'wouter';
import type { NeedCreate } from '../../../../shared/planning/needs.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useT } from '../../../i18n/i18n-context.js';
import { NeedForm } from './need-form.js';
import { createNeed, needKeys, updateNeed, useNeed } from './needs-api.js';

export function NeedNewPage() {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (body: NeedCreate) => createNeed(workspace.id, body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: needKeys.all(workspace.id) });
      navigate(href(`/needs/${created.id}`));
    },
  });
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('needs.new')}
      </Title>
      <NeedForm
        workspaceId={workspace.id}
        languages={workspace.contentLanguages}
        isSubmitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
        onCancel={() => navigate(href('/needs'))}
      />
    </Stack>
  );
}

export function NeedEditPage() {
  const t = useT();
  const { workspace, href } = useWorkspace();
  const { needId = '' } = useParams<{ needId: string }>();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const need = useNeed(workspace.id, needId);
  const mutation = useMutation({
    mutationFn: (body: NeedCreate) => updateNeed(workspace.id, needId, { ...body, expectedUpdatedAt: need.data?.updatedAt }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(needKeys.one(workspace.id, needId), saved);
      await queryClient.invalidateQueries({ queryKey: needKeys.all(workspace.id) });
      navigate(href(`/needs/${needId}`));
    },
  });
  if (need.isPending) return <PageLoader />;
  if (!need.data) return <ErrorAlert error={need.error} />;
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('needs.edit')}
      </Title>
      <NeedForm
        workspaceId={workspace.id}
        languages={workspace.contentLanguages}
        initial={need.data}
        isSubmitting={mutation.isPending}
        error={mutation.error}
        onSubmit={(body) => mutation.mutate(body)}
        onCancel={() => navigate(href(`/needs/${needId}`))}
      />
    </Stack>
  );
}
