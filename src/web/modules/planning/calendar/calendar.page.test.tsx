import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Calendar, CalendarEntry } from '../../../../shared/planning/calendar.schema.js';
import { CalendarPage } from './calendar.page.js';

const CAMPAIGN_ID = '44444444-4444-4444-8444-444444444444';

const entry = (overrides: Partial<CalendarEntry> & Pick<CalendarEntry, 'id' | 'kind' | 'start'>): CalendarEntry => ({
  title: { fr: { value: overrides.id, status: 'reviewed' } },
  end: overrides.start,
  allDay: true,
  link: `/w/${WORKSPACE_ID}/campaigns/${CAMPAIGN_ID}?task=${overrides.id}`,
  ...overrides,
});

const entries: CalendarEntry[] = [
  entry({ id: 'Brief', kind: 'task', start: '2026-03-02', end: '2026-03-04', campaignId: CAMPAIGN_ID, status: 'done' }),
  entry({
    id: 'launch',
    kind: 'campaign-goal',
    start: '2026-03-04',
    title: { ar: { value: 'إطلاق الحملة', status: 'reviewed' }, fr: { value: 'Lancement', status: 'reviewed' } },
  }),
  entry({ id: 'Visuels', kind: 'milestone', start: '2026-03-04' }),
  entry({ id: 'Traduction', kind: 'task', start: '2026-03-04' }),
  entry({
    id: 'eidAlFitr-2026-03-20',
    kind: 'holiday',
    start: '2026-03-20',
    isEstimated: true,
    countries: ['MA', 'TN', 'DZ'],
    title: { fr: { value: 'Aïd el-Fitr', status: 'reviewed' }, ar: { value: 'عيد الفطر', status: 'reviewed' } },
    link: `/w/${WORKSPACE_ID}/calendar?view=agenda&date=2026-03-20`,
  }),
];

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/calendar/filters')) {
    return {
      body: {
        campaigns: [{ id: CAMPAIGN_ID, name: { fr: { value: 'Forum', status: 'reviewed' } }, goalDate: '2026-03-04' }],
        channels: [],
        organisations: [],
      },
    };
  }
  if (path.endsWith('/calendar/feed')) return { body: { isActive: false, createdAt: null } };
  if (path.endsWith('/calendar')) {
    const query = call.url.searchParams;
    const body: Calendar = { from: query.get('from') ?? '', to: query.get('to') ?? '', timeZone: 'Africa/Casablanca', entries };
    return { body };
  }
  return undefined;
}

const show = (search = '?date=2026-03-10') =>
  renderPage({ pattern: '/w/:workspaceId/calendar', path: `/w/${WORKSPACE_ID}/calendar${search}`, component: CalendarPage, api });

// Rendering a 42-day grid in jsdom is slow when the machine is busy.
const SLOW = { timeout: 20_000 };
const WAIT = { timeout: 15_000 };

describe('calendar page', SLOW, () => {
  it('lays out the month in whole weeks from Monday, asks for exactly that range, and links each entry', async () => {
    const { calls } = show();
    // The first render also loads the catalog and the page's chunk.
    const grid = await screen.findByTestId('calendar-month', {}, WAIT);
    const cells = within(grid).getAllByRole('listitem');
    // March 2026 starts on a Sunday: six weeks, Monday 23 February to Sunday 5 April.
    expect(cells.length).toBe(42);
    expect(cells[0]?.getAttribute('data-date')).toBe('2026-02-23');
    expect(cells.at(-1)?.getAttribute('data-date')).toBe('2026-04-05');
    expect(screen.getByRole('heading', { level: 2, name: 'mars 2026' })).toBeTruthy();
    const request = calls.find((call) => call.url.pathname.endsWith('/calendar'));
    expect(request?.url.searchParams.get('from')).toBe('2026-02-23');
    expect(request?.url.searchParams.get('to')).toBe('2026-04-05');

    // The 3-day task appears on each of its days; the entry links to its page.
    const tuesday = cells.find((cell) => cell.getAttribute('data-date') === '2026-03-03') as HTMLElement;
    const brief = within(tuesday).getByRole('link', { name: /Brief/ });
    expect(brief.getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/campaigns/${CAMPAIGN_ID}?task=Brief`);
    expect(brief.getAttribute('data-kind')).toBe('task');
    expect(within(tuesday).getByText(/mardi 3 mars 2026/)).toBeTruthy();

    // The estimated holiday is marked for sight and for screen readers.
    const eid = screen.getByRole('link', { name: /Aïd el-Fitr/ });
    expect(eid.getAttribute('data-estimated')).toBe('true');
    expect(eid.textContent).toContain('≈');
    expect(eid.textContent).toContain('date estimée');
  });

  it('folds a full day into "+ n autres" and opens its week', async () => {
    show();
    const grid = await screen.findByTestId('calendar-month', {}, WAIT);
    const wednesday = within(grid)
      .getAllByRole('listitem')
      .find((cell) => cell.getAttribute('data-date') === '2026-03-04') as HTMLElement;
    expect(within(wednesday).getAllByRole('link').length).toBe(2);
    fireEvent.click(within(wednesday).getByRole('button', { name: '+ 2 autres' }));
    const week = await screen.findByTestId('calendar-week', {}, WAIT);
    const column = within(week)
      .getAllByRole('listitem')
      .find((cell) => cell.getAttribute('data-date') === '2026-03-04') as HTMLElement;
    expect(within(column).getAllByRole('link').length).toBe(4);
    expect(within(column).getByRole('link', { name: /Lancement/ })).toBeTruthy();
  });

  it('asks the server for the campaign chosen in the URL and shows it in the filter', async () => {
    const { calls } = show(`?date=2026-03-10&view=agenda&campaignId=${CAMPAIGN_ID}`);
    await screen.findByTestId('calendar-agenda', {}, WAIT);
    const request = calls.find((call) => call.url.pathname.endsWith('/calendar'));
    expect(request?.url.searchParams.get('campaignId')).toBe(CAMPAIGN_ID);
    expect(request?.url.searchParams.get('from')).toBe('2026-03-01');
    await waitFor(() => expect((screen.getByLabelText('Campagne', { selector: 'input' }) as HTMLInputElement).value).toBe('Forum'));
  });
});
