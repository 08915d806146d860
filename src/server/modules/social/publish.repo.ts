/**
 * All SQL of publishing (STYLE G5): claiming due posts (FOR UPDATE SKIP LOCKED, so any number of
 * workers share them), the ledger's conditional transitions (each names the state it leaves, so a
 * second worker's write changes nothing), holds and releases of a channel's posts.
 */
import { and, asc, eq, inArray, isNotNull, lte, ne, or, sql } from 'drizzle-orm';
import type { PublicationState, StoredPostStatus } from '../../../shared/social/posts.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import {
  type SocialChannelRow,
  type SocialPostRow,
  type SocialPublicationRow,
  socialChannels,
  socialPosts,
  socialPublications,
} from './social.tables.js';

type PublicationInsert = typeof socialPublications.$inferInsert;

/**
 * Takes up to `limit` posts due at `now` — scheduled ones whose time came, and publishing ones whose
 * retry time or lease ran out (a worker that died) — marks them publishing under `claimToken`, and
 * leases them until `leaseUntil`.
 */
export async function claimDuePosts(db: Db, input: { now: Date; limit: number; claimToken: string; leaseUntil: Date }) {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: socialPosts.id })
      .from(socialPosts)
      .where(
        or(
          and(eq(socialPosts.status, 'scheduled'), lte(socialPosts.scheduledAt, input.now)),
          and(eq(socialPosts.status, 'publishing'), lte(socialPosts.nextAttemptAt, input.now)),
        ),
      )
      .orderBy(asc(sql`coalesce(${socialPosts.nextAttemptAt}, ${socialPosts.scheduledAt})`), asc(socialPosts.id))
      .limit(input.limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(socialPosts)
      .set({ status: 'publishing', claimToken: input.claimToken, nextAttemptAt: input.leaseUntil, updatedAt: sql`now()` })
      .where(
        inArray(
          socialPosts.id,
          due.map((row) => row.id),
        ),
      )
      .returning();
  });
}

/** Updates a post this worker still holds (same claim); undefined when another worker took it over. */
export async function updateClaimedPost(db: DbOrTransaction, postId: string, claimToken: string, values: Partial<SocialPostRow>) {
  const [row] = await db
    .update(socialPosts)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(socialPosts.id, postId), eq(socialPosts.claimToken, claimToken), eq(socialPosts.status, 'publishing')))
    .returning();
  return row;
}

export async function findChannelById(db: DbOrTransaction, channelId: string): Promise<SocialChannelRow | undefined> {
  const [row] = await db.select().from(socialChannels).where(eq(socialChannels.id, channelId));
  return row;
}

/** Creates the missing ledger rows of a post (one per target) and returns all of them. */
export async function ensurePublicationRows(db: DbOrTransaction, postId: string, rows: PublicationInsert[]) {
  if (rows.length > 0) await db.insert(socialPublications).values(rows).onConflictDoNothing();
  return db.select().from(socialPublications).where(eq(socialPublications.postId, postId)).orderBy(asc(socialPublications.createdAt));
}

export async function findPublication(db: DbOrTransaction, id: string): Promise<SocialPublicationRow | undefined> {
  const [row] = await db.select().from(socialPublications).where(eq(socialPublications.id, id));
  return row;
}

/** Moves a publication out of one of `from` (a conditional update); undefined when it was not in them any more. */
export async function movePublication(
  db: DbOrTransaction,
  id: string,
  from: readonly PublicationState[],
  values: Partial<SocialPublicationRow>,
): Promise<SocialPublicationRow | undefined> {
  const [row] = await db
    .update(socialPublications)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(socialPublications.id, id), inArray(socialPublications.state, [...from])))
    .returning();
  return row;
}

/** Moves a publication's first comment out of one of `from`. */
export async function moveFirstComment(
  db: DbOrTransaction,
  id: string,
  from: readonly string[],
  values: Partial<SocialPublicationRow>,
): Promise<SocialPublicationRow | undefined> {
  const [row] = await db
    .update(socialPublications)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(socialPublications.id, id), inArray(socialPublications.firstCommentState, [...from])))
    .returning();
  return row;
}

/** External ids already in the ledger for other publications of the channel: a lost post cannot be one of them. */
export async function findClaimedExternalIds(
  db: DbOrTransaction,
  channelId: string,
  publicationId: string,
  externalIds: readonly string[],
) {
  if (externalIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ externalPostId: socialPublications.externalPostId })
    .from(socialPublications)
    .where(
      and(
        eq(socialPublications.channelId, channelId),
        ne(socialPublications.id, publicationId),
        isNotNull(socialPublications.externalPostId),
        inArray(socialPublications.externalPostId, [...externalIds]),
      ),
    );
  return new Set(rows.map((row) => row.externalPostId as string));
}

/**
 * Holds the channel's posts that are due or on their way: publishing ones, and scheduled ones whose
 * time has come. Later ones are held when they come due (the channel is checked at each claim).
 */
export async function holdDuePosts(db: DbOrTransaction, channelId: string, now: Date, reason: string): Promise<SocialPostRow[]> {
  return db
    .update(socialPosts)
    .set({ status: 'held', claimToken: null, nextAttemptAt: null, lastErrorKind: reason, updatedAt: sql`now()` })
    .where(
      and(
        eq(socialPosts.channelId, channelId),
        or(eq(socialPosts.status, 'publishing'), and(eq(socialPosts.status, 'scheduled'), lte(socialPosts.scheduledAt, now))),
      ),
    )
    .returning();
}

/** Held posts of a channel go back to the schedule (due ones are taken at the next scan). */
export async function releaseHeldPostRows(db: DbOrTransaction, channelId: string): Promise<SocialPostRow[]> {
  return db
    .update(socialPosts)
    .set({
      status: 'scheduled' satisfies StoredPostStatus,
      nextAttemptAt: null,
      claimToken: null,
      lastErrorKind: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(socialPosts.channelId, channelId), eq(socialPosts.status, 'held')))
    .returning();
}

/** Connected channels with a post due between `from` and `to` whose token was not checked since `checkedBefore`. */
export async function findChannelsDueForCheck(db: Db, input: { from: Date; to: Date; checkedBefore: Date }) {
  return db
    .selectDistinct({ channel: socialChannels })
    .from(socialChannels)
    .innerJoin(socialPosts, eq(socialPosts.channelId, socialChannels.id))
    .where(
      and(
        eq(socialChannels.status, 'connected'),
        eq(socialPosts.status, 'scheduled'),
        sql`${socialPosts.scheduledAt} > ${input.from.toISOString()}::timestamptz`,
        sql`${socialPosts.scheduledAt} <= ${input.to.toISOString()}::timestamptz`,
        or(
          sql`${socialChannels.lastCheckedAt} is null`,
          sql`${socialChannels.lastCheckedAt} < ${input.checkedBefore.toISOString()}::timestamptz`,
        ),
      ),
    );
}

export function findConnectedChannels(db: DbOrTransaction) {
  return db.select().from(socialChannels).where(eq(socialChannels.status, 'connected'));
}
