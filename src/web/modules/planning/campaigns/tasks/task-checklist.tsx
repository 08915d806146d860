/** A task's checklist: tick items off, add one; each change saves the whole list. */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { LIMITS } from '../../../../../shared/limits.js';
import type { Task } from '../../../../../shared/planning/task.schema.js';
import { useT } from '../../../../i18n/i18n-context.js';

export function TaskChecklist({ task, canEdit, onSave }: { task: Task; canEdit: boolean; onSave(checklist: Task['checklist']): void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  const done = task.checklist.filter((item) => item.isDone).length;
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('campaigns.task.checklist', { done, total: task.checklist.length })}
      </Text>
      {task.checklist.map((item) => (
        <Checkbox
          key={item.id}
          label={<bdi>{item.label}</bdi>}
          checked={item.isDone}
          disabled={!canEdit}
          onChange={(event) =>
            onSave(task.checklist.map((entry) => (entry.id === item.id ? { ...entry, isDone: event.currentTarget.checked } : entry)))
          }
        />
      ))}
      {canEdit ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const value = label.trim();
            if (!value) return;
            onSave([...task.checklist, { id: `c${Date.now().toString(36)}`, label: value, isDone: false }]);
            setLabel('');
          }}
        >
          <Group align="end" gap="xs">
            <TextInput
              label={t('campaigns.task.checklistNew')}
              dir="auto"
              value={label}
              maxLength={LIMITS.shortTextLength}
              onChange={(event) => setLabel(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default">
              {t('campaigns.action.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
