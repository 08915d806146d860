/**
 * All SQL of the calendar (STYLE G5), scoped by workspace. Every date query starts from an index on
 * (workspace, date): task_workspace_due_idx, campaign_workspace_goal_idx, holiday_change_workspace_idx;
 * filters on channels go through campaign_channel's primary key (campaign, channel) per row.
 */
import { type AnyColumn, and, asc, desc, eq, exists, gte, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { CalendarFilters } from '../../../shared/planning/calendar.schema.js';
import type { CalendarDate } from '../../../shared/planning/calendar-date.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import { memberships, workspaces } from '../../platform/platform.tables.js';
import { organisations } from '../directory/directory.tables.js';
import { calendarFeeds } from './calendar.tables.js';
import { campaignChannels, campaigns, holidayChanges, tasks } from './campaigns.tables.js';
import { planChannels } from './plan.tables.js';

/** A request never lists more than this many rows of one source. */
const SOURCE_ROWS_MAX = 2000;

function campaignHasChannel(campaignId: AnyColumn, channelId: string) {
  return exists(
    sql`(select 1 from ${campaignChannels} where ${campaignChannels.campaignId} = ${campaignId} and ${campaignChannels.channelId} = ${channelId})`,
  );
}

/** Tasks (or milestones) overlapping [from, to]: due on or after `from`, started on or before `to`. */
export function findTasksInRange(
  db: Db,
  workspaceId: string,
  from: CalendarDate,
  to: CalendarDate,
  isMilestone: boolean,
  filters: CalendarFilters,
) {
  const where: SQL[] = [eq(tasks.workspaceId, workspaceId), eq(tasks.isMilestone, isMilestone), gte(tasks.dueDate, from)];
  // A milestone is a point on its due date; work spans start → due.
  where.push(isMilestone ? lte(tasks.dueDate, to) : lte(tasks.startDate, to));
  if (filters.campaignId) where.push(eq(tasks.campaignId, filters.campaignId));
  if (filters.organisationId) where.push(eq(tasks.organisationId, filters.organisationId));
  if (filters.assigneeUserId) where.push(eq(tasks.assigneeUserId, filters.assigneeUserId));
  if (filters.channelId) where.push(campaignHasChannel(tasks.campaignId, filters.channelId));
  // Tasks of an archived campaign leave the calendar with it.
  where.push(
    sql`not exists (select 1 from ${campaigns} where ${campaigns.id} = ${tasks.campaignId} and ${campaigns.archivedAt} is not null)`,
  );
  return db
    .select({
      id: tasks.id,
      title: tasks.title,
      startDate: tasks.startDate,
      dueDate: tasks.dueDate,
      status: tasks.status,
      campaignId: tasks.campaignId,
      organisationId: tasks.organisationId,
    })
    .from(tasks)
    .where(and(...where))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(SOURCE_ROWS_MAX);
}

/** Campaigns (not archived) whose goal date falls in [from, to]. */
export function findCampaignGoalsInRange(db: Db, workspaceId: string, from: CalendarDate, to: CalendarDate, filters: CalendarFilters) {
  const where: SQL[] = [
    eq(campaigns.workspaceId, workspaceId),
    gte(campaigns.goalDate, from),
    lte(campaigns.goalDate, to),
    isNull(campaigns.archivedAt),
  ];
  if (filters.campaignId) where.push(eq(campaigns.id, filters.campaignId));
  if (filters.channelId) where.push(campaignHasChannel(campaigns.id, filters.channelId));
  // A campaign concerns an organisation when one of its tasks is that organisation's (task_campaign_idx).
  if (filters.organisationId) {
    where.push(
      exists(
        sql`(select 1 from ${tasks} where ${tasks.campaignId} = ${campaigns.id} and ${tasks.organisationId} = ${filters.organisationId})`,
      ),
    );
  }
  return db
    .select({ id: campaigns.id, title: campaigns.title, goalDate: campaigns.goalDate, status: campaigns.status })
    .from(campaigns)
    .where(and(...where))
    .orderBy(asc(campaigns.goalDate), asc(campaigns.id))
    .limit(SOURCE_ROWS_MAX);
}

/** Channel ids of each campaign (primary key lookups). */
export async function findChannelIdsByCampaign(db: Db, campaignIds: readonly string[]): Promise<Map<string, string[]>> {
  const byCampaign = new Map<string, string[]>();
  if (campaignIds.length === 0) return byCampaign;
  const rows = await db
    .select({ campaignId: campaignChannels.campaignId, channelId: campaignChannels.channelId })
    .from(campaignChannels)
    .where(inArray(campaignChannels.campaignId, [...new Set(campaignIds)]));
  for (const row of rows) byCampaign.set(row.campaignId, [...(byCampaign.get(row.campaignId) ?? []), row.channelId]);
  return byCampaign;
}

export function findHolidayChangesInRange(db: Db, workspaceId: string, from: CalendarDate, to: CalendarDate) {
  return db
    .select()
    .from(holidayChanges)
    .where(and(eq(holidayChanges.workspaceId, workspaceId), gte(holidayChanges.date, from), lte(holidayChanges.date, to)));
}

export async function findCalendarWorkspace(db: Db, workspaceId: string) {
  const [row] = await db
    .select({
      id: workspaces.id,
      name: workspaces.name,
      timeZone: workspaces.timeZone,
      holidayCountries: workspaces.holidayCountries,
      contentLanguages: workspaces.contentLanguages,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row;
}

/** The choices of the calendar's filters: recent campaigns first, channels in plan order, organisations by name. */
export async function findFilterOptions(db: Db, workspaceId: string) {
  const [campaignRows, channelRows, organisationRows] = await Promise.all([
    db
      .select({ id: campaigns.id, name: campaigns.title, goalDate: campaigns.goalDate })
      .from(campaigns)
      .where(and(eq(campaigns.workspaceId, workspaceId), isNull(campaigns.archivedAt)))
      .orderBy(desc(campaigns.goalDate), asc(campaigns.id))
      .limit(300),
    db
      .select({ id: planChannels.id, name: planChannels.name })
      .from(planChannels)
      .where(eq(planChannels.workspaceId, workspaceId))
      .orderBy(asc(planChannels.position), asc(planChannels.id))
      .limit(300),
    db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .where(and(eq(organisations.workspaceId, workspaceId), isNull(organisations.archivedAt)))
      .orderBy(asc(organisations.sortName), asc(organisations.id))
      .limit(1000),
  ]);
  return { campaigns: campaignRows, channels: channelRows, organisations: organisationRows };
}

export async function findFeedOfUser(db: DbOrTransaction, workspaceId: string, userId: string) {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)));
  return row;
}

/** Creates the user's feed or replaces its token (the old URL stops working at once). */
export async function upsertFeedToken(db: DbOrTransaction, workspaceId: string, userId: string, tokenHash: string) {
  const now = new Date();
  const [row] = await db
    .insert(calendarFeeds)
    .values({ workspaceId, userId, tokenHash, createdAt: now })
    .onConflictDoUpdate({ target: [calendarFeeds.workspaceId, calendarFeeds.userId], set: { tokenHash, createdAt: now } })
    .returning();
  return row as typeof calendarFeeds.$inferSelect;
}

export async function deleteFeed(db: DbOrTransaction, workspaceId: string, userId: string) {
  const rows = await db
    .delete(calendarFeeds)
    .where(and(eq(calendarFeeds.workspaceId, workspaceId), eq(calendarFeeds.userId, userId)))
    .returning();
  return rows[0];
}

/** The feed of a token hash, with its owner's language, while the owner is still a member of the workspace. */
export async function findFeedByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ workspaceId: calendarFeeds.workspaceId, userId: calendarFeeds.userId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(memberships, and(eq(memberships.workspaceId, calendarFeeds.workspaceId), eq(memberships.userId, calendarFeeds.userId)))
    .where(eq(calendarFeeds.tokenHash, tokenHash));
  return row;
}
