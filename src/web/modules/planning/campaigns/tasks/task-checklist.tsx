/** A task's checklist: tick items off, add one; each change saves the whole list. */
import { Button, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { LIMITS } from '../../../../../shared/limits.js';
import type { Task } from '../../../../../shared/planning/task.schema.js';
import { useT } from '../../../../i18n/i18n-context.js';

export function TaskChecklist({ task, canEdit, onSave }: { task: Task; canEdit: boolean; onSave(checklist: Task['checklist']): void }) {
  const t = useT();
  const [label, setLabel] = useState('');
  // A tick shows at once; the server's answer (a new `updatedAt`) then becomes the truth again.
  const [ticks, setTicks] = useState<{ version: string; isDone: Record<string, boolean> }>({ version: task.updatedAt, isDone: {} });
  const ticking = ticks.version === task.updatedAt ? ticks.isDone : {};
  const isDone = (item: Task['checklist'][number]) => ticking[item.id] ?? item.isDone;
  const done = task.checklist.filter(isDone).length;
  return (
    <Stack gap="xs">
      <Text fw={600} component="h3" size="md" m={0}>
        {t('campaigns.task.checklist', { done, total: task.checklist.length })}
      </Text>
      {task.checklist.map((item) => (
        <Checkbox
          key={item.id}
          label={<bdi>{item.label}</bdi>}
          checked={isDone(item)}
          disabled={!canEdit}
          onChange={(event) => {
            const checked = event.currentTarget.checked;
            setTicks({ version: task.updatedAt, isDone: { ...ticking, [item.id]: checked } });
            onSave(task.checklist.map((entry) => (entry.id === item.id ? { ...entry, isDone: checked } : entry)));
          }}
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
