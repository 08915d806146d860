/**
 * "Move to…": the keyboard's way to move an entry (and a precise one for the mouse): a date and, for
 * a timed entry, a time on the workspace's clock, sent like a drop. The server's refusal shows on the
 * calendar's status line.
 */
import { ActionIcon, Button, Group, Popover, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { isCalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { wallClockOfEntry } from './calendar-move.js';
import { useCalendarMoves } from './calendar-move-context.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function MovePopover({ entry, title }: { entry: CalendarEntry; title: string }) {
  const { t } = useI18n();
  const moves = useCalendarMoves();
  const formId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const current = wallClockOfEntry(entry, moves.timeZone);
  const [date, setDate] = useState(current.date);
  const [time, setTime] = useState(current.time ?? '');
  const isValid = isCalendarDate(date) && (entry.allDay || TIME.test(time));
  const open = () => {
    const now = wallClockOfEntry(entry, moves.timeZone);
    setDate(now.date);
    setTime(now.time ?? '');
    setIsOpen(true);
  };
  return (
    <Popover
      opened={isOpen}
      onChange={setIsOpen}
      trapFocus
      returnFocus
      position="bottom-start"
      withArrow
      shadow="md"
      // Stays open while the calendar scrolls sideways under it.
      hideDetached={false}
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="xs"
          color="gray.8"
          className="tawasul-cal-move"
          aria-label={t('calendar.move.open', { title })}
          aria-expanded={isOpen}
          onClick={() => (isOpen ? setIsOpen(false) : open())}
        >
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          id={formId}
          noValidate
          aria-label={t('calendar.move.title')}
          onSubmit={(event) => {
            event.preventDefault();
            if (!isValid) return;
            setIsOpen(false);
            moves.moveTo(entry, entry.allDay ? { date } : { date, time });
          }}
        >
          <Stack gap="xs">
            <Text size="sm" fw={700}>
              {t('calendar.move.title')}
            </Text>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                type="date"
                label={t('calendar.move.date')}
                value={date}
                onChange={(event) => setDate(event.currentTarget.value)}
                dir="ltr"
                data-autofocus
              />
              {entry.allDay ? null : (
                <TextInput
                  type="time"
                  label={t('calendar.move.time')}
                  value={time}
                  onChange={(event) => setTime(event.currentTarget.value)}
                  dir="ltr"
                />
              )}
            </Group>
            {entry.allDay ? null : (
              <Text size="xs" c="dimmed">
                {t('calendar.move.timeZone', { timeZone: moves.timeZone })}
              </Text>
            )}
            <Group gap="xs" justify="flex-end">
              <Button size="xs" variant="default" onClick={() => setIsOpen(false)}>
                {t('web.action.cancel')}
              </Button>
              <Button size="xs" type="submit" disabled={!isValid} loading={moves.isMoving}>
                {t('calendar.move.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
