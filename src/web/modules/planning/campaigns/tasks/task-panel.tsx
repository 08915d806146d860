/**
 * One task, in the campaign's drawer and on its own page: status, assignee, organisation, dates,
 * checklist, comments and attachments. Planners change who and when; whoever works on it changes
 * status, checklist, comments and files (the server narrows contributors to their own tasks).
 */
import { Anchor, Badge, Button, Divider, Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { TASK_STATUSES, type TaskStatus } from '../../../../../shared/planning/schedule-warnings.js';
import type { Task, TaskUpdate } from '../../../../../shared/planning/task.schema.js';
import { useWorkspace } from '../../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../../components/form-errors.js';
import { LocalizedValue } from '../../../../components/localized-value.js';
import { PageLoader } from '../../../../components/page-loader.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { useOrganisationPages } from '../../../directory/directory-api.js';
import { campaignKeys } from '../campaigns-api.js';
import { TASK_STATUS_COLOR, useDayFormat } from '../planning-format.js';
import { TaskAttachments } from './task-attachments.js';
import { TaskChecklist } from './task-checklist.js';
import { TaskComments } from './task-comments.js';
import { taskKeys, updateTask, useAssignees, useTask } from './tasks-api.js';

export function TaskPanel({ taskId, headingLevel = 2 }: { taskId: string; headingLevel?: 1 | 2 }) {
  const { workspace } = useWorkspace();
  const task = useTask(workspace.id, taskId);
  if (task.isPending) return <PageLoader />;
  if (!task.data) return <ErrorAlert error={task.error} />;
  return <TaskDetails key={task.data.id} task={task.data} headingLevel={headingLevel} />;
}

function TaskDetails({ task, headingLevel }: { task: Task; headingLevel: 1 | 2 }) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  const { workspace, can, href } = useWorkspace();
  const languages = workspace.contentLanguages;
  const queryClient = useQueryClient();
  const canPlan = can('campaigns:write');
  const canWork = can('tasks:work');
  const assignees = useAssignees(workspace.id);
  const organisations = useOrganisationPages(workspace.id, { archived: 'false' }, 100);
  const [startDate, setStartDate] = useState(task.startDate);
  const [dueDate, setDueDate] = useState(task.dueDate);

  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: taskKeys.one(workspace.id, task.id) }),
      queryClient.invalidateQueries({ queryKey: taskKeys.all(workspace.id) }),
      task.campaignId ? queryClient.invalidateQueries({ queryKey: campaignKeys.plan(workspace.id, task.campaignId) }) : null,
      task.campaignId ? queryClient.invalidateQueries({ queryKey: campaignKeys.one(workspace.id, task.campaignId) }) : null,
    ]);
  };
  const patch = useMutation({
    mutationFn: (body: TaskUpdate) => updateTask(workspace.id, task.id, body),
    onSuccess: async (saved) => {
      queryClient.setQueryData(taskKeys.one(workspace.id, task.id), saved);
      await refresh();
    },
  });
  const fields = fieldsFromApiError(patch.error);
  const organisationOptions = (organisations.data?.pages ?? []).flatMap((page) =>
    page.items.map((organisation) => ({
      value: organisation.id,
      label: organisation.name[workspace.contentLanguages[0] ?? 'fr']?.value || Object.values(organisation.name)[0]?.value || '—',
    })),
  );

  return (
    <Stack data-testid="task-panel">
      <Stack gap={4}>
        <LocalizedValue value={task.title} fallbacks={languages} component={headingLevel === 1 ? 'h1' : 'h2'} fw={700} fz="h3" m={0} />
        <Group gap="xs">
          <Badge color={TASK_STATUS_COLOR[task.status]} variant="filled">
            {t(`campaigns.taskStatus.${task.status}`)}
          </Badge>
          {task.isMilestone ? <Badge color="violet.9">{t('campaigns.task.milestone')}</Badge> : null}
          {task.role ? <Text size="sm">{t(`roles.${task.role}`)}</Text> : null}
          {task.campaignId ? (
            <Anchor component={Link} href={href(`/campaigns/${task.campaignId}?tab=gantt`)} size="sm">
              {t('campaigns.task.openCampaign')}
            </Anchor>
          ) : null}
        </Group>
        <Text size="sm">{t('campaigns.task.dates', { start: formatDay(task.startDate), due: formatDay(task.dueDate) })}</Text>
      </Stack>
      <ErrorAlert error={patch.error} />
      {canWork ? (
        <SegmentedControl
          aria-label={t('campaigns.field.status')}
          value={task.status}
          onChange={(value) => patch.mutate({ status: value as TaskStatus })}
          data={TASK_STATUSES.map((value) => ({ value, label: t(`campaigns.taskStatus.${value}`) }))}
        />
      ) : null}
      <Group grow align="start">
        <Select
          label={t('campaigns.field.assignee')}
          placeholder={t('campaigns.task.unassigned')}
          clearable
          searchable
          disabled={!canPlan}
          value={task.assigneeUserId}
          onChange={(value) => patch.mutate({ assigneeUserId: value })}
          data={(assignees.data?.items ?? []).map((person) => ({
            value: person.userId,
            label: `${person.name} · ${t(`roles.${person.role}`)}`,
          }))}
          error={fields.assigneeUserId}
        />
        <Select
          label={t('campaigns.field.organisation')}
          placeholder={t('campaigns.task.noOrganisation')}
          clearable
          searchable
          disabled={!canPlan}
          value={task.organisationId}
          onChange={(value) => patch.mutate({ organisationId: value })}
          data={organisationOptions}
          error={fields.organisationId}
        />
      </Group>
      {canPlan ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            patch.mutate({ startDate, dueDate });
          }}
        >
          <Group align="end" gap="xs">
            <TextInput
              type="date"
              label={t('campaigns.field.startDate')}
              value={startDate}
              onChange={(event) => setStartDate(event.currentTarget.value)}
              error={fields.startDate}
            />
            <TextInput
              type="date"
              label={t('campaigns.field.dueDate')}
              value={dueDate}
              onChange={(event) => setDueDate(event.currentTarget.value)}
              error={fields.dueDate}
            />
            <Button
              type="submit"
              variant="default"
              loading={patch.isPending}
              disabled={startDate === task.startDate && dueDate === task.dueDate}
            >
              {t('campaigns.task.saveDates')}
            </Button>
          </Group>
        </form>
      ) : null}
      {task.milestoneKey ? (
        <Text size="xs" c="dimmed">
          {t('campaigns.task.fromTemplate', { key: task.milestoneKey })}
        </Text>
      ) : null}
      <Divider />
      <TaskChecklist task={task} canEdit={canWork} onSave={(checklist) => patch.mutate({ checklist })} />
      <Divider />
      <TaskAttachments workspaceId={workspace.id} task={task} canEdit={canWork} onChanged={refresh} />
      <Divider />
      <TaskComments workspaceId={workspace.id} taskId={task.id} canComment={canWork} />
    </Stack>
  );
}
