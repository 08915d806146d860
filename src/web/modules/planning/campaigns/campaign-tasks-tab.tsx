/** The campaign's tasks as a list, by due date, and a form to add one. */
import { Button, Checkbox, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/limits.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { compareDates } from '../../../../shared/planning/calendar-date.js';
import { type Task, TaskCreateSchema } from '../../../../shared/planning/task.schema.js';
import { ErrorAlert, type FieldMessages, fieldsFromApiError, fieldsFromZod, languageErrorsOf } from '../../../components/form-errors.js';
import { completeLocalized } from '../../../components/localized-text.js';
import { LocalizedTextEditor } from '../../../components/localized-text-editor.js';
import { useT } from '../../../i18n/i18n-context.js';
import { type Campaign, campaignKeys } from './campaigns-api.js';
import { TaskList } from './tasks/task-list.js';
import { createTask, taskKeys } from './tasks/tasks-api.js';

export function CampaignTasksTab(props: {
  workspaceId: string;
  campaign: Campaign;
  tasks: Task[];
  languages: readonly string[];
  canEdit: boolean;
  onOpenTask(taskId: string): void;
}) {
  const t = useT();
  const [isAdding, setAdding] = useState(false);
  const sorted = [...props.tasks].sort((a, b) => compareDates(a.dueDate, b.dueDate));
  return (
    <Stack>
      {props.canEdit ? (
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAdding(true)}>
            {t('campaigns.task.new')}
          </Button>
        </Group>
      ) : null}
      <TaskList tasks={sorted} label={t('campaigns.tab.tasks')} onOpen={props.onOpenTask} />
      {isAdding ? <NewTaskModal {...props} onClose={() => setAdding(false)} /> : null}
    </Stack>
  );
}

function NewTaskModal(props: { workspaceId: string; campaign: Campaign; languages: readonly string[]; onClose(): void }) {
  const { workspaceId, campaign, languages } = props;
  const t = useT();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState<LocalizedText>(() => completeLocalized(undefined, languages));
  const [startDate, setStartDate] = useState(campaign.goalDate);
  const [dueDate, setDueDate] = useState(campaign.goalDate);
  const [isMilestone, setMilestone] = useState(false);
  const [clientFields, setClientFields] = useState<FieldMessages>({});
  const mutation = useMutation({
    mutationFn: (body: Parameters<typeof createTask>[1]) => createTask(workspaceId, body),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.plan(workspaceId, campaign.id) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.one(workspaceId, campaign.id) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all(workspaceId) }),
      ]);
      props.onClose();
    },
  });
  const fields = { ...fieldsFromApiError(mutation.error), ...clientFields };
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('campaigns.action.dismiss') }}
      opened
      onClose={props.onClose}
      title={t('campaigns.task.new')}
      size="lg"
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = TaskCreateSchema.safeParse({ campaignId: campaign.id, title, startDate, dueDate, isMilestone });
          if (!parsed.success) {
            setClientFields(fieldsFromZod(parsed.error, t));
            return;
          }
          setClientFields({});
          mutation.mutate(parsed.data);
        }}
      >
        <Stack>
          <ErrorAlert error={mutation.error} />
          <LocalizedTextEditor
            label={t('campaigns.field.title')}
            name="taskTitle"
            value={title}
            onChange={setTitle}
            languages={languages}
            isRequired
            maxLength={LIMITS.nameLength}
            error={fields.title}
            languageErrors={languageErrorsOf(fields, 'title')}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('campaigns.field.startDate')}
              required
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              error={fields.startDate}
            />
            <TextInput
              type="date"
              label={t('campaigns.field.dueDate')}
              required
              value={dueDate}
              onChange={(event) => setDueDate(event.currentTarget.value)}
              error={fields.dueDate}
            />
          </Group>
          <Checkbox
            label={t('campaigns.task.milestone')}
            checked={isMilestone}
            onChange={(event) => setMilestone(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('web.action.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('web.action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
