/** Words and dates of retro-planning shown the same way on every planning page. */
import type { Translate } from '../../../../shared/i18n/translator.js';
import { type CalendarDate, calendarDateAt, utcMidnightOf } from '../../../../shared/planning/calendar-date.js';
import type { ScheduleWarningOut } from '../../../../shared/planning/campaign.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';

/** Today in the browser's time zone, as a calendar date. */
export function todayDate(now: Date = new Date()): CalendarDate {
  return calendarDateAt(now, Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
}

/**
 * Formats calendar dates in the interface language and the workspace's digits. Read at UTC midnight
 * in UTC, so no browser time zone can show the day before.
 */
export function useDayFormat() {
  const { formatDate } = useI18n();
  return (date: CalendarDate, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }) =>
    formatDate(utcMidnightOf(date), { ...options, timeZone: 'UTC' });
}

/** "J-45", "D+7", "ي-45": a day offset from the goal date. */
export function offsetLabel(t: Translate, offsetDays: number): string {
  const sign = offsetDays < 0 ? '-' : offsetDays > 0 ? '+' : '';
  return t('campaigns.offset', { sign, days: Math.abs(offsetDays) });
}

export const TASK_STATUS_COLOR = { todo: 'gray.7', in_progress: 'blue.9', done: 'teal.9' } as const;
export const CAMPAIGN_STATUS_COLOR = { planned: 'gray.7', active: 'blue.9', done: 'teal.9', cancelled: 'red.9' } as const;

/** How a schedule change reads in one line: how many tasks move, land on a day off, fall in the past. */
export function changeSummary(result: { changed: Array<{ id: string }>; warnings: ScheduleWarningOut[] }) {
  const ids = (code: ScheduleWarningOut['code'] | Array<ScheduleWarningOut['code']>) =>
    new Set(result.warnings.filter((warning) => ([] as string[]).concat(code).includes(warning.code)).map((warning) => warning.taskId))
      .size;
  return {
    moved: result.changed.length,
    nonWorking: ids('DUE_ON_NON_WORKING_DAY'),
    past: ids(['DUE_IN_PAST', 'STARTS_IN_PAST']),
    blocked: ids(['STARTS_BEFORE_PREREQUISITE_DUE', 'STARTED_BEFORE_PREREQUISITE_DONE']),
  };
}

/** One warning in words, with its date in the interface language. */
export function warningText(t: Translate, warning: ScheduleWarningOut, formatDay: (date: CalendarDate) => string): string {
  return t(`planning.warning.${warning.code}`, { date: warning.date ? formatDay(warning.date) : '' });
}
