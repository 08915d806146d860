/**
 * Calendar entries as iCalendar events for one reader: the summary in their interface language with
 * the other language after it, so an Arabic and a French reader of the same feed both understand it.
 */
import { CONTENT_LANGUAGES, type UiLocale } from '../../../shared/languages.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { CalendarEntry } from '../../../shared/planning/calendar.schema.js';
import { translatorFor } from '../../platform/i18n.js';
import type { IcsEvent } from './calendar.ics.js';

/** Distinct values of `text`, the reader's language first, then the workspace's languages. */
export function bilingualSummary(text: LocalizedText, locale: string, languages: readonly string[]): string {
  const values: string[] = [];
  for (const language of [locale, ...languages, ...CONTENT_LANGUAGES]) {
    const value = text[language as keyof LocalizedText]?.value?.trim();
    if (value && !values.includes(value)) values.push(value);
    if (values.length === 2) break;
  }
  return values.join(' / ');
}

/** A catalog word, or `fallback` when the catalog has none (a kind registered by a later module). */
function word(locale: UiLocale, key: string, fallback: string): string {
  const text = translatorFor(locale)(key);
  return text === key ? fallback : text;
}

function icsStatusOf(entry: CalendarEntry): IcsEvent['status'] {
  if (entry.status === 'cancelled') return 'CANCELLED';
  return entry.isEstimated ? 'TENTATIVE' : 'CONFIRMED';
}

export function icsEventOf(entry: CalendarEntry, reader: { locale: UiLocale; languages: readonly string[]; appUrl: string }): IcsEvent {
  const kind = word(reader.locale, `calendar.kind.${entry.kind}`, entry.kind);
  const url = `${reader.appUrl}${entry.link}`;
  const description = [kind];
  if (entry.status) description.push(word(reader.locale, `calendar.status.${entry.status}`, entry.status));
  if (entry.isEstimated) description.push(word(reader.locale, 'calendar.estimated', ''));
  description.push(url);
  return {
    uid: `${entry.kind}-${entry.id}@tawasul`,
    summary: bilingualSummary(entry.title, reader.locale, reader.languages) || kind,
    description: description.filter(Boolean).join('\n'),
    url,
    status: icsStatusOf(entry),
    categories: [kind],
    time: entry.allDay
      ? { allDay: true, firstDate: entry.start, lastDate: entry.end }
      : { allDay: false, start: new Date(entry.start), end: new Date(entry.end) },
  };
}
