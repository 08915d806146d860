/** All SQL of campaigns and their links to the plan. Every query is scoped by workspace. */
import { and, count, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { CalendarDate } from '../../../shared/planning/calendar-date.js';
import type { Campaign, CampaignListQuery } from '../../../shared/planning/campaign.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { decodeCursor, keysetAfter } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import { campaignAudiences, campaignChannels, campaignObjectives, campaigns, tasks } from './campaigns.tables.js';
import { planAudiences, planChannels, planObjectives } from './plan.tables.js';

export type CampaignRow = typeof campaigns.$inferSelect;

export async function findCampaignById(db: DbOrTransaction, workspaceId: string, id: string): Promise<CampaignRow | undefined> {
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.workspaceId, workspaceId), eq(campaigns.id, id)));
  return row;
}

export async function findCampaignPage(db: DbOrTransaction, workspaceId: string, query: CampaignListQuery) {
  const keyset = keysetAfter(campaigns.goalDate, campaigns.id, decodeCursor(query.cursor));
  const filters: Array<SQL | undefined> = [eq(campaigns.workspaceId, workspaceId)];
  if (query.archived === 'false') filters.push(isNull(campaigns.archivedAt));
  if (query.archived === 'true') filters.push(isNotNull(campaigns.archivedAt));
  if (query.status) filters.push(eq(campaigns.status, query.status));
  return db
    .select()
    .from(campaigns)
    .where(and(...filters, keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(query.limit + 1);
}

const LINKS = {
  objectiveIds: { join: campaignObjectives, column: campaignObjectives.objectiveId, target: planObjectives, key: 'objectiveId' },
  audienceIds: { join: campaignAudiences, column: campaignAudiences.audienceId, target: planAudiences, key: 'audienceId' },
  channelIds: { join: campaignChannels, column: campaignChannels.channelId, target: planChannels, key: 'channelId' },
} as const;
export type CampaignLinks = { objectiveIds?: string[]; audienceIds?: string[]; channelIds?: string[] };

/** Refuses links to objectives, audiences or channels of another workspace. */
export async function assertLinksOwned(db: DbOrTransaction, workspaceId: string, links: CampaignLinks): Promise<void> {
  for (const field of Object.keys(LINKS) as Array<keyof typeof LINKS>) {
    const ids = [...new Set(links[field] ?? [])];
    if (ids.length === 0) continue;
    const { target } = LINKS[field];
    const rows = await db
      .select({ id: target.id })
      .from(target)
      .where(and(eq(target.workspaceId, workspaceId), inArray(target.id, ids)));
    if (rows.length !== ids.length) throw new AppError('VALIDATION_FAILED', { fields: { [field]: 'UNKNOWN_ITEM' } });
  }
}

/** Replaces the links given (fields left out are kept). */
export async function replaceLinks(db: DbOrTransaction, campaignId: string, links: CampaignLinks): Promise<void> {
  for (const field of Object.keys(LINKS) as Array<keyof typeof LINKS>) {
    const ids = links[field];
    if (!ids) continue;
    const { join, key } = LINKS[field];
    await db.delete(join).where(eq(join.campaignId, campaignId));
    const unique = [...new Set(ids)];
    if (unique.length > 0) await db.insert(join).values(unique.map((id) => ({ campaignId, [key]: id })) as never);
  }
}

/** Campaigns as the API shows them: links and task counts, in four queries for the whole page. */
export async function presentCampaigns(db: DbOrTransaction, rows: CampaignRow[], today: CalendarDate): Promise<Campaign[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const linksOf = async (field: keyof typeof LINKS) => {
    const { join, column } = LINKS[field];
    const found = await db.select({ campaignId: join.campaignId, id: column }).from(join).where(inArray(join.campaignId, ids));
    return (campaignId: string) => found.filter((row) => row.campaignId === campaignId).map((row) => row.id);
  };
  const [objectives, audiences, channels, counts] = await Promise.all([
    linksOf('objectiveIds'),
    linksOf('audienceIds'),
    linksOf('channelIds'),
    db
      .select({
        campaignId: tasks.campaignId,
        total: count(),
        done: sql<number>`count(*) filter (where ${tasks.status} = 'done')`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${tasks.status} <> 'done' and ${tasks.dueDate} < ${today})`.mapWith(Number),
      })
      .from(tasks)
      .where(inArray(tasks.campaignId, ids))
      .groupBy(tasks.campaignId),
  ]);
  return rows.map((row) => {
    const taskCounts = counts.find((entry) => entry.campaignId === row.id);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      kind: row.kind as Campaign['kind'],
      goalDate: row.goalDate,
      status: row.status as Campaign['status'],
      templateKey: row.templateKey,
      ownerUserId: row.ownerUserId,
      objectiveIds: objectives(row.id),
      audienceIds: audiences(row.id),
      channelIds: channels(row.id),
      taskCounts: { total: taskCounts?.total ?? 0, done: taskCounts?.done ?? 0, overdue: taskCounts?.overdue ?? 0 },
      isArchived: row.archivedAt !== null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
}
