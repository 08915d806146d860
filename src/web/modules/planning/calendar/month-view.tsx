/**
 * The month as a CSS grid of whole weeks, Monday first. The grid follows the writing direction, so in
 * Arabic Monday sits on the right and days flow right to left with no extra rule. A movable entry
 * dropped on another day keeps its time of day.
 */
import { UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CalendarEntryLink } from './calendar-entry.js';
import { FULL_DAY, useFormatDay } from './calendar-format.js';
import { entriesByDay, monthGridDays } from './calendar-grid.js';
import { useCalendarMoves, useDropTarget } from './calendar-move-context.js';

/** Entries shown in a day cell before "+ n more". */
const ENTRIES_PER_CELL = 3;

export interface MonthViewProps {
  date: CalendarDate;
  today: CalendarDate;
  entries: readonly CalendarEntry[];
  languages: readonly string[];
  /** Opens a day whose entries do not all fit (the week view of that day). */
  onShowDay(date: CalendarDate): void;
}

function MonthDay(props: {
  day: CalendarDate;
  month: string;
  today: CalendarDate;
  list: CalendarEntry[];
  languages: readonly string[];
  onShowDay(date: CalendarDate): void;
}) {
  const { day, list } = props;
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const drop = useDropTarget({ date: day });
  const hidden = list.length - ENTRIES_PER_CELL;
  return (
    <li
      className="tawasul-cal-day"
      data-date={day}
      data-outside={day.slice(0, 7) !== props.month ? 'true' : undefined}
      data-today={day === props.today ? 'true' : undefined}
      data-drop-over={drop.isOver ? 'true' : undefined}
      {...drop.props}
    >
      <span className="tawasul-cal-day-number">
        <span aria-hidden="true">{formatDay(day, { day: 'numeric' })}</span>
        <VisuallyHidden>
          {formatDay(day, FULL_DAY)}
          {day === props.today ? `, ${t('calendar.today')}` : ''}
        </VisuallyHidden>
      </span>
      {list.slice(0, hidden > 0 ? ENTRIES_PER_CELL - 1 : ENTRIES_PER_CELL).map((entry) => (
        <CalendarEntryLink key={`${entry.kind}-${entry.id}`} entry={entry} languages={props.languages} />
      ))}
      {hidden > 0 ? (
        <UnstyledButton className="tawasul-cal-more" onClick={() => props.onShowDay(day)}>
          {t('calendar.moreEntries', { count: hidden + 1 })}
        </UnstyledButton>
      ) : null}
    </li>
  );
}

export function MonthView({ date, today, entries, languages, onShowDay }: MonthViewProps) {
  const formatDay = useFormatDay();
  const { timeZone, dragged } = useCalendarMoves();
  const weeks = monthGridDays(date);
  const days = weeks.flat();
  const byDay = entriesByDay(entries, days, timeZone);
  const month = date.slice(0, 7);
  return (
    <div className="tawasul-cal-scroll">
      <div className="tawasul-cal-weekdays" aria-hidden="true">
        {(weeks[0] ?? []).map((day) => (
          <div key={day}>{formatDay(day, { weekday: 'short' })}</div>
        ))}
      </div>
      <ol className="tawasul-cal-month" data-testid="calendar-month" data-dragging={dragged ? 'true' : undefined}>
        {days.map((day) => (
          <MonthDay
            key={day}
            day={day}
            month={month}
            today={today}
            list={byDay.get(day) ?? []}
            languages={languages}
            onShowDay={onShowDay}
          />
        ))}
      </ol>
    </div>
  );
}
