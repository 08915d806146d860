/** The Gantt tab: the chart, the days off it shades, and the result of the last move with its warnings. */
import { CloseButton, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { pickLocalized } from '../../../../shared/localized-text.js';
import { compareDates } from '../../../../shared/planning/calendar-date.js';
import { moveTask } from '../../../../shared/planning/retro-planning.js';
import type { CampaignPlan } from '../../../../shared/planning/task.schema.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type Campaign, campaignKeys, type ScheduleChangeResult } from './campaigns-api.js';
import { GanttChart } from './gantt/gantt-chart.js';
import { type Holiday, useHolidays } from './holidays/holidays-api.js';
import { todayDate, useDayFormat } from './planning-format.js';
import { ScheduleChangeList } from './schedule-change-list.js';
import { moveTaskDueDate, taskKeys } from './tasks/tasks-api.js';

/** The workspace's holiday countries, read from the holidays it observes (every country has some each year). */
export function countriesOf(holidays: Holiday[]): string[] {
  const countries = new Set(holidays.filter((holiday) => holiday.source === 'builtin').flatMap((holiday) => holiday.countries));
  return countries.size > 0 ? [...countries].sort() : ['FR'];
}

export function CampaignGanttTab(props: {
  workspaceId: string;
  campaign: Campaign;
  plan: CampaignPlan;
  languages: readonly string[];
  canMove: boolean;
  onOpenTask(taskId: string): void;
}) {
  const { workspaceId, campaign, plan, languages, canMove } = props;
  const { t, locale } = useI18n();
  const formatDay = useDayFormat();
  const queryClient = useQueryClient();
  const today = todayDate();
  const [dayWidth, setDayWidth] = useState('28');
  const [lastMove, setLastMove] = useState<ScheduleChangeResult | null>(null);
  const years = useMemo(() => {
    const dates = [campaign.goalDate, today, ...plan.tasks.flatMap((task) => [task.startDate, task.dueDate])].sort(compareDates);
    return { from: `${(dates[0] ?? today).slice(0, 4)}-01-01`, to: `${(dates[dates.length - 1] ?? today).slice(0, 4)}-12-31` };
  }, [campaign.goalDate, plan.tasks, today]);
  const holidays = useHolidays(workspaceId, years.from, years.to);
  const countries = countriesOf(holidays.data?.items ?? []);
  const planKey = campaignKeys.plan(workspaceId, campaign.id);

  const move = useMutation({
    mutationFn: ({ taskId, dueDate }: { taskId: string; dueDate: string }) => moveTaskDueDate(workspaceId, taskId, dueDate),
    onMutate: ({ taskId, dueDate }) => {
      // The bars stay where they were dropped while the server saves, as the preview showed them.
      const previous = queryClient.getQueryData<CampaignPlan>(planKey);
      if (previous) {
        try {
          const moved = moveTask(previous.tasks, plan.dependencies, taskId, dueDate, { today, countries });
          queryClient.setQueryData<CampaignPlan>(planKey, { ...previous, tasks: moved.tasks });
        } catch {
          // The server will answer with the real plan.
        }
      }
      return { previous };
    },
    onError: (_error, _move, context) => {
      if (context?.previous) queryClient.setQueryData(planKey, context.previous);
    },
    onSuccess: (result) => setLastMove(result),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planKey }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.one(workspaceId, campaign.id) }),
        queryClient.invalidateQueries({ queryKey: taskKeys.all(workspaceId) }),
      ]);
    },
  });

  const first = plan.tasks.map((task) => task.startDate).sort(compareDates)[0] ?? campaign.goalDate;
  const last = [campaign.goalDate, ...plan.tasks.map((task) => task.dueDate)].sort(compareDates).pop() ?? campaign.goalDate;
  const shownHolidays = (holidays.data?.items ?? []).filter(
    (holiday) => compareDates(holiday.date, first) >= 0 && compareDates(holiday.date, last) <= 0,
  );

  return (
    <Stack>
      <Group justify="space-between">
        <div className="gantt-legend">
          <span>
            <span className="gantt-swatch" style={{ background: 'var(--mantine-color-red-8)' }} />
            {t('campaigns.gantt.today')}
          </span>
          <span>
            <span className="gantt-swatch" style={{ background: 'var(--mantine-color-violet-8)' }} />
            {t('campaigns.gantt.goal', { date: formatDay(campaign.goalDate) })}
          </span>
          <span>
            <span className="gantt-swatch" style={{ background: 'var(--mantine-color-gray-1)' }} />
            {t('campaigns.gantt.weekend')}
          </span>
          <span>
            <span className="gantt-swatch" style={{ background: 'var(--mantine-color-orange-0)' }} />
            {t('campaigns.gantt.holiday')}
          </span>
        </div>
        <SegmentedControl
          aria-label={t('campaigns.gantt.zoom')}
          size="xs"
          value={dayWidth}
          onChange={setDayWidth}
          data={[
            { value: '28', label: t('campaigns.gantt.zoomDays') },
            { value: '12', label: t('campaigns.gantt.zoomWeeks') },
          ]}
        />
      </Group>
      {plan.tasks.length === 0 ? (
        <Text c="dimmed">{t('campaigns.gantt.empty')}</Text>
      ) : (
        <GanttChart
          tasks={plan.tasks}
          dependencies={plan.dependencies}
          goalDate={campaign.goalDate}
          today={today}
          holidays={holidays.data?.items ?? []}
          countries={countries}
          languages={languages}
          canMove={canMove && !move.isPending}
          dayWidth={Number(dayWidth)}
          onOpenTask={props.onOpenTask}
          onMove={(taskId, dueDate) => move.mutate({ taskId, dueDate })}
        />
      )}
      <ErrorAlert error={move.error} />
      {lastMove ? (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fw={600}>{t('campaigns.gantt.lastMove')}</Text>
            <CloseButton aria-label={t('campaigns.action.dismiss')} onClick={() => setLastMove(null)} />
          </Group>
          <ScheduleChangeList result={lastMove} tasks={plan.tasks} languages={languages} />
        </Stack>
      ) : null}
      {shownHolidays.length > 0 ? (
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('campaigns.gantt.daysOff')}
          </Text>
          <List size="sm" spacing={2}>
            {shownHolidays.map((holiday) => (
              <List.Item key={`${holiday.key}-${holiday.date}`}>
                {formatDay(holiday.date)} — {holidayName(t, holiday, locale, languages)} (
                {holiday.countries.join(', ') || t('campaigns.holidays.allCountries')})
                {holiday.isEstimated ? ` · ${t('campaigns.holidays.estimated')}` : ''}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** A holiday's name: the catalog's for built-in ones, the workspace's own text otherwise. */
export function holidayName(t: (key: string) => string, holiday: Holiday, locale: string, languages: readonly string[]): string {
  if (holiday.nameKey) return t(holiday.nameKey);
  return pickLocalized(holiday.name, locale, languages)?.value ?? holiday.key;
}
