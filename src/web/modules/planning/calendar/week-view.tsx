/** A week, Monday first, one column per day listing every entry of that day. */
import { VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CalendarEntryLink } from './calendar-entry.js';
import { FULL_DAY, useFormatDay } from './calendar-format.js';
import { entriesByDay, weekDays } from './calendar-grid.js';

export function WeekView(props: {
  date: CalendarDate;
  today: CalendarDate;
  entries: readonly CalendarEntry[];
  languages: readonly string[];
}) {
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const days = weekDays(props.date);
  const byDay = entriesByDay(props.entries, days);
  return (
    <div className="tawasul-cal-scroll">
      <ol className="tawasul-cal-week" data-testid="calendar-week">
        {days.map((day) => (
          <li key={day} className="tawasul-cal-day" data-date={day} data-today={day === props.today ? 'true' : undefined}>
            <h3 className="tawasul-cal-week-heading">
              <span aria-hidden="true">{formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
              <VisuallyHidden>
                {formatDay(day, FULL_DAY)}
                {day === props.today ? `, ${t('calendar.today')}` : ''}
              </VisuallyHidden>
            </h3>
            {(byDay.get(day) ?? []).map((entry) => (
              <CalendarEntryLink key={`${entry.kind}-${entry.id}`} entry={entry} languages={props.languages} />
            ))}
          </li>
        ))}
      </ol>
    </div>
  );
}
