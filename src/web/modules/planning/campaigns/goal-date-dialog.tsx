/**
 * Moving a campaign's goal date in two steps: a dry run says what would move and what to watch (a
 * deadline now in the past, on a weekend or a holiday); only the confirmation saves.
 */
import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { addDays } from '../../../../shared/planning/calendar-date.js';
import type { Task } from '../../../../shared/planning/task.schema.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { useT } from '../../../i18n/i18n-context.js';
import { type Campaign, campaignKeys, moveGoalDate, type ScheduleChangeResult } from './campaigns-api.js';
import { ScheduleChangeList } from './schedule-change-list.js';
import { taskKeys } from './tasks/tasks-api.js';

export interface GoalDateDialogProps {
  workspaceId: string;
  campaign: Campaign;
  tasks: Task[];
  languages: readonly string[];
  isOpen: boolean;
  onClose(): void;
}

export function GoalDateDialog({ workspaceId, campaign, tasks, languages, isOpen, onClose }: GoalDateDialogProps) {
  const t = useT();
  const queryClient = useQueryClient();
  const [goalDate, setGoalDate] = useState(() => addDays(campaign.goalDate, 7));
  const [preview, setPreview] = useState<{ goalDate: string; result: ScheduleChangeResult } | null>(null);
  const dryRun = useMutation({
    mutationFn: (date: string) => moveGoalDate(workspaceId, campaign.id, date, true),
    onSuccess: (result, date) => setPreview({ goalDate: date, result }),
  });
  const save = useMutation({
    mutationFn: (date: string) => moveGoalDate(workspaceId, campaign.id, date, false),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.one(workspaceId, campaign.id) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.plan(workspaceId, campaign.id) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.all(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all(workspaceId) }),
      ]);
      setPreview(null);
      onClose();
    },
  });
  const isPreviewCurrent = preview?.goalDate === goalDate;
  const error = save.error ?? dryRun.error;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('campaigns.action.dismiss') }}
      opened={isOpen}
      onClose={onClose}
      title={t('campaigns.goalMove.title')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (isPreviewCurrent) save.mutate(goalDate);
          else dryRun.mutate(goalDate);
        }}
      >
        <Stack>
          <TextInput
            type="date"
            label={t('campaigns.goalMove.newDate')}
            required
            value={goalDate}
            onChange={(event) => setGoalDate(event.currentTarget.value)}
            error={fieldsFromApiError(error).goalDate}
            data-autofocus
          />
          <ErrorAlert error={error} />
          {preview && isPreviewCurrent ? <ScheduleChangeList result={preview.result} tasks={tasks} languages={languages} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('web.action.cancel')}
            </Button>
            {isPreviewCurrent ? (
              <Button type="submit" loading={save.isPending} color="teal.9">
                {t('campaigns.goalMove.confirm')}
              </Button>
            ) : (
              <Button type="submit" loading={dryRun.isPending}>
                {t('campaigns.goalMove.preview')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
