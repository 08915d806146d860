/**
 * The calendar's moves, shared by its views: the entry being dragged, the drop that sends it to its
 * `move.path` (shown at once where it goes, put back if the server refuses), and what happened, in
 * words — the server's own message when it refuses (a day in the past, a page to reconnect…).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { Calendar, CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { ApiError, apiRequest } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { errorMessage } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { isMovable, type MoveTarget, type PlannedMove, planMove, withMove } from './calendar-move.js';

export interface CalendarMoves {
  timeZone: string;
  canMove(entry: CalendarEntry): boolean;
  /** The entry being dragged, if any. */
  dragged: CalendarEntry | undefined;
  setDragged(entry: CalendarEntry | undefined): void;
  /** Moves `entry` to `target`; nothing when it would not change. */
  moveTo(entry: CalendarEntry, target: MoveTarget): void;
  isMoving: boolean;
  /** The last outcome, for the page's status line. */
  outcome: { kind: 'moved'; entry: CalendarEntry; move: PlannedMove } | { kind: 'refused'; message: string } | undefined;
}

const MovesContext = createContext<CalendarMoves | null>(null);

export function useCalendarMoves(): CalendarMoves {
  const value = useContext(MovesContext);
  if (!value) throw new Error('useCalendarMoves outside CalendarMovesProvider');
  return value;
}

/** The server's words for a refused move: the field's message (e.g. "this date is already past") before the general one. */
export function refusalOf(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError) {
    const field = error.fields.date ?? error.fields.time ?? Object.values(error.fields)[0];
    if (field?.message) return field.message;
  }
  return errorMessage(error, t);
}

export function CalendarMovesProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const { t } = useI18n();
  const { workspace, can } = useWorkspace();
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<CalendarEntry | undefined>();
  const [outcome, setOutcome] = useState<CalendarMoves['outcome']>();
  const calendarKey = ['calendar', workspace.id];
  const mutation = useMutation({
    mutationFn: ({ entry, move }: { entry: CalendarEntry; move: PlannedMove }) =>
      apiRequest<unknown>(entry.move?.path ?? '', { method: 'POST', body: move.request }),
    onMutate: async ({ entry, move }) => {
      setOutcome(undefined);
      await queryClient.cancelQueries({ queryKey: calendarKey });
      queryClient.setQueriesData<Calendar>({ queryKey: calendarKey }, (calendar) =>
        calendar ? { ...calendar, entries: withMove(calendar.entries as CalendarEntry[], entry, move) as Calendar['entries'] } : calendar,
      );
    },
    onSuccess: (_answer, { entry, move }) => setOutcome({ kind: 'moved', entry, move }),
    onError: (error) => setOutcome({ kind: 'refused', message: refusalOf(error, t) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });

  const value = useMemo<CalendarMoves>(
    () => ({
      timeZone,
      canMove: (entry) => isMovable(entry, can),
      dragged,
      setDragged: (entry) => {
        // A new drag starts afresh: the last move's message would describe another entry.
        if (entry) setOutcome(undefined);
        setDragged(entry);
      },
      moveTo: (entry, target) => {
        const move = planMove(entry, target, timeZone);
        if (move && entry.move) mutation.mutate({ entry, move });
      },
      isMoving: mutation.isPending,
      outcome,
    }),
    [timeZone, can, dragged, mutation, outcome],
  );
  return <MovesContext.Provider value={value}>{children}</MovesContext.Provider>;
}

/** Props that make an element a drop target for the dragged entry (a day, or a day and a time). */
export function useDropTarget(target: MoveTarget) {
  const moves = useCalendarMoves();
  const [isOver, setIsOver] = useState(false);
  const dragged = moves.dragged;
  const isActive = Boolean(dragged && moves.canMove(dragged));
  const accept = (event: React.DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    setIsOver(true);
  };
  return {
    isOver: isActive && isOver,
    props: isActive
      ? {
          // Both enter and over accept the drop (browsers fire "over" on a timer; "enter" comes first).
          onDragEnter: accept,
          onDragOver: accept,
          onDragLeave: (event: React.DragEvent) => {
            // Passing onto a child (a slot's label, an entry) is not leaving.
            if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setIsOver(false);
          },
          onDrop: (event: React.DragEvent) => {
            event.preventDefault();
            event.stopPropagation();
            setIsOver(false);
            moves.setDragged(undefined);
            if (dragged) moves.moveTo(dragged, target);
          },
        }
      : {},
  };
}
