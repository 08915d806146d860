/** All SQL of social posts, queue slots and their calendar entries (STYLE G5). Every query is scoped by workspace. */
import { and, asc, desc, eq, gte, inArray, isNull, lt, ne, notInArray, or, type SQL, sql } from 'drizzle-orm';
import { type PostStatus, SOCIAL_POST_CONTENT_TYPE, type StoredPostStatus } from '../../../shared/social/posts.schema.js';
import type { PostListQuery } from '../../../shared/social/posts-api.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Cursor } from '../../platform/db/pagination.js';
import { files } from '../../platform/platform.tables.js';
import { contentReviews } from '../../platform/review/review.tables.js';
import { planChannels } from '../planning/plan.tables.js';
import { assets } from '../studio/studio.tables.js';
import {
  type SocialPostRow,
  type SocialPublicationRow,
  type SocialQueueSlotRow,
  socialChannels,
  socialPosts,
  socialPublications,
  socialQueueSlots,
} from './social.tables.js';

export type PostInsert = typeof socialPosts.$inferInsert;
export type PostWithReview = SocialPostRow & { reviewState: string | null };

const reviewJoin = and(
  eq(contentReviews.workspaceId, socialPosts.workspaceId),
  eq(contentReviews.contentType, SOCIAL_POST_CONTENT_TYPE),
  eq(contentReviews.contentId, socialPosts.id),
);

/** Creation time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats rows. */
const createdAtKey = sql<string>`to_char(${socialPosts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The stored status and workflow states a reader's status stands for (see `displayStatusOf`). */
function statusCondition(status: PostStatus): SQL | undefined {
  const isDraft = eq(socialPosts.status, 'draft');
  switch (status) {
    case 'draft':
      return and(isDraft, or(isNull(contentReviews.state), inArray(contentReviews.state, ['draft', 'archived'])));
    case 'in_review':
    case 'changes_requested':
      return and(isDraft, eq(contentReviews.state, status));
    case 'approved':
      return and(isDraft, inArray(contentReviews.state, ['approved', 'scheduled', 'published']));
    case 'scheduled':
    case 'publishing':
    case 'published':
    case 'failed':
    case 'held':
      return eq(socialPosts.status, status);
    default: {
      const unknown: never = status;
      throw new Error(`Unknown status ${String(unknown)}`);
    }
  }
}

/** Scheduled time as PostgreSQL stores it, for the "next first" order's cursor. */
const scheduledAtKey = sql<string>`to_char(${socialPosts.scheduledAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Posts on their way out, which the "next first" order lists. */
const UPCOMING_STATUSES: StoredPostStatus[] = ['scheduled', 'publishing', 'held'];

/**
 * One page of posts (one row more than asked, to know whether a next page exists): newest first by
 * creation, or — `order: 'next'` — the posts on their way out, the soonest first.
 */
export async function findPosts(db: DbOrTransaction, workspaceId: string, query: PostListQuery, cursor: Cursor | undefined) {
  const isNext = query.order === 'next';
  const filters: Array<SQL | undefined> = [eq(socialPosts.workspaceId, workspaceId)];
  if (query.status) filters.push(statusCondition(query.status));
  if (query.channelId) filters.push(eq(socialPosts.channelId, query.channelId));
  if (query.campaignId) filters.push(eq(socialPosts.campaignId, query.campaignId));
  if (query.language) filters.push(sql`btrim(coalesce(${socialPosts.text} -> ${query.language}::text ->> 'value', '')) <> ''`);
  if (isNext) {
    filters.push(inArray(socialPosts.status, UPCOMING_STATUSES), sql`${socialPosts.scheduledAt} is not null`);
    if (cursor) filters.push(sql`(${socialPosts.scheduledAt}, ${socialPosts.id}) > (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  } else if (cursor) {
    filters.push(sql`(${socialPosts.createdAt}, ${socialPosts.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  }
  return db
    .select({ post: socialPosts, reviewState: contentReviews.state, sortKey: isNext ? scheduledAtKey : createdAtKey })
    .from(socialPosts)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(...filters))
    .orderBy(...(isNext ? [asc(socialPosts.scheduledAt), asc(socialPosts.id)] : [desc(socialPosts.createdAt), desc(socialPosts.id)]))
    .limit(query.limit + 1);
}

export async function findPostById(db: DbOrTransaction, workspaceId: string, id: string): Promise<PostWithReview | undefined> {
  const [row] = await db
    .select({ post: socialPosts, reviewState: contentReviews.state })
    .from(socialPosts)
    .leftJoin(contentReviews, reviewJoin)
    .where(and(eq(socialPosts.workspaceId, workspaceId), eq(socialPosts.id, id)));
  return row ? { ...row.post, reviewState: row.reviewState } : undefined;
}

/** Locks the post row for the rest of the transaction (schedule and edit serialize on it). */
export async function lockPost(db: DbOrTransaction, workspaceId: string, id: string): Promise<SocialPostRow | undefined> {
  const [row] = await db
    .select()
    .from(socialPosts)
    .where(and(eq(socialPosts.workspaceId, workspaceId), eq(socialPosts.id, id)))
    .for('update');
  return row;
}

export async function insertPost(db: DbOrTransaction, values: PostInsert): Promise<SocialPostRow> {
  const [row] = await db.insert(socialPosts).values(values).returning();
  return row as SocialPostRow;
}

/** Updates a post; with `expectedVersion`, only that version (undefined when another edit came first). */
export async function updatePostRow(
  db: DbOrTransaction,
  workspaceId: string,
  id: string,
  values: Partial<PostInsert>,
  options: { expectedVersion?: number; bumpVersion?: boolean } = {},
): Promise<SocialPostRow | undefined> {
  const [row] = await db
    .update(socialPosts)
    .set({ ...values, ...(options.bumpVersion ? { version: sql`${socialPosts.version} + 1` } : {}), updatedAt: sql`now()` })
    .where(
      and(
        eq(socialPosts.workspaceId, workspaceId),
        eq(socialPosts.id, id),
        options.expectedVersion === undefined ? undefined : eq(socialPosts.version, options.expectedVersion),
      ),
    )
    .returning();
  return row;
}

export async function deletePostRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(socialPosts)
    .where(and(eq(socialPosts.workspaceId, workspaceId), eq(socialPosts.id, id)))
    .returning({ id: socialPosts.id });
  return rows.length > 0;
}

export async function findChannelOfWorkspace(db: DbOrTransaction, workspaceId: string, channelId: string) {
  const [row] = await db
    .select()
    .from(socialChannels)
    .where(and(eq(socialChannels.workspaceId, workspaceId), eq(socialChannels.id, channelId)));
  return row;
}

/** Locks the channel row: two "next free slot" schedules of one page take their slots one after the other. */
export async function lockChannel(db: DbOrTransaction, workspaceId: string, channelId: string) {
  const [row] = await db
    .select()
    .from(socialChannels)
    .where(and(eq(socialChannels.workspaceId, workspaceId), eq(socialChannels.id, channelId)))
    .for('update');
  return row;
}

export function findPublicationsOfPost(db: DbOrTransaction, postId: string): Promise<SocialPublicationRow[]> {
  return db.select().from(socialPublications).where(eq(socialPublications.postId, postId)).orderBy(asc(socialPublications.target));
}

/**
 * Removes the publications that never reached the page (pending, failed, verified absent): after an
 * edit they would send outdated words. Returns how many went.
 */
export async function deleteUnsentPublications(db: DbOrTransaction, postId: string): Promise<number> {
  const rows = await db
    .delete(socialPublications)
    .where(and(eq(socialPublications.postId, postId), inArray(socialPublications.state, ['pending', 'failed', 'verified_absent'])))
    .returning({ id: socialPublications.id });
  return rows.length;
}

/** Failed publications become pending again (a failed post scheduled anew). */
export async function resetFailedPublications(db: DbOrTransaction, postId: string): Promise<void> {
  await db
    .update(socialPublications)
    .set({ state: 'pending', nextAttemptAt: null, updatedAt: sql`now()` })
    .where(and(eq(socialPublications.postId, postId), eq(socialPublications.state, 'failed')));
  await db
    .update(socialPublications)
    .set({ firstCommentState: 'pending', nextAttemptAt: null, updatedAt: sql`now()` })
    .where(and(eq(socialPublications.postId, postId), eq(socialPublications.firstCommentState, 'failed')));
}

/** What a post needs of its photos: kind, consent facts, the stored file, its alt text. */
export function findPostAssets(db: DbOrTransaction, workspaceId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: assets.id,
      kind: assets.kind,
      showsPeople: assets.showsPeople,
      archivedAt: assets.archivedAt,
      alt: assets.alt,
      storageKey: files.storageKey,
      contentType: files.contentType,
      byteSize: files.byteSize,
    })
    .from(assets)
    .innerJoin(files, eq(files.id, assets.fileId))
    .where(and(eq(assets.workspaceId, workspaceId), inArray(assets.id, [...ids])));
}
export type PostAssetRow = Awaited<ReturnType<typeof findPostAssets>>[number];

/** Times already taken on a channel in [from, to) by posts that will or did go out (the queue skips them). */
export async function findTakenTimes(db: DbOrTransaction, channelId: string, from: Date, to: Date, exceptPostId: string) {
  const rows = await db
    .select({ scheduledAt: socialPosts.scheduledAt })
    .from(socialPosts)
    .where(
      and(
        eq(socialPosts.channelId, channelId),
        ne(socialPosts.id, exceptPostId),
        inArray(socialPosts.status, ['scheduled', 'publishing', 'published', 'held'] satisfies StoredPostStatus[]),
        gte(socialPosts.scheduledAt, from),
        lt(socialPosts.scheduledAt, to),
      ),
    );
  return new Set(rows.flatMap((row) => (row.scheduledAt ? [row.scheduledAt.getTime()] : [])));
}

export function findQueueSlots(db: DbOrTransaction, workspaceId: string, channelId?: string): Promise<SocialQueueSlotRow[]> {
  return db
    .select()
    .from(socialQueueSlots)
    .where(and(eq(socialQueueSlots.workspaceId, workspaceId), channelId ? eq(socialQueueSlots.channelId, channelId) : undefined))
    .orderBy(asc(socialQueueSlots.channelId), asc(socialQueueSlots.weekday), asc(socialQueueSlots.localTime));
}

export async function insertQueueSlot(db: DbOrTransaction, values: typeof socialQueueSlots.$inferInsert): Promise<SocialQueueSlotRow> {
  const [row] = await db.insert(socialQueueSlots).values(values).returning();
  return row as SocialQueueSlotRow;
}

export async function deleteQueueSlotRow(db: DbOrTransaction, workspaceId: string, id: string): Promise<SocialQueueSlotRow | undefined> {
  const [row] = await db
    .delete(socialQueueSlots)
    .where(and(eq(socialQueueSlots.workspaceId, workspaceId), eq(socialQueueSlots.id, id)))
    .returning();
  return row;
}

/** Posts that went or will go out in [from, to) (published ones at their publication time), for the calendar. */
export function findPostsInRange(db: DbOrTransaction, workspaceId: string, from: Date, to: Date, campaignId: string | undefined) {
  const at = sql`coalesce(${socialPosts.publishedAt}, ${socialPosts.scheduledAt})`;
  return db
    .select({ post: socialPosts })
    .from(socialPosts)
    .where(
      and(
        eq(socialPosts.workspaceId, workspaceId),
        notInArray(socialPosts.status, ['draft']),
        sql`${at} >= ${from.toISOString()}::timestamptz and ${at} < ${to.toISOString()}::timestamptz`,
        campaignId ? eq(socialPosts.campaignId, campaignId) : undefined,
      ),
    )
    .orderBy(asc(at), asc(socialPosts.id))
    .limit(2000);
}

/** The workspace's planning channels that stand for a network (`kind` = facebook): posts show under them. */
export async function findPlanChannelIdsOfKind(db: DbOrTransaction, workspaceId: string, kind: string): Promise<string[]> {
  const rows = await db
    .select({ id: planChannels.id })
    .from(planChannels)
    .where(and(eq(planChannels.workspaceId, workspaceId), eq(planChannels.kind, kind)));
  return rows.map((row) => row.id);
}
