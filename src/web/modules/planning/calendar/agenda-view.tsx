/** The agenda: the days of the period that have entries, each with its entries and their details. */
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CalendarEntryLink } from './calendar-entry.js';
import { FULL_DAY, kindLabel, statusLabel, useFormatDay } from './calendar-format.js';
import { agendaDays } from './calendar-grid.js';
import { useCalendarMoves } from './calendar-move-context.js';

export function AgendaView(props: {
  from: CalendarDate;
  to: CalendarDate;
  today: CalendarDate;
  entries: readonly CalendarEntry[];
  languages: readonly string[];
}) {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const { timeZone } = useCalendarMoves();
  const days = agendaDays(props.entries, props.from, props.to, timeZone);
  if (days.length === 0) return <Text c="dimmed">{t('calendar.agendaEmpty')}</Text>;
  return (
    <Stack gap="sm" data-testid="calendar-agenda">
      {days.map(([day, entries]) => (
        <Paper key={day} withBorder p="sm" component="section" data-date={day}>
          <Title order={3} size="h5" mb={6}>
            {formatDay(day, FULL_DAY)}
            {day === props.today ? ` · ${t('calendar.today')}` : ''}
          </Title>
          <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {entries.map((entry) => (
              <Group key={`${entry.kind}-${entry.id}`} component="li" gap="xs" wrap="nowrap" align="center">
                <span className="tawasul-cal-kind" data-kind={entry.kind}>
                  {kindLabel(t, entry.kind)}
                </span>
                <div className="tawasul-cal-agenda-entry">
                  <CalendarEntryLink entry={entry} languages={props.languages} />
                </div>
                {statusLabel(t, entry) ? <Text size="sm">{statusLabel(t, entry)}</Text> : null}
                {entry.countries?.length ? (
                  <Text size="sm">{t('calendar.countries', { countries: entry.countries.join(', ') })}</Text>
                ) : null}
              </Group>
            ))}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
