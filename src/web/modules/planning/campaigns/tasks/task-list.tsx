/** Tasks as rows: title (opens the task), due date, assignee, status, overdue flag. */
import { Anchor, Badge, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'wouter';
import { compareDates } from '../../../../../shared/planning/calendar-date.js';
import type { Task } from '../../../../../shared/planning/task.schema.js';
import { useWorkspace } from '../../../../app/workspace-context.js';
import { LocalizedValue } from '../../../../components/localized-value.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { TASK_STATUS_COLOR, todayDate, useDayFormat } from '../planning-format.js';

export function TaskList(props: { tasks: Task[]; label: string; onOpen?(taskId: string): void; empty?: string }) {
  const { t } = useI18n();
  const formatDay = useDayFormat();
  const { workspace, href } = useWorkspace();
  const today = todayDate();
  return (
    <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={props.label}>
      {props.tasks.map((task) => {
        const isOverdue = task.status !== 'done' && compareDates(task.dueDate, today) < 0;
        const title = <LocalizedValue value={task.title} fallbacks={workspace.contentLanguages} inherit />;
        return (
          <li key={task.id} className="tawasul-list-row" data-testid="task-row">
            {props.onOpen ? (
              <UnstyledButton onClick={() => props.onOpen?.(task.id)} className="tawasul-list-row-title" fw={600} c="blue.9" td="underline">
                {title}
              </UnstyledButton>
            ) : (
              <Anchor component={Link} href={href(`/tasks/${task.id}`)} fw={600} className="tawasul-list-row-title">
                {title}
              </Anchor>
            )}
            <Text size="sm">{t('campaigns.task.due', { date: formatDay(task.dueDate) })}</Text>
            <Text size="sm" c="dimmed">
              {task.assigneeName ? <bdi>{task.assigneeName}</bdi> : t('campaigns.task.unassigned')}
            </Text>
            <Group gap="xs">
              <Badge color={TASK_STATUS_COLOR[task.status]} variant="filled">
                {t(`campaigns.taskStatus.${task.status}`)}
              </Badge>
              {isOverdue ? (
                <Badge color="red.9" variant="filled">
                  {t('campaigns.task.overdue')}
                </Badge>
              ) : null}
            </Group>
          </li>
        );
      })}
      {props.tasks.length === 0 ? (
        <li className="tawasul-list-row">
          <Text c="dimmed">{props.empty ?? t('campaigns.task.empty')}</Text>
        </li>
      ) : null}
    </Paper>
  );
}
