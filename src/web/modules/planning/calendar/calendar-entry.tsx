/**
 * One entry as a link to its page, coloured by kind, a timed one with its time on the workspace's
 * clock; estimated holidays are marked and dashed. An entry the member may move (a scheduled post,
 * for social:publish) can be dragged, and has a "move to…" button for the keyboard.
 */
import { VisuallyHidden } from '@mantine/core';
import { Link } from 'wouter';
import { directionOf } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import type { CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { kindLabel, statusLabel } from './calendar-format.js';
import { wallClockOfEntry } from './calendar-move.js';
import { useCalendarMoves } from './calendar-move-context.js';
import { MovePopover } from './move-popover.js';

export function CalendarEntryLink({ entry, languages }: { entry: CalendarEntry; languages: readonly string[] }) {
  const { t, locale, formatDate } = useI18n();
  const moves = useCalendarMoves();
  const title = pickLocalized(entry.title as LocalizedText, locale, languages);
  const isMovable = moves.canMove(entry);
  const time = wallClockOfEntry(entry, moves.timeZone).time;
  const shownTime = time ? formatDate(new Date(`1970-01-01T${time}:00Z`), { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) : '';
  const details = [
    kindLabel(t, entry.kind),
    statusLabel(t, entry),
    entry.isEstimated ? t('calendar.estimatedShort') : undefined,
    isMovable ? t('calendar.move.dragHint') : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const link = (
    <Link
      href={entry.link}
      className="tawasul-cal-entry"
      data-kind={entry.kind}
      data-status={entry.status ?? undefined}
      data-estimated={entry.isEstimated ? 'true' : undefined}
      title={`${shownTime ? `${shownTime} ` : ''}${title?.value ?? ''} (${details})`}
      draggable={isMovable ? true : undefined}
      {...(isMovable
        ? {
            onDragStart: (event: React.DragEvent) => {
              // The entry travels in the page's state; text/plain only lets every browser start the drag.
              event.dataTransfer?.setData('text/plain', title?.value ?? entry.id);
              if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
              moves.setDragged(entry);
            },
            onDragEnd: () => moves.setDragged(undefined),
          }
        : {})}
    >
      {entry.isEstimated ? <span aria-hidden="true">≈ </span> : null}
      {shownTime ? <span className="tawasul-cal-entry-time">{shownTime}</span> : null}
      <span lang={title?.language} dir={title ? directionOf(title.language) : undefined} className="tawasul-cal-entry-title">
        {title?.value ?? '—'}
      </span>
      <VisuallyHidden> ({details})</VisuallyHidden>
    </Link>
  );
  if (!isMovable) return link;
  return (
    <div
      className="tawasul-cal-movable"
      data-dragging={moves.dragged?.id === entry.id && moves.dragged.kind === entry.kind ? 'true' : undefined}
      data-testid="calendar-movable"
    >
      {link}
      <MovePopover entry={entry} title={title?.value ?? ''} />
    </div>
  );
}
