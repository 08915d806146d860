/** The conversation on a task: newest last, and a box to add to it. */
import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert, fieldsFromApiError } from '../../../../components/form-errors.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { addTaskComment, taskKeys, useTaskComments } from './tasks-api.js';

export function TaskComments({ workspaceId, taskId, canComment }: { workspaceId: string; taskId: string; canComment: boolean }) {
  const { t, formatDate } = useI18n();
  const queryClient = useQueryClient();
  const comments = useTaskComments(workspaceId, taskId);
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: () => addTaskComment(workspaceId, taskId, body),
    onSuccess: async () => {
      setBody('');
      await queryClient.invalidateQueries({ queryKey: taskKeys.comments(workspaceId, taskId) });
      await queryClient.invalidateQueries({ queryKey: taskKeys.one(workspaceId, taskId) });
    },
  });
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('campaigns.task.comments')}
      </Text>
      <ErrorAlert error={comments.error} />
      {(comments.data ?? []).map((comment) => (
        <Paper key={comment.id} withBorder p="xs">
          <Text size="xs" c="dimmed">
            <bdi>{comment.authorName ?? t('campaigns.task.formerMember')}</bdi> ·{' '}
            {formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </Text>
          <Text size="sm" dir="auto" className="tawasul-pre">
            {comment.body}
          </Text>
        </Paper>
      ))}
      {comments.data?.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('campaigns.task.noComments')}
        </Text>
      ) : null}
      {canComment ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (body.trim()) add.mutate();
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={t('campaigns.task.commentNew')}
              dir="auto"
              rows={3}
              maxLength={4000}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              error={fieldsFromApiError(add.error).body}
            />
            <ErrorAlert error={add.error} />
            <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-end' }}>
              {t('campaigns.task.commentSend')}
            </Button>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
