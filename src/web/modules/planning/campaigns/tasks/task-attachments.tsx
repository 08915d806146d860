/** Files on a task: upload (through the workspace file route), open, remove. */
import { Anchor, Button, FileButton, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { Task } from '../../../../../shared/planning/task.schema.js';
import { ErrorAlert } from '../../../../components/form-errors.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { attachFile, removeTaskAttachment, taskFileUrl } from './tasks-api.js';

export function TaskAttachments(props: { workspaceId: string; task: Task; canEdit: boolean; onChanged(): void }) {
  const { workspaceId, task, canEdit } = props;
  const { t, formatNumber } = useI18n();
  // Names of files uploaded in this visit; older ones are numbered.
  const [names, setNames] = useState<Record<string, string>>({});
  const upload = useMutation({
    mutationFn: (file: File) => attachFile(workspaceId, task.id, file),
    onSuccess: (uploaded) => {
      setNames((previous) => ({ ...previous, [uploaded.id]: uploaded.originalName }));
      props.onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: (fileId: string) => removeTaskAttachment(workspaceId, task.id, fileId),
    onSuccess: props.onChanged,
  });
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('campaigns.task.attachments')}
      </Text>
      {task.attachmentFileIds.map((fileId, index) => (
        <Group key={fileId} gap="xs">
          <Anchor href={taskFileUrl(workspaceId, fileId)} target="_blank" rel="noopener noreferrer">
            <bdi>{names[fileId] ?? t('campaigns.task.attachmentNumber', { number: formatNumber(index + 1) })}</bdi>
          </Anchor>
          {canEdit ? (
            <Button size="compact-xs" variant="default" onClick={() => remove.mutate(fileId)} loading={remove.isPending}>
              {t('web.action.remove')}
            </Button>
          ) : null}
        </Group>
      ))}
      {task.attachmentFileIds.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.task.noAttachments')}
        </Text>
      ) : null}
      {canEdit ? (
        <FileButton onChange={(file) => file && upload.mutate(file)}>
          {(buttonProps) => (
            <Button {...buttonProps} variant="default" loading={upload.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('campaigns.task.attach')}
            </Button>
          )}
        </FileButton>
      ) : null}
      <ErrorAlert error={upload.error ?? remove.error} />
    </Stack>
  );
}
