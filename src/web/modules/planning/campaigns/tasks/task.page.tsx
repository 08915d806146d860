/** A task on its own page (links from the calendar, notifications and "my tasks"). */
import { Stack } from '@mantine/core';
import { useParams } from 'wouter';
import { TaskPanel } from './task-panel.js';

export function TaskPage() {
  const { taskId = '' } = useParams<{ taskId: string }>();
  return (
    <Stack maw={960}>
      <TaskPanel taskId={taskId} headingLevel={1} />
    </Stack>
  );
}
