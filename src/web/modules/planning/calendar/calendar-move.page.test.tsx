import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Calendar, CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { CalendarPage } from './calendar.page.js';

const POST_ID = '55555555-5555-4555-8555-555555555555';
const MOVE_PATH = `/api/workspaces/${WORKSPACE_ID}/social/posts/${POST_ID}/reschedule`;

// Tuesday 12 May 2026, 10:00 in Casablanca (UTC+1).
const scheduled: CalendarEntry = {
  id: POST_ID,
  kind: 'social-post',
  title: { fr: { value: 'Atelier ESS à Sfax', status: 'reviewed' }, ar: { value: 'ورشة الاقتصاد التضامني في صفاقس', status: 'reviewed' } },
  start: '2026-05-12T09:00:00.000Z',
  end: '2026-05-12T09:00:00.000Z',
  allDay: false,
  status: 'scheduled',
  link: `/w/${WORKSPACE_ID}/social/posts/${POST_ID}`,
  move: { path: MOVE_PATH, permission: 'social:publish' },
};
const published: CalendarEntry = {
  ...scheduled,
  id: '66666666-6666-4666-8666-666666666666',
  title: { fr: { value: 'Marché de Casablanca', status: 'reviewed' } },
  start: '2026-05-05T16:00:00.000Z',
  end: '2026-05-05T16:00:00.000Z',
  status: 'published',
  move: undefined,
};

function apiOf(refusal?: { status: number; body: unknown }) {
  return (call: ApiCall) => {
    const path = call.url.pathname;
    if (path === MOVE_PATH) return refusal ?? { body: {} };
    if (path.endsWith('/calendar/filters')) return { body: { campaigns: [], channels: [], organisations: [] } };
    if (path.endsWith('/calendar/feed')) return { body: { isActive: false, createdAt: null } };
    if (path.endsWith('/calendar')) {
      const body: Calendar = {
        from: call.url.searchParams.get('from') ?? '',
        to: '',
        timeZone: 'Africa/Casablanca',
        entries: [scheduled, published],
      };
      return { body };
    }
    return undefined;
  };
}

const show = (options: { search?: string; role?: 'officer' | 'contributor'; refusal?: { status: number; body: unknown } } = {}) =>
  renderPage({
    pattern: '/w/:workspaceId/calendar',
    path: `/w/${WORKSPACE_ID}/calendar${options.search ?? '?date=2026-05-10'}`,
    component: CalendarPage,
    api: apiOf(options.refusal),
    workspace: { role: options.role ?? 'officer' },
  });

const SLOW = { timeout: 30_000 };
const WAIT = { timeout: 15_000 };
const dataTransfer = () => ({ setData: () => undefined, effectAllowed: 'all', dropEffect: 'none' });
const cellOf = (grid: HTMLElement, date: string) => grid.querySelector(`[data-date="${date}"]`) as HTMLElement;
const moves = (calls: ApiCall[]) => calls.filter((call) => call.method === 'POST' && call.url.pathname === MOVE_PATH);

/** Drags `source` onto `target` as a browser does: start, over, drop, end. */
function drag(source: HTMLElement, target: HTMLElement) {
  const transfer = dataTransfer();
  fireEvent.dragStart(source, { dataTransfer: transfer });
  fireEvent.dragOver(target, { dataTransfer: transfer });
  fireEvent.drop(target, { dataTransfer: transfer });
  fireEvent.dragEnd(source, { dataTransfer: transfer });
}

describe('moving a post on the calendar', SLOW, () => {
  it('month view: dragged to another day, it keeps its time: only the day is sent, and the move is announced', async () => {
    const { calls } = show();
    const grid = await screen.findByTestId('calendar-month', {}, WAIT);
    const entry = await within(cellOf(grid, '2026-05-12')).findByRole('link', { name: /Atelier ESS à Sfax/ }, WAIT);
    expect(entry.getAttribute('draggable')).toBe('true');
    expect(entry.textContent).toContain('10:00');
    drag(entry, cellOf(grid, '2026-05-14'));
    await waitFor(() => expect(moves(calls)).toHaveLength(1), WAIT);
    expect(JSON.parse(String(moves(calls)[0]?.body))).toEqual({ date: '2026-05-14' });
    expect((await screen.findByTestId('calendar-move-outcome', {}, WAIT)).textContent).toMatch(
      /Atelier ESS à Sfax.*déplacée au jeudi 14 mai 2026.*10:00/,
    );
  });

  it('refuses a day in the past with the server’s words, and the entry goes back', async () => {
    const { calls } = show({
      refusal: {
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Données invalides.',
          fields: { date: { code: 'DATE_IN_PAST', message: 'Cette date est déjà passée.' } },
        },
      },
    });
    const grid = await screen.findByTestId('calendar-month', {}, WAIT);
    const entry = await within(cellOf(grid, '2026-05-12')).findByRole('link', { name: /Atelier ESS à Sfax/ }, WAIT);
    drag(entry, cellOf(grid, '2026-05-04'));
    const alert = await screen.findByRole('alert', {}, WAIT);
    expect(alert.textContent).toContain('Cette date est déjà passée.');
    expect(moves(calls)).toHaveLength(1);
    await waitFor(() => expect(within(cellOf(grid, '2026-05-12')).queryByRole('link', { name: /Atelier ESS à Sfax/ })).toBeTruthy(), WAIT);
    expect(within(cellOf(grid, '2026-05-04')).queryByRole('link', { name: /Atelier ESS à Sfax/ })).toBeNull();
  });

  it('week view: while dragging, each day offers its hours; dropped on one, it takes that hour', async () => {
    const { calls } = show({ search: '?date=2026-05-12&view=week' });
    const week = await screen.findByTestId('calendar-week', {}, WAIT);
    const entry = await within(week).findByRole('link', { name: /Atelier ESS à Sfax/ }, WAIT);
    expect(within(week).queryAllByTestId('calendar-drop-slots')).toHaveLength(0);
    const transfer = dataTransfer();
    fireEvent.dragStart(entry, { dataTransfer: transfer });
    await waitFor(() => expect(within(week).getAllByTestId('calendar-drop-slots')).toHaveLength(7), WAIT);
    const slot = cellOf(week, '2026-05-13').querySelector('[data-time="14:00"]') as HTMLElement;
    fireEvent.dragOver(slot, { dataTransfer: transfer });
    expect(slot.getAttribute('data-drop-over')).toBe('true');
    fireEvent.drop(slot, { dataTransfer: transfer });
    fireEvent.dragEnd(entry, { dataTransfer: transfer });
    await waitFor(() => expect(moves(calls)).toHaveLength(1), WAIT);
    expect(JSON.parse(String(moves(calls)[0]?.body))).toEqual({ date: '2026-05-13', time: '14:00' });
    await waitFor(() => expect(within(week).queryAllByTestId('calendar-drop-slots')).toHaveLength(0), WAIT);
  });

  it('moves with the keyboard through "move to…", date and time on the workspace’s clock', async () => {
    const { calls } = show();
    const button = await screen.findByRole('button', { name: 'Déplacer « Atelier ESS à Sfax »…' }, WAIT);
    fireEvent.click(button);
    const form = await screen.findByRole('form', { name: 'Déplacer au…' }, WAIT);
    expect((within(form).getByLabelText('Jour') as HTMLInputElement).value).toBe('2026-05-12');
    expect((within(form).getByLabelText('Heure') as HTMLInputElement).value).toBe('10:00');
    expect(form.textContent).toContain('Africa/Casablanca');
    fireEvent.change(within(form).getByLabelText('Jour'), { target: { value: '2026-05-20' } });
    fireEvent.change(within(form).getByLabelText('Heure'), { target: { value: '18:30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Déplacer' }));
    await waitFor(() => expect(moves(calls)).toHaveLength(1), WAIT);
    expect(JSON.parse(String(moves(calls)[0]?.body))).toEqual({ date: '2026-05-20', time: '18:30' });
  });

  it('offers no move for a published post, nor to a member without social:publish', async () => {
    show({ role: 'contributor' });
    const grid = await screen.findByTestId('calendar-month', {}, WAIT);
    const entry = await within(cellOf(grid, '2026-05-12')).findByRole('link', { name: /Atelier ESS à Sfax/ }, WAIT);
    expect(entry.getAttribute('draggable')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Déplacer/ })).toBeNull();
    const market = within(cellOf(grid, '2026-05-05')).getByRole('link', { name: /Marché de Casablanca/ });
    expect(market.textContent).toContain('17:00');
    expect(market.getAttribute('draggable')).toBeNull();
  });
});
