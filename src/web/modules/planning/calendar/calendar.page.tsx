/**
 * The workspace calendar: month, week and agenda views of every dated item, filters by campaign,
 * channel and organisation, kinds shown or hidden, and the private feed. The view, the date and the
 * filters live in the URL, so a holiday's link (`?view=agenda&date=…`) and a shared link open the same page.
 * Entries that say how to move (scheduled posts, for social:publish) are dragged to another day or hour,
 * or moved with their "move to…" button.
 */
import { Alert, Button, Chip, Group, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useSearchParams } from 'wouter';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { PLANNING_CALENDAR_KINDS } from '../../../../shared/planning/calendar.schema.js';
import { type CalendarDate, calendarDateAt, isCalendarDate } from '../../../../shared/planning/calendar-date.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AgendaView } from './agenda-view.js';
import { useCalendar, useCalendarFilterOptions } from './calendar-api.js';
import { kindLabel, useFormatDay } from './calendar-format.js';
import { CALENDAR_VIEWS, type CalendarView, rangeOf, shiftDate, startOfWeek } from './calendar-grid.js';
import { CalendarMovesProvider, useCalendarMoves } from './calendar-move-context.js';
import { MonthView } from './month-view.js';
import { SubscribePanel } from './subscribe-panel.js';
import { WeekView } from './week-view.js';
import './calendar.css';

const FILTER_PARAMS = ['campaignId', 'channelId', 'organisationId'] as const;

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export function CalendarPage() {
  const { t, locale, dir } = useI18n();
  // Time runs with the writing direction: in Arabic the earlier period is to the right.
  const [previousArrow, nextArrow] = dir === 'rtl' ? ['›', '‹'] : ['‹', '›'];
  const { workspace } = useWorkspace();
  const languages = workspace.contentLanguages;
  const formatDay = useFormatDay();
  const [params, setParams] = useSearchParams();
  const [hiddenKinds, setHiddenKinds] = useState<string[]>([]);
  const [timeZone, setTimeZone] = useState(browserTimeZone);
  const today = calendarDateAt(new Date(), timeZone);

  const viewParam = params.get('view');
  const view: CalendarView = (CALENDAR_VIEWS as readonly string[]).includes(viewParam ?? '') ? (viewParam as CalendarView) : 'month';
  const dateParam = params.get('date');
  const date: CalendarDate = isCalendarDate(dateParam) ? dateParam : today;
  const filters = Object.fromEntries(FILTER_PARAMS.map((name) => [name, params.get(name) ?? undefined]));
  const range = rangeOf(view, date);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setParams(next, { replace: true });
  };

  const calendar = useCalendar(workspace.id, { ...range, ...filters });
  const options = useCalendarFilterOptions(workspace.id);
  if (calendar.data && calendar.data.timeZone !== timeZone) setTimeZone(calendar.data.timeZone);
  const entries = (calendar.data?.entries ?? []).filter((entry) => !hiddenKinds.includes(entry.kind));
  const kinds = [...new Set([...PLANNING_CALENDAR_KINDS, ...(calendar.data?.entries ?? []).map((entry) => entry.kind)])];
  const optionsOf = (list: Array<{ id: string; name: Record<string, { value: string; status: string }> }> = []) =>
    list.map((item) => ({ value: item.id, label: pickLocalized(item.name, locale, languages)?.value ?? '—' }));

  const period =
    view === 'week'
      ? t('calendar.weekOf', { date: formatDay(startOfWeek(date), { day: 'numeric', month: 'long', year: 'numeric' }) })
      : formatDay(date, { month: 'long', year: 'numeric' });

  return (
    <CalendarMovesProvider timeZone={timeZone}>
      <Stack>
        <Title order={1} size="h2">
          {t('calendar.title')}
        </Title>
        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Button
              variant="default"
              onClick={() => update({ date: shiftDate(view, date, -1) })}
              aria-label={t('calendar.action.previous')}
            >
              {previousArrow}
            </Button>
            <Button variant="default" onClick={() => update({ date: null })}>
              {t('calendar.action.today')}
            </Button>
            <Button variant="default" onClick={() => update({ date: shiftDate(view, date, 1) })} aria-label={t('calendar.action.next')}>
              {nextArrow}
            </Button>
            <Title order={2} size="h3" aria-live="polite">
              {period}
            </Title>
          </Group>
          <SegmentedControl
            aria-label={t('calendar.view.label')}
            value={view}
            onChange={(value) => update({ view: value })}
            data={CALENDAR_VIEWS.map((name) => ({ value: name, label: t(`calendar.view.${name}`) }))}
          />
        </Group>
        <Group align="end" gap="sm">
          <Select
            label={t('calendar.filter.campaign')}
            placeholder={t('calendar.filter.all')}
            clearable
            searchable
            value={filters.campaignId ?? null}
            onChange={(value) => update({ campaignId: value })}
            data={optionsOf(options.data?.campaigns)}
            w={260}
          />
          <Select
            label={t('calendar.filter.channel')}
            placeholder={t('calendar.filter.all')}
            clearable
            value={filters.channelId ?? null}
            onChange={(value) => update({ channelId: value })}
            data={optionsOf(options.data?.channels)}
            w={200}
          />
          <Select
            label={t('calendar.filter.organisation')}
            placeholder={t('calendar.filter.all')}
            clearable
            searchable
            value={filters.organisationId ?? null}
            onChange={(value) => update({ organisationId: value })}
            data={optionsOf(options.data?.organisations)}
            w={240}
          />
        </Group>
        <Group gap="xs" role="group" aria-label={t('calendar.filter.kinds')}>
          <Text size="sm" fw={600}>
            {t('calendar.filter.kinds')}
          </Text>
          {kinds.map((kind) => (
            <Chip
              key={kind}
              size="xs"
              variant="outline"
              color="gray.9"
              checked={!hiddenKinds.includes(kind)}
              onChange={(isShown) => setHiddenKinds((hidden) => (isShown ? hidden.filter((item) => item !== kind) : [...hidden, kind]))}
            >
              {kindLabel(t, kind)}
            </Chip>
          ))}
        </Group>
        <ErrorAlert error={calendar.error} />
        {calendar.data ? (
          <Text size="sm" c="dimmed" role="status">
            {t('calendar.entryCount', { count: entries.length })}
          </Text>
        ) : null}
        <MoveOutcome languages={languages} />
        {calendar.isPending ? (
          <PageLoader />
        ) : view === 'month' ? (
          <MonthView
            date={date}
            today={today}
            entries={entries}
            languages={languages}
            onShowDay={(day) => update({ view: 'week', date: day })}
          />
        ) : view === 'week' ? (
          <WeekView date={date} today={today} entries={entries} languages={languages} />
        ) : (
          <AgendaView from={range.from} to={range.to} today={today} entries={entries} languages={languages} />
        )}
        <SubscribePanel workspaceId={workspace.id} />
      </Stack>
    </CalendarMovesProvider>
  );
}

/** What became of the last move: where the entry went, or the server's reason for refusing. */
function MoveOutcome({ languages }: { languages: readonly string[] }) {
  const { t, locale, formatDate } = useI18n();
  const { outcome, timeZone } = useCalendarMoves();
  if (!outcome) return null;
  if (outcome.kind === 'refused') {
    return (
      <Alert color="red" variant="light" role="alert" title={t('calendar.move.refused')} data-testid="calendar-move-outcome">
        {outcome.message}
      </Alert>
    );
  }
  const title = pickLocalized(outcome.entry.title as LocalizedText, locale, languages)?.value ?? '';
  const at = outcome.entry.allDay
    ? formatDate(`${outcome.move.start}T12:00:00Z`, { dateStyle: 'full', timeZone: 'UTC' })
    : formatDate(outcome.move.start, { dateStyle: 'full', timeStyle: 'short', timeZone });
  return (
    <Text size="sm" role="status" c="teal.9" data-testid="calendar-move-outcome">
      {t('calendar.move.done', { title: `\u2068${title}\u2069`, date: at })}
    </Text>
  );
}
