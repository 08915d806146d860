/**
 * The timeline of one campaign: a row per task, bars from start to due date, milestones as diamonds,
 * dependency arrows, today and goal-date lines, days off shaded. A bar is dragged with the pointer or
 * moved with the arrow keys (Enter saves, Escape cancels); while it moves, dependants are pushed live
 * with the same `moveTask` the server runs, so what is shown is what will be saved.
 */
import { Text, VisuallyHidden } from '@mantine/core';
import { type KeyboardEvent, type PointerEvent, useId, useMemo, useRef, useState } from 'react';
import { type LocalizedText, pickLocalized } from '../../../../../shared/localized-text.js';
import { addDays, type CalendarDate, weekdayOf } from '../../../../../shared/planning/calendar-date.js';
import { weekendDaysOf } from '../../../../../shared/planning/holiday-rules.js';
import type { Holiday } from '../../../../../shared/planning/holidays.js';
import { moveTask, type TaskDependency } from '../../../../../shared/planning/retro-planning.js';
import type { Task } from '../../../../../shared/planning/task.schema.js';
import { LocalizedValue } from '../../../../components/localized-value.js';
import { useI18n } from '../../../../i18n/i18n-context.js';
import { useDayFormat } from '../planning-format.js';
import {
  axisOf,
  barOf,
  daysDragged,
  daysOfArrowKey,
  dependencyPaths,
  type GanttGeometry,
  ganttRangeOf,
  inlineOffsetOf,
} from './gantt-layout.js';
import './gantt.css';

export interface GanttChartProps {
  tasks: Task[];
  dependencies: TaskDependency[];
  goalDate: CalendarDate;
  today: CalendarDate;
  holidays: Holiday[];
  /** Countries whose weekends are shaded. */
  countries: readonly string[];
  languages: readonly string[];
  canMove: boolean;
  isSaving?: boolean;
  dayWidth?: number;
  onOpenTask(taskId: string): void;
  onMove(taskId: string, dueDate: CalendarDate): void;
}

interface PendingMove {
  taskId: string;
  days: number;
  /** Pointer drags carry their origin; keyboard moves do not. */
  pointer?: { id: number; originX: number };
}

const ROW_HEIGHT = 40;
const LABEL_WIDTH = 240;
const AXIS_HEIGHT = 44;

export function GanttChart(props: GanttChartProps) {
  const { tasks, dependencies, goalDate, today, holidays, countries, languages, canMove, dayWidth = 28 } = props;
  const { t, dir, locale } = useI18n();
  const formatDay = useDayFormat();
  const hintId = useId();
  const [pending, setPending] = useState<PendingMove | null>(null);
  const movedByPointer = useRef(false);
  const hasScrolled = useRef(false);

  const range = useMemo(() => ganttRangeOf(tasks, goalDate, today), [tasks, goalDate, today]);
  const geometry: GanttGeometry = { range, dayWidth, rowHeight: ROW_HEIGHT, dir };
  const width = range.days * dayWidth;

  const preview = useMemo(() => {
    const moving = pending ? tasks.find((task) => task.id === pending.taskId) : undefined;
    if (!pending || !moving || pending.days === 0) return undefined;
    try {
      return moveTask(tasks, dependencies, moving.id, addDays(moving.dueDate, pending.days), { today, countries });
    } catch {
      // A dependency on a task not in this plan: show the bar alone rather than fail the chart.
      return undefined;
    }
  }, [pending, tasks, dependencies, today, countries]);
  const shown = preview?.tasks ?? tasks;
  const movedIds = new Set(preview?.changed.map((change) => change.id) ?? []);
  const paths = dependencyPaths(shown, dependencies, geometry);
  const offDays = useMemo(() => offDaysOf(range.from, range.days, countries, holidays), [range, countries, holidays]);

  const commit = (move: PendingMove | null) => {
    setPending(null);
    const task = move ? tasks.find((candidate) => candidate.id === move.taskId) : undefined;
    if (move && task && move.days !== 0) props.onMove(task.id, addDays(task.dueDate, move.days));
  };

  const onPointerDown = (event: PointerEvent<HTMLButtonElement>, task: Task) => {
    movedByPointer.current = false;
    if (!canMove || event.button !== 0) return;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    setPending({ taskId: task.id, days: 0, pointer: { id: event.pointerId, originX: event.clientX } });
  };
  const onPointerMove = (event: PointerEvent<HTMLButtonElement>) => {
    if (!pending?.pointer || pending.pointer.id !== event.pointerId) return;
    const days = daysDragged(event.clientX - pending.pointer.originX, geometry);
    if (days !== pending.days) {
      movedByPointer.current = true;
      setPending({ ...pending, days });
    }
  };
  const onPointerUp = (event: PointerEvent<HTMLButtonElement>) => {
    if (!pending?.pointer || pending.pointer.id !== event.pointerId) return;
    commit(pending);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, task: Task) => {
    const step = daysOfArrowKey(event.key, dir);
    if (step !== 0 && canMove) {
      event.preventDefault();
      const days = (pending?.taskId === task.id ? pending.days : 0) + step;
      setPending({ taskId: task.id, days });
    } else if (event.key === 'Escape' && pending) {
      event.preventDefault();
      setPending(null);
    } else if (event.key === 'Enter' && pending?.taskId === task.id && pending.days !== 0) {
      event.preventDefault();
      commit(pending);
    }
  };

  return (
    <div>
      <VisuallyHidden id={hintId}>{t(canMove ? 'campaigns.gantt.moveHint' : 'campaigns.gantt.openHint')}</VisuallyHidden>
      <div
        className="gantt-scroll"
        data-testid="gantt"
        ref={(element) => {
          // Open on the work still to do: the range may start weeks earlier (today, done tasks).
          if (!element || hasScrolled.current) return;
          hasScrolled.current = true;
          const first = tasks
            .filter((task) => task.status !== 'done')
            .map((task) => task.startDate)
            .sort()[0];
          if (!first) return;
          const offset = Math.max(0, inlineOffsetOf(first, geometry) - 2 * dayWidth);
          element.scrollLeft = dir === 'rtl' ? -offset : offset;
        }}
      >
        <div className="gantt-canvas" style={{ width: LABEL_WIDTH + width }}>
          <div className="gantt-row" style={{ height: AXIS_HEIGHT }} aria-hidden="true">
            <div className="gantt-label" style={{ width: LABEL_WIDTH }}>
              <Text size="xs" fw={700}>
                {t('campaigns.gantt.task')}
              </Text>
            </div>
            <div className="gantt-track" style={{ width }}>
              {axisOf(range).map((day, index) => (
                <div key={day.date} className="gantt-axis-cell" style={{ insetInlineStart: index * dayWidth, width: dayWidth }}>
                  {day.isMonthStart ? (
                    <span className="gantt-axis-month">{formatDay(day.date, { month: 'short', year: 'numeric' })}</span>
                  ) : null}
                  {dayWidth >= 20 || day.isWeekStart ? formatDay(day.date, { day: 'numeric' }) : null}
                </div>
              ))}
            </div>
          </div>
          <div style={{ position: 'relative' }}>
            <div className="gantt-layer" style={{ insetInlineStart: LABEL_WIDTH, width }}>
              {offDays.map((day) => (
                <div
                  key={day.date}
                  className="gantt-off-day"
                  data-holiday={day.isHoliday ? '' : undefined}
                  style={{ insetInlineStart: inlineOffsetOf(day.date, geometry), width: dayWidth }}
                />
              ))}
              <DateLine kind="today" date={today} geometry={geometry} />
              <DateLine kind="goal" date={goalDate} geometry={geometry} />
            </div>
            <svg
              className="gantt-arrows"
              style={{ insetInlineStart: LABEL_WIDTH }}
              width={width}
              height={shown.length * ROW_HEIGHT}
              aria-hidden="true"
              data-testid="gantt-arrows"
            >
              <defs>
                <marker id={`${hintId}-arrow`} viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto">
                  <path d="M0 0 L8 4 L0 8 z" style={{ fill: 'var(--mantine-color-gray-7)', stroke: 'none' }} />
                </marker>
              </defs>
              {paths.map((path) => (
                <path key={path.key} d={path.d} markerEnd={`url(#${hintId}-arrow)`} data-dependency={path.key} />
              ))}
            </svg>
            {shown.map((task) => {
              const bar = barOf(task, geometry);
              const isPending = pending?.taskId === task.id;
              return (
                <div key={task.id} className="gantt-row" style={{ height: ROW_HEIGHT }}>
                  <div className="gantt-label" style={{ width: LABEL_WIDTH }}>
                    <LocalizedValue value={task.title} fallbacks={languages} className="gantt-label-title" />
                    <Text size="xs" c="dimmed">
                      {formatDay(task.dueDate)}
                    </Text>
                  </div>
                  <div className="gantt-track" style={{ width }}>
                    <button
                      type="button"
                      className="gantt-bar"
                      data-task-id={task.id}
                      data-status={task.status}
                      data-milestone={task.isMilestone ? '' : undefined}
                      data-movable={canMove ? '' : undefined}
                      data-dragging={isPending && pending?.pointer ? '' : undefined}
                      data-moved={movedIds.has(task.id) ? '' : undefined}
                      aria-describedby={hintId}
                      aria-label={t('campaigns.gantt.barLabel', {
                        title: titleOf(task, locale, languages),
                        start: formatDay(task.startDate),
                        due: formatDay(task.dueDate),
                      })}
                      style={
                        task.isMilestone
                          ? { insetInlineStart: inlineOffsetOf(task.dueDate, geometry) + dayWidth / 2 }
                          : { insetInlineStart: bar.start, width: bar.width }
                      }
                      onPointerDown={(event) => onPointerDown(event, task)}
                      onPointerMove={onPointerMove}
                      onPointerUp={onPointerUp}
                      onPointerCancel={() => setPending(null)}
                      onKeyDown={(event) => onKeyDown(event, task)}
                      onBlur={() => {
                        if (isPending && !pending?.pointer) setPending(null);
                      }}
                      onClick={() => {
                        if (!movedByPointer.current) props.onOpenTask(task.id);
                        movedByPointer.current = false;
                      }}
                    />
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
      <div role="status" aria-live="polite" data-testid="gantt-preview">
        {preview && pending ? (
          <Text size="sm" mt="xs">
            {t('campaigns.gantt.preview', {
              title: titleOf(
                tasks.find((task) => task.id === pending.taskId),
                locale,
                languages,
              ),
              due: formatDay(addDays(tasks.find((task) => task.id === pending.taskId)?.dueDate ?? today, pending.days)),
              count: Math.max(0, preview.changed.length - 1),
            })}{' '}
            {pending.pointer ? null : t('campaigns.gantt.previewKeys')}
          </Text>
        ) : null}
      </div>
    </div>
  );
}

function DateLine({ kind, date, geometry }: { kind: 'today' | 'goal'; date: CalendarDate; geometry: GanttGeometry }) {
  const offset = inlineOffsetOf(date, geometry);
  if (offset < 0 || offset >= geometry.range.days * geometry.dayWidth) return null;
  return <div className="gantt-line" data-kind={kind} style={{ insetInlineStart: offset + geometry.dayWidth / 2 }} />;
}

function titleOf(task: Pick<Task, 'title'> | undefined, locale: string, languages: readonly string[]): string {
  return (task && pickLocalized(task.title as LocalizedText, locale, languages)?.value) ?? '';
}

/** Weekends of any of the countries, and holidays, in the range. */
function offDaysOf(from: CalendarDate, days: number, countries: readonly string[], holidays: Holiday[]) {
  const weekend = new Set(countries.flatMap((country) => weekendDaysOf(country)));
  const holidayDates = new Set(holidays.map((holiday) => holiday.date));
  const out: Array<{ date: CalendarDate; isHoliday: boolean }> = [];
  for (let index = 0; index < days; index++) {
    const date = addDays(from, index);
    const isHoliday = holidayDates.has(date);
    if (isHoliday || weekend.has(weekdayOf(date))) out.push({ date, isHoliday });
  }
  return out;
}
