/**
 * The workspace logo in the settings: the current one, a file picker that uploads and applies the new
 * one at once, and removal. Refused files (type, size) are explained by the server's problem document.
 */
import { Button, FileInput, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../api/session.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { fileUrl, updateWorkspace, uploadFile } from './admin-api.js';

/** The types the server accepts for uploads (src/server/platform/storage/sniff.ts). */
const LOGO_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/svg+xml';

export function WorkspaceLogo() {
  const t = useT();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: async (file: File | null) => {
      const logoFileId = file ? (await uploadFile(workspace.id, file)).id : null;
      await updateWorkspace(workspace.id, { logoFileId });
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
  const fields = fieldsFromApiError(mutation.error);
  return (
    <Stack gap="xs">
      <Text fw={500} size="sm" component="h2" m={0}>
        {t('web.settings.logo')}
      </Text>
      <Group align="center" gap="md">
        <Paper withBorder p={4} w={72} h={72} display="flex" style={{ alignItems: 'center', justifyContent: 'center' }}>
          {workspace.logoFileId ? (
            <Image src={fileUrl(workspace.id, workspace.logoFileId)} alt={t('web.settings.logoAlt')} fit="contain" w={62} h={62} />
          ) : (
            <Text size="xs" c="dimmed" ta="center">
              {t('web.settings.logoNone')}
            </Text>
          )}
        </Paper>
        <FileInput
          label={t('web.settings.logoChoose')}
          description={t('web.settings.logoHelp')}
          placeholder={t('web.settings.logoPlaceholder')}
          // Mantine draws this placeholder as text in a lighter grey than axe accepts.
          styles={{ placeholder: { color: 'var(--mantine-color-dimmed)' } }}
          accept={LOGO_TYPES}
          value={null}
          onChange={(file) => {
            if (file && !mutation.isPending) mutation.mutate(file);
          }}
          disabled={mutation.isPending}
          error={fields.file ?? fields.logoFileId}
          style={{ flex: '1 1 16rem' }}
        />
        {workspace.logoFileId ? (
          <Button variant="default" color="red" loading={mutation.isPending} onClick={() => mutation.mutate(null)}>
            {t('web.settings.logoRemove')}
          </Button>
        ) : null}
      </Group>
      {mutation.isSuccess ? (
        <Text size="sm" role="status">
          {t('web.action.saved')}
        </Text>
      ) : null}
      <ErrorAlert error={mutation.error} />
    </Stack>
  );
}
