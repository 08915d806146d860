/**
 * How a design's date and times are worded on a visual, per language: "jeudi 14 mai 2026, de
 * 9 h 30 à 17 h" and "الخميس، 14 ماي 2026، من 09:30 إلى 17:00". French times follow the French
 * typographic rule (9 h 30, non-breaking spaces); Arabic ones are HH:MM, in Eastern Arabic digits
 * when the workspace asks for them. Dates are calendar dates: no time zone can move them.
 */
import type { ArabicDigits } from '../i18n/translator.js';
import { intlLocale } from '../i18n/translator.js';
import { type CalendarDate, utcMidnightOf } from '../planning/calendar-date.js';

export type VisualLanguage = 'ar' | 'fr';

const NBSP = '\u00a0';
const EASTERN_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function withDigits(value: string, digits: ArabicDigits): string {
  return digits === 'arab' ? value.replace(/[0-9]/g, (digit) => EASTERN_DIGITS[Number(digit)] ?? digit) : value;
}

/** The weekday, day, month and year of a calendar date, in `language`. */
export function wordedDate(date: CalendarDate, language: VisualLanguage, digits: ArabicDigits = 'latn'): string {
  return new Intl.DateTimeFormat(intlLocale(language, digits), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utcMidnightOf(date));
}

/** A `HH:MM` time in `language`: "9 h 30", "17 h"; "09:30". */
export function wordedTime(time: string, language: VisualLanguage, digits: ArabicDigits = 'latn'): string {
  const [hours = '0', minutes = '00'] = time.split(':');
  if (language === 'fr') return minutes === '00' ? `${Number(hours)}${NBSP}h` : `${Number(hours)}${NBSP}h${NBSP}${minutes}`;
  return withDigits(`${hours.padStart(2, '0')}:${minutes}`, digits);
}

/** Date and times together ("jeudi 14 mai 2026, de 9 h 30 à 17 h"), or undefined when none is given. */
export function wordedWhen(
  input: { date?: CalendarDate | null; startTime?: string | null; endTime?: string | null },
  language: VisualLanguage,
  digits: ArabicDigits = 'latn',
): string | undefined {
  const start = input.startTime ? wordedTime(input.startTime, language, digits) : undefined;
  const end = input.startTime && input.endTime ? wordedTime(input.endTime, language, digits) : undefined;
  let hours: string | undefined;
  if (start && end) hours = language === 'fr' ? `de ${start} à ${end}` : `من ${start} إلى ${end}`;
  else if (start) hours = language === 'fr' ? `à ${start}` : `على الساعة ${start}`;
  const day = input.date ? wordedDate(input.date, language, digits) : undefined;
  // "jeudi 14 mai 2026 à 9 h 30", but "jeudi 14 mai 2026, de 9 h 30 à 17 h".
  if (day && hours) return `${day}${language === 'ar' ? '، ' : end ? ', ' : ' '}${hours}`;
  return day ?? hours;
}

/** A place and a date on one line ("Sfax, jeudi 14 mai 2026"), either alone when the other is missing. */
export function joinedLine(first: string | undefined, second: string | undefined, language: VisualLanguage): string | undefined {
  if (first && second) return `${first}${language === 'fr' ? ', ' : '، '}${second}`;
  return first || second || undefined;
}
