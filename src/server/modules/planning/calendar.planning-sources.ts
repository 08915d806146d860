/**
 * The calendar sources of the planning module: work tasks, milestones, campaign goal dates and the
 * workspace's public holidays. Registered when this file is imported (by calendar.routes.ts).
 */
import { UI_LOCALES } from '../../../shared/languages.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { CalendarEntry } from '../../../shared/planning/calendar.schema.js';
import { type AddedHoliday, type Holiday, holidaysBetween, type RemovedHoliday } from '../../../shared/planning/holidays.js';
import type { Db } from '../../platform/db/database.js';
import { translatorFor } from '../../platform/i18n.js';
import {
  findCalendarWorkspace,
  findCampaignGoalsInRange,
  findChannelIdsByCampaign,
  findHolidayChangesInRange,
  findTasksInRange,
} from './calendar.repo.js';
import { type CalendarSourceRange, registerCalendarSource } from './calendar.sources.js';

/** App paths of planning items (the campaigns pages own them): a task opens in its campaign's drawer, else on its own page. */
export const planningLinks = {
  task: (workspaceId: string, taskId: string, campaignId: string | null) =>
    campaignId ? `/w/${workspaceId}/campaigns/${campaignId}?task=${taskId}` : `/w/${workspaceId}/tasks/${taskId}`,
  campaign: (workspaceId: string, campaignId: string) => `/w/${workspaceId}/campaigns/${campaignId}`,
  calendarDay: (workspaceId: string, date: string) => `/w/${workspaceId}/calendar?view=agenda&date=${date}`,
};

async function listTasks(db: Db, workspaceId: string, range: CalendarSourceRange, isMilestone: boolean): Promise<CalendarEntry[]> {
  // Milestones are everyone's fixed dates: the feed's "assigned to me" narrows work only.
  const filters = isMilestone ? { ...range.filters, assigneeUserId: undefined } : range.filters;
  const rows = await findTasksInRange(db, workspaceId, range.from, range.to, isMilestone, filters);
  const channels = await findChannelIdsByCampaign(
    db,
    rows.flatMap((row) => (row.campaignId ? [row.campaignId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    kind: isMilestone ? 'milestone' : 'task',
    title: row.title,
    start: isMilestone ? row.dueDate : row.startDate,
    end: row.dueDate,
    allDay: true,
    campaignId: row.campaignId,
    organisationId: row.organisationId,
    channelIds: row.campaignId ? (channels.get(row.campaignId) ?? []) : [],
    status: row.status,
    link: planningLinks.task(workspaceId, row.id, row.campaignId),
  }));
}

registerCalendarSource({ kind: 'task', list: (db, workspaceId, range) => listTasks(db, workspaceId, range, false) });
registerCalendarSource({ kind: 'milestone', list: (db, workspaceId, range) => listTasks(db, workspaceId, range, true) });

registerCalendarSource({
  kind: 'campaign-goal',
  async list(db, workspaceId, range) {
    // The feed lists someone's own tasks, but every goal date: those are the dates nobody moves.
    const rows = await findCampaignGoalsInRange(db, workspaceId, range.from, range.to, range.filters);
    const channels = await findChannelIdsByCampaign(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ({
      id: row.id,
      kind: 'campaign-goal',
      title: row.title,
      start: row.goalDate,
      end: row.goalDate,
      allDay: true,
      campaignId: row.id,
      organisationId: null,
      channelIds: channels.get(row.id) ?? [],
      status: row.status,
      link: planningLinks.campaign(workspaceId, row.id),
    }));
  },
});

/** A built-in holiday's name in every interface language, from the planning catalog. */
function holidayTitle(holiday: Holiday): LocalizedText {
  if (holiday.name) return holiday.name;
  const title: LocalizedText = {};
  for (const locale of UI_LOCALES) title[locale] = { value: translatorFor(locale)(holiday.nameKey ?? holiday.key), status: 'reviewed' };
  return title;
}

registerCalendarSource({
  kind: 'holiday',
  // Holidays are the context of every day: campaign, channel and organisation filters keep them.
  async list(db, workspaceId, range) {
    const [workspace, changes] = await Promise.all([
      findCalendarWorkspace(db, workspaceId),
      findHolidayChangesInRange(db, workspaceId, range.from, range.to),
    ]);
    if (!workspace) return [];
    const added: AddedHoliday[] = [];
    const removed: RemovedHoliday[] = [];
    for (const change of changes) {
      if (change.kind === 'added')
        added.push({ date: change.date, name: change.name, countries: change.countries as AddedHoliday['countries'] });
      else if (change.countries.length === 0) removed.push({ date: change.date, key: change.holidayKey ?? undefined });
      else
        for (const country of change.countries)
          removed.push({ date: change.date, key: change.holidayKey ?? undefined, country } as RemovedHoliday);
    }
    return holidaysBetween(workspace.holidayCountries, range.from, range.to, { added, removed }).map((holiday) => ({
      id: `${holiday.key}-${holiday.date}`,
      kind: 'holiday',
      title: holidayTitle(holiday),
      start: holiday.date,
      end: holiday.date,
      allDay: true,
      isEstimated: holiday.isEstimated,
      countries: holiday.countries,
      link: planningLinks.calendarDay(workspaceId, holiday.date),
    }));
  },
});
