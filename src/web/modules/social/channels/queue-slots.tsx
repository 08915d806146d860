/**
 * The publishing queue of a page: its weekly times ("Tuesday 10:00, Thursday 18:00"), in the
 * workspace's time zone; "next free slot" schedules a post at the first one without a post. Members
 * with social:publish add and remove times; everyone reads them.
 */
import { ActionIcon, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { addDays, type IsoWeekday, utcMidnightOf } from '../../../../shared/planning/calendar-date.js';
import { QueueSlotCreateSchema } from '../../../../shared/social/posts-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError, fieldsFromZod } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { addQueueSlot, channelKeys, type QueueSlot, removeQueueSlot, type SocialChannel, useQueueSlots } from './channels-api.js';

const WEEKDAYS: IsoWeekday[] = [1, 2, 3, 4, 5, 6, 7];
/** A Monday, to name the weekdays in the interface language. */
const A_MONDAY = '2024-01-01';

/** The slots of each ISO weekday (1 = Monday), each day's in time order. */
export function slotsByWeekday(slots: readonly QueueSlot[]): Map<IsoWeekday, QueueSlot[]> {
  const byDay = new Map<IsoWeekday, QueueSlot[]>(WEEKDAYS.map((day) => [day, []]));
  for (const slot of slots) byDay.get(slot.weekday as IsoWeekday)?.push(slot);
  for (const list of byDay.values()) list.sort((a, b) => a.time.localeCompare(b.time));
  return byDay;
}

function useSlotWords() {
  const { formatDate } = useI18n();
  return {
    weekday: (day: IsoWeekday) => formatDate(utcMidnightOf(addDays(A_MONDAY, day - 1)), { weekday: 'long', timeZone: 'UTC' }),
    time: (time: string) => formatDate(new Date(`1970-01-01T${time}:00Z`), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }),
  };
}

export function QueueSlotsSection({ channels }: { channels: readonly SocialChannel[] }) {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const queryClient = useQueryClient();
  const titleId = useId();
  const words = useSlotWords();
  const usable = channels.filter((channel) => channel.status !== 'disconnected');
  const [picked, setPicked] = useState<string | null>(null);
  const channelId = usable.find((channel) => channel.id === picked)?.id ?? usable[0]?.id;
  const slots = useQueueSlots(workspace.id, channelId);
  const [weekday, setWeekday] = useState<string>('2');
  const [time, setTime] = useState('10:00');
  const [clientFields, setClientFields] = useState<Record<string, string>>({});
  const refresh = () => queryClient.invalidateQueries({ queryKey: channelKeys.slots(workspace.id, channelId ?? '') });
  const add = useMutation({
    mutationFn: (body: Parameters<typeof addQueueSlot>[1]) => addQueueSlot(workspace.id, body),
    onSuccess: refresh,
  });
  const remove = useMutation({ mutationFn: (slotId: string) => removeQueueSlot(workspace.id, slotId), onSuccess: refresh });
  const canEdit = can('social:publish');
  const fields = { ...fieldsFromApiError(add.error), ...clientFields };
  const byDay = slotsByWeekday(slots.data?.items ?? []);
  const count = slots.data?.items.length ?? 0;

  const submit = () => {
    const parsed = QueueSlotCreateSchema.safeParse({ channelId, weekday: Number(weekday), time });
    if (!parsed.success) {
      setClientFields(fieldsFromZod(parsed.error, t));
      return;
    }
    setClientFields({});
    if (!add.isPending) add.mutate(parsed.data);
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="queue-slots">
      <Stack gap="sm">
        <Title order={2} size="h3" id={titleId}>
          {t('socialChannels.queue.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('socialChannels.queue.intro', { timeZone: slots.data?.timeZone ?? workspace.timeZone ?? '' })}
        </Text>
        {usable.length === 0 ? (
          <Text size="sm">{t('socialChannels.queue.noChannel')}</Text>
        ) : (
          <>
            {usable.length > 1 ? (
              <Select
                label={t('socialChannels.queue.channel')}
                value={channelId ?? null}
                onChange={setPicked}
                data={usable.map((channel) => ({ value: channel.id, label: channel.name }))}
                allowDeselect={false}
                maw={360}
              />
            ) : null}
            <Text size="sm" fw={600} role="status">
              {t('socialChannels.queue.count', { count })}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
              {WEEKDAYS.map((day) => (
                <Stack key={day} component="li" gap={4} data-weekday={day} aria-label={words.weekday(day)}>
                  <Text size="sm" fw={700} aria-hidden="true">
                    {words.weekday(day)}
                  </Text>
                  {(byDay.get(day) ?? []).map((slot) => (
                    <Group key={slot.id} gap={4} wrap="nowrap" data-testid="queue-slot">
                      <Text size="sm" dir="ltr">
                        {words.time(slot.time)}
                      </Text>
                      {canEdit ? (
                        <ActionIcon
                          variant="subtle"
                          color="red.9"
                          size="sm"
                          aria-label={t('socialChannels.queue.remove', { weekday: words.weekday(day), time: words.time(slot.time) })}
                          loading={remove.isPending && remove.variables === slot.id}
                          onClick={() => remove.mutate(slot.id)}
                        >
                          <span aria-hidden="true">×</span>
                        </ActionIcon>
                      ) : null}
                    </Group>
                  ))}
                  {(byDay.get(day) ?? []).length === 0 ? (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  ) : null}
                </Stack>
              ))}
            </SimpleGrid>
            {count === 0 && slots.data ? <Text size="sm">{t('socialChannels.queue.empty')}</Text> : null}
            {canEdit ? (
              <form
                noValidate
                onSubmit={(event) => {
                  event.preventDefault();
                  submit();
                }}
              >
                <Group gap="xs" align="flex-end">
                  <Select
                    label={t('socialChannels.queue.weekday')}
                    value={weekday}
                    onChange={(value) => setWeekday(value ?? '1')}
                    data={WEEKDAYS.map((day) => ({ value: String(day), label: words.weekday(day) }))}
                    allowDeselect={false}
                    w={180}
                  />
                  <TextInput
                    type="time"
                    label={t('socialChannels.queue.time')}
                    value={time}
                    onChange={(event) => setTime(event.currentTarget.value)}
                    error={fields.time}
                    dir="ltr"
                    w={140}
                  />
                  <Button type="submit" loading={add.isPending}>
                    {t('socialChannels.queue.add')}
                  </Button>
                </Group>
              </form>
            ) : null}
            <ErrorAlert error={slots.error ?? remove.error ?? (add.error && !fields.time ? add.error : null)} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
