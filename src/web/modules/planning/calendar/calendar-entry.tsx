/** One entry as a link to its page, coloured by kind; estimated holidays are marked and dashed. */
import { VisuallyHidden } from '@mantine/core';
import { Link } from 'wouter';
import { directionOf } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { kindLabel, statusLabel } from './calendar-format.js';

export function CalendarEntryLink({ entry, languages }: { entry: CalendarEntry; languages: readonly string[] }) {
  const { t, locale } = useI18n();
  const title = pickLocalized(entry.title as LocalizedText, locale, languages);
  const details = [kindLabel(t, entry.kind), statusLabel(t, entry), entry.isEstimated ? t('calendar.estimatedShort') : undefined]
    .filter(Boolean)
    .join(', ');
  return (
    <Link
      href={entry.link}
      className="tawasul-cal-entry"
      data-kind={entry.kind}
      data-status={entry.status ?? undefined}
      data-estimated={entry.isEstimated ? 'true' : undefined}
      title={`${title?.value ?? ''} (${details})`}
    >
      {entry.isEstimated ? <span aria-hidden="true">≈ </span> : null}
      <span lang={title?.language} dir={title ? directionOf(title.language) : undefined} className="tawasul-cal-entry-title">
        {title?.value ?? '—'}
      </span>
      <VisuallyHidden> ({details})</VisuallyHidden>
    </Link>
  );
}
