/** The tasks assigned to me, grouped: overdue, this week, later. */
import { Stack, Text, Title } from '@mantine/core';
import { useWorkspace } from '../../../../app/workspace-context.js';
import { ErrorAlert } from '../../../../components/form-errors.js';
import { LoadMoreButton } from '../../../../components/load-more-button.js';
import { PageLoader } from '../../../../components/page-loader.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { todayDate } from '../planning-format.js';
import { groupMyTasks } from './my-tasks.js';
import { TaskList } from './task-list.js';
import { useTaskPages } from './tasks-api.js';

export function MyTasksPage() {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const pages = useTaskPages(workspace.id, { assignee: 'me', status: 'open' });
  const tasks = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const groups = groupMyTasks(tasks, todayDate());
  const sections = [
    ['overdue', groups.overdue],
    ['thisWeek', groups.thisWeek],
    ['later', groups.later],
  ] as const;
  return (
    <Stack maw={960}>
      <Title order={1} size="h2">
        {t('campaigns.myTasks.title')}
      </Title>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        sections.map(([key, items]) => (
          <Stack key={key} gap="xs" data-testid={`my-tasks-${key}`}>
            <Title order={2} size="h4">
              {t(`campaigns.myTasks.${key}`, { count: items.length })}
            </Title>
            {items.length > 0 ? (
              <TaskList tasks={items} label={t(`campaigns.myTasks.${key}`, { count: items.length })} />
            ) : (
              <Text c="dimmed" size="sm">
                {t('campaigns.myTasks.none')}
              </Text>
            )}
          </Stack>
        ))
      )}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}
