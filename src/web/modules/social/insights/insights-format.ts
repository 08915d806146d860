/**
 * Numbers, changes and days of the insights page in the interface language and the workspace's
 * digits (Western by default, `arabicDigits` of the workspace otherwise — the i18n context's Intl tag
 * carries it). Calendar days are read at UTC midnight in UTC, so no browser zone shows the day before.
 */
import { useMemo } from 'react';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { type CalendarDate, utcMidnightOf } from '../../../../shared/planning/calendar-date.js';
import type { InsightMetric } from '../../../../shared/social/insights.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export interface InsightFormat {
  t: Translate;
  dir: 'ltr' | 'rtl';
  number(value: number | null | undefined): string;
  /** A compact number for axis labels (1,2 k; 12 k). */
  compact(value: number): string;
  /** A signed percentage: +12,5 %, −3 %. */
  change(value: number): string;
  day(date: CalendarDate, options?: Intl.DateTimeFormatOptions): string;
  /** A moment in the workspace's zone: `medium` with the year, `short` without (day, month, time). */
  instant(iso: string, timeZone?: string, length?: 'medium' | 'short'): string;
  metric(metric: InsightMetric): string;
}

export const SHORT_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
export const LONG_DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' };

export function useInsightFormat(): InsightFormat {
  const { t, dir, intlTag } = useI18n();
  return useMemo(() => {
    const numbers = new Intl.NumberFormat(intlTag);
    const compact = new Intl.NumberFormat(intlTag, { notation: 'compact', maximumFractionDigits: 1 });
    const percent = new Intl.NumberFormat(intlTag, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const days = new Map<string, Intl.DateTimeFormat>();
    return {
      t,
      dir,
      number: (value) => (value === null || value === undefined ? t('socialInsights.metric.unknown') : numbers.format(value)),
      compact: (value) => compact.format(value),
      change: (value) => percent.format(value),
      day: (date, options = LONG_DAY) => {
        const key = JSON.stringify(options);
        let format = days.get(key);
        if (!format) {
          format = new Intl.DateTimeFormat(intlTag, { ...options, timeZone: 'UTC' });
          days.set(key, format);
        }
        return format.format(utcMidnightOf(date));
      },
      instant: (iso, timeZone, length = 'medium') =>
        new Intl.DateTimeFormat(
          intlTag,
          length === 'medium'
            ? { dateStyle: 'medium', timeStyle: 'short', timeZone }
            : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone },
        ).format(new Date(iso)),
      metric: (metric) => t(`socialInsights.metric.${metric}`),
    };
  }, [t, dir, intlTag]);
}
