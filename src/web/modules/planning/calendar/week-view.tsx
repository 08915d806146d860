/**
 * A week, Monday first, one column per day listing every entry of that day. While a movable entry is
 * dragged, each day shows its hours as drop slots: dropped on the day it keeps its time, on an hour
 * it takes that hour.
 */
import { VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { CalendarEntryLink } from './calendar-entry.js';
import { FULL_DAY, useFormatDay } from './calendar-format.js';
import { entriesByDay, weekDays } from './calendar-grid.js';
import { DROP_HOURS } from './calendar-move.js';
import { useCalendarMoves, useDropTarget } from './calendar-move-context.js';

function DropSlot({ day, time }: { day: CalendarDate; time: string }) {
  const drop = useDropTarget({ date: day, time });
  return (
    <div className="tawasul-cal-slot" data-time={time} data-drop-over={drop.isOver ? 'true' : undefined} {...drop.props}>
      <span dir="ltr">{time}</span>
    </div>
  );
}

function WeekDay(props: { day: CalendarDate; today: CalendarDate; list: CalendarEntry[]; languages: readonly string[] }) {
  const { day } = props;
  const { t } = useI18n();
  const formatDay = useFormatDay();
  const { dragged, canMove } = useCalendarMoves();
  const drop = useDropTarget({ date: day });
  const showsSlots = Boolean(dragged && canMove(dragged) && !dragged.allDay);
  return (
    <li
      className="tawasul-cal-day"
      data-date={day}
      data-today={day === props.today ? 'true' : undefined}
      data-drop-over={drop.isOver ? 'true' : undefined}
      {...drop.props}
    >
      <h3 className="tawasul-cal-week-heading">
        <span aria-hidden="true">{formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' })}</span>
        <VisuallyHidden>
          {formatDay(day, FULL_DAY)}
          {day === props.today ? `, ${t('calendar.today')}` : ''}
        </VisuallyHidden>
      </h3>
      {props.list.map((entry) => (
        <CalendarEntryLink key={`${entry.kind}-${entry.id}`} entry={entry} languages={props.languages} />
      ))}
      {showsSlots ? (
        // Mouse only: the keyboard moves an entry with its "move to…" button.
        <div className="tawasul-cal-slots" aria-hidden="true" data-testid="calendar-drop-slots">
          {DROP_HOURS.map((time) => (
            <DropSlot key={time} day={day} time={time} />
          ))}
        </div>
      ) : null}
    </li>
  );
}

export function WeekView(props: {
  date: CalendarDate;
  today: CalendarDate;
  entries: readonly CalendarEntry[];
  languages: readonly string[];
}) {
  const { timeZone, dragged } = useCalendarMoves();
  const days = weekDays(props.date);
  const byDay = entriesByDay(props.entries, days, timeZone);
  return (
    <div className="tawasul-cal-scroll">
      <ol className="tawasul-cal-week" data-testid="calendar-week" data-dragging={dragged ? 'true' : undefined}>
        {days.map((day) => (
          <WeekDay key={day} day={day} today={props.today} list={byDay.get(day) ?? []} languages={props.languages} />
        ))}
      </ol>
    </div>
  );
}
