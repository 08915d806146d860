/** Calendar dates formatted per interface language and workspace digits, read as UTC so no zone shifts a day. */
import { useMemo } from 'react';
import type { Translate } from '../../../../shared/i18n/translator.js';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { type CalendarDate, utcMidnightOf } from '../../../../shared/planning/calendar-date.js';
import { useI18n } from '../../../i18n/i18n-context.js';

export type FormatDay = (date: CalendarDate, options: Intl.DateTimeFormatOptions) => string;

export function useFormatDay(): FormatDay {
  const { intlTag } = useI18n();
  return useMemo(() => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    return (date, options) => {
      const key = JSON.stringify(options);
      let format = formats.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(intlTag, { ...options, timeZone: 'UTC' });
        formats.set(key, format);
      }
      return format.format(utcMidnightOf(date));
    };
  }, [intlTag]);
}

export const FULL_DAY: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };

/** The catalog name of a kind, or the kind itself for one a later module registered without words yet. */
export function kindLabel(t: Translate, kind: string): string {
  const key = `calendar.kind.${kind}`;
  const label = t(key);
  return label === key ? kind : label;
}

export function statusLabel(t: Translate, entry: CalendarEntry): string | undefined {
  if (!entry.status) return undefined;
  const key = `calendar.status.${entry.status}`;
  const label = t(key);
  return label === key ? entry.status : label;
}
