/** Every query of the comments inbox and of reading comments into it (STYLE G5); sync state in comment-sync.repo.ts. Every inbox query is scoped by workspace. */
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, type SQL, sql } from 'drizzle-orm';
import type { InboxListQuery } from '../../../shared/social/inbox.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { users } from '../../platform/auth/auth.tables.js';
import type { Db } from '../../platform/db/database.js';
import { type Cursor, countUpToCap } from '../../platform/db/pagination.js';
import { type SocialCommentRow, socialChannels, socialComments, socialPublications } from './social.tables.js';

export type CommentInsert = typeof socialComments.$inferInsert;
export type ThreadRow = SocialCommentRow & { channelName: string; handledByName: string | null; sortKey: string };
export type ReplyRow = SocialCommentRow & { sentByName: string | null };

/** Activity time as PostgreSQL stores it (microseconds), so the cursor neither skips nor repeats threads. */
const activityKey = sql<string>`to_char(${socialComments.activityAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Threads started by people (the inbox's rows): top level, not the page's own comments. */
const isThread = and(isNull(socialComments.parentExternalId), eq(socialComments.isFromPage, false)) as SQL;
const isOpen = and(eq(socialComments.isHidden, false), isNull(socialComments.handledAt)) as SQL;

function stateFilter(state: InboxListQuery['state']): SQL | undefined {
  switch (state) {
    case 'open':
      return isOpen;
    case 'handled':
      return and(eq(socialComments.isHidden, false), isNotNull(socialComments.handledAt));
    case 'hidden':
      return eq(socialComments.isHidden, true);
    case 'all':
      return undefined;
    default: {
      const unknown: never = state;
      throw new Error(`unknown inbox state ${String(unknown)}`);
    }
  }
}

function threadFilters(workspaceId: string, query: Pick<InboxListQuery, 'language' | 'post'>): SQL[] {
  const filters: SQL[] = [eq(socialComments.workspaceId, workspaceId), isThread];
  if (query.language) filters.push(eq(socialComments.language, query.language));
  if (query.post) filters.push(eq(socialComments.postExternalId, query.post));
  return filters;
}

/** One page of threads, newest activity first (one row more than asked, to know whether a next page exists). */
export async function findInboxThreads(
  db: Db,
  workspaceId: string,
  query: InboxListQuery,
  cursor: Cursor | undefined,
): Promise<ThreadRow[]> {
  const filters = threadFilters(workspaceId, query);
  const state = stateFilter(query.state);
  if (state) filters.push(state);
  if (cursor) {
    filters.push(sql`(${socialComments.activityAt}, ${socialComments.id}) < (${cursor.sortKey}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await db
    .select({ comment: socialComments, channelName: socialChannels.name, handledByName: users.name, sortKey: activityKey })
    .from(socialComments)
    .innerJoin(socialChannels, eq(socialChannels.id, socialComments.channelId))
    .leftJoin(users, eq(users.id, socialComments.handledBy))
    .where(and(...filters))
    .orderBy(desc(socialComments.activityAt), desc(socialComments.id))
    .limit(query.limit + 1);
  return rows.map((row) => ({ ...row.comment, channelName: row.channelName, handledByName: row.handledByName, sortKey: row.sortKey }));
}

/** Open threads under the language and post filters, counted up to the list cap. */
export function countOpenThreads(db: Db, workspaceId: string, query: Pick<InboxListQuery, 'language' | 'post'>) {
  return countUpToCap(db, socialComments, and(...threadFilters(workspaceId, query), isOpen));
}

/** One thread (its top-level row) of the workspace, with its channel's name. */
export async function findThread(db: DbOrTransaction, workspaceId: string, id: string): Promise<ThreadRow | undefined> {
  const [row] = await db
    .select({ comment: socialComments, channelName: socialChannels.name, handledByName: users.name, sortKey: activityKey })
    .from(socialComments)
    .innerJoin(socialChannels, eq(socialChannels.id, socialComments.channelId))
    .leftJoin(users, eq(users.id, socialComments.handledBy))
    .where(and(eq(socialComments.workspaceId, workspaceId), eq(socialComments.id, id)));
  return row ? { ...row.comment, channelName: row.channelName, handledByName: row.handledByName, sortKey: row.sortKey } : undefined;
}

/** A comment of the workspace (a thread or a reply). */
export async function findComment(db: DbOrTransaction, workspaceId: string, id: string): Promise<SocialCommentRow | undefined> {
  const [row] = await db
    .select()
    .from(socialComments)
    .where(and(eq(socialComments.workspaceId, workspaceId), eq(socialComments.id, id)));
  return row;
}

export async function findCommentByExternalId(db: DbOrTransaction, channelId: string, externalId: string) {
  const [row] = await db
    .select()
    .from(socialComments)
    .where(and(eq(socialComments.channelId, channelId), eq(socialComments.externalId, externalId)));
  return row;
}

/** The replies of the given threads, oldest first, with who wrote ours. */
export async function findReplies(
  db: DbOrTransaction,
  workspaceId: string,
  threads: Array<Pick<SocialCommentRow, 'channelId' | 'externalId'>>,
): Promise<ReplyRow[]> {
  const externalIds = [...new Set(threads.map((thread) => thread.externalId).filter((id): id is string => Boolean(id)))];
  if (externalIds.length === 0) return [];
  const rows = await db
    .select({ comment: socialComments, sentByName: users.name })
    .from(socialComments)
    .leftJoin(users, eq(users.id, socialComments.sentBy))
    .where(and(eq(socialComments.workspaceId, workspaceId), inArray(socialComments.parentExternalId, externalIds)))
    .orderBy(asc(socialComments.networkCreatedAt), asc(socialComments.createdAt), asc(socialComments.id));
  const wanted = new Set(threads.map((thread) => `${thread.channelId} ${thread.externalId}`));
  return rows
    .filter((row) => wanted.has(`${row.comment.channelId} ${row.comment.parentExternalId}`))
    .map((row) => ({ ...row.comment, sentByName: row.sentByName }));
}

/** Posts with threads from people, the latest activity first: for the post filter. */
export async function findInboxPosts(db: Db, workspaceId: string, limit: number) {
  return db
    .select({
      externalId: socialComments.postExternalId,
      postId: sql<string | null>`(array_agg(${socialComments.postId}) filter (where ${socialComments.postId} is not null))[1]`,
      excerpt: sql<string>`max(${socialComments.postExcerpt})`,
      permalinkUrl: sql<string | null>`max(${socialComments.postPermalinkUrl})`,
      threads: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where not ${socialComments.isHidden} and ${socialComments.handledAt} is null))::int`,
    })
    .from(socialComments)
    .where(and(eq(socialComments.workspaceId, workspaceId), isThread))
    .groupBy(socialComments.postExternalId)
    .orderBy(sql`max(${socialComments.activityAt}) desc`)
    .limit(limit);
}

/** A thread handled (by whom, now) or open again. */
export async function setThreadHandled(db: DbOrTransaction, id: string, handledBy: string | null) {
  const [row] = await db
    .update(socialComments)
    .set({ handledAt: handledBy ? sql`now()` : null, handledBy, updatedAt: sql`now()` })
    .where(eq(socialComments.id, id))
    .returning();
  return row;
}

export async function setCommentHidden(db: DbOrTransaction, id: string, hidden: boolean) {
  const [row] = await db
    .update(socialComments)
    .set({ isHidden: hidden, updatedAt: sql`now()` })
    .where(eq(socialComments.id, id))
    .returning();
  return row;
}

/** Our reply, recorded as `sending` before the network hears of it; undefined when the key was used before. */
export async function insertReplyOnce(db: DbOrTransaction, values: CommentInsert): Promise<SocialCommentRow | undefined> {
  const [row] = await db.insert(socialComments).values(values).onConflictDoNothing({ target: socialComments.idempotencyKey }).returning();
  return row;
}

export async function findReplyByKey(db: DbOrTransaction, idempotencyKey: string) {
  const [row] = await db.select().from(socialComments).where(eq(socialComments.idempotencyKey, idempotencyKey));
  return row;
}

/**
 * Our reply exists on the page as `externalId`. A sync that read it first may have stored it as a
 * comment of its own: that copy goes, ours keeps the id.
 */
export async function markReplySent(db: DbOrTransaction, id: string, input: { channelId: string; externalId: string; createdAt: Date }) {
  await db
    .delete(socialComments)
    .where(
      and(
        eq(socialComments.channelId, input.channelId),
        eq(socialComments.externalId, input.externalId),
        ne(socialComments.id, id),
        isNull(socialComments.idempotencyKey),
      ),
    );
  const [row] = await db
    .update(socialComments)
    .set({ externalId: input.externalId, replyState: 'sent', networkCreatedAt: input.createdAt, updatedAt: sql`now()` })
    .where(eq(socialComments.id, id))
    .returning();
  return row;
}

export async function setReplyState(db: DbOrTransaction, id: string, state: 'unknown') {
  await db.update(socialComments).set({ replyState: state, updatedAt: sql`now()` }).where(eq(socialComments.id, id));
}

/** Replies still `sending` long after their request (the process stopped mid-call) are said unknown: the sync finds them if they exist. */
export async function expireSendingReplies(db: DbOrTransaction, channelId: string, sentBefore: Date): Promise<number> {
  const rows = await db
    .update(socialComments)
    .set({ replyState: 'unknown', updatedAt: sql`now()` })
    .where(
      and(
        eq(socialComments.channelId, channelId),
        eq(socialComments.replyState, 'sending'),
        isNull(socialComments.externalId),
        sql`${socialComments.requestSentAt} < ${sentBefore.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: socialComments.id });
  return rows.length;
}

/** A reply the network certainly refused: nothing exists on the page, so nothing stays here. */
export async function deleteReply(db: DbOrTransaction, id: string) {
  await db.delete(socialComments).where(and(eq(socialComments.id, id), isNull(socialComments.externalId)));
}

// ——— the sync ———

/** Our posts on this channel by the network's post id (through the publication ledger). */
export async function findPostIdsByExternalId(db: DbOrTransaction, channelId: string, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ postId: socialPublications.postId, externalId: socialPublications.externalPostId })
    .from(socialPublications)
    .where(and(eq(socialPublications.channelId, channelId), inArray(socialPublications.externalPostId, externalIds)));
  return new Map(rows.filter((row) => row.externalId).map((row) => [row.externalId as string, row.postId]));
}

/** Comments stored before their post was known as ours (published, then found in the ledger) point to it now; returns how many. */
export async function linkCommentsToPosts(db: DbOrTransaction, channelId: string, postIds: Map<string, string>): Promise<number> {
  let linked = 0;
  for (const [postExternalId, postId] of postIds) {
    const rows = await db
      .update(socialComments)
      .set({ postId, updatedAt: sql`now()` })
      .where(and(eq(socialComments.channelId, channelId), eq(socialComments.postExternalId, postExternalId), isNull(socialComments.postId)))
      .returning({ id: socialComments.id });
    linked += rows.length;
  }
  return linked;
}

/** The newest network time of a stored comment, per post (where the next read of that post starts). */
export async function findNewestCommentTimes(db: DbOrTransaction, channelId: string, postExternalIds: string[]) {
  if (postExternalIds.length === 0) return new Map<string, Date>();
  const rows = await db
    .select({ postExternalId: socialComments.postExternalId, newest: sql<string>`max(${socialComments.networkCreatedAt})` })
    .from(socialComments)
    .where(
      and(
        eq(socialComments.channelId, channelId),
        inArray(socialComments.postExternalId, postExternalIds),
        isNotNull(socialComments.externalId),
      ),
    )
    .groupBy(socialComments.postExternalId);
  return new Map(rows.map((row) => [row.postExternalId, new Date(row.newest)]));
}

/** Which of these network ids are stored already. */
export async function findStoredExternalIds(db: DbOrTransaction, channelId: string, externalIds: string[]) {
  if (externalIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ externalId: socialComments.externalId })
    .from(socialComments)
    .where(and(eq(socialComments.channelId, channelId), inArray(socialComments.externalId, externalIds)));
  return new Set(rows.map((row) => row.externalId as string));
}

/**
 * The page's reply read from the network is one of ours whose answer was lost (or not yet stored):
 * the oldest pending reply with the same thread and text takes its id. Returns whether one did.
 */
export async function adoptPendingReply(
  db: DbOrTransaction,
  input: { channelId: string; externalId: string; parentExternalId: string; message: string; createdAt: Date },
): Promise<boolean> {
  const [pending] = await db
    .select({ id: socialComments.id })
    .from(socialComments)
    .where(
      and(
        eq(socialComments.channelId, input.channelId),
        isNull(socialComments.externalId),
        inArray(socialComments.replyState, ['sending', 'unknown']),
        eq(socialComments.parentExternalId, input.parentExternalId),
        eq(socialComments.message, input.message),
      ),
    )
    .orderBy(asc(socialComments.createdAt), asc(socialComments.id))
    .limit(1);
  if (!pending) return false;
  const adopted = await db
    .update(socialComments)
    .set({ externalId: input.externalId, replyState: 'sent', networkCreatedAt: input.createdAt, updatedAt: sql`now()` })
    .where(and(eq(socialComments.id, pending.id), isNull(socialComments.externalId)))
    .returning({ id: socialComments.id });
  return adopted.length > 0;
}

/**
 * Stores comments read from the network: new ones inserted, known ones updated only when their
 * text, author name, visibility or post link changed (a second run writes nothing). Returns the
 * rows it wrote, each with whether it was new.
 */
export async function upsertComments(db: DbOrTransaction, values: CommentInsert[]) {
  if (values.length === 0) return [];
  const changed = sql`(${socialComments.message}, ${socialComments.language}, ${socialComments.authorName}, ${socialComments.isHidden},
    ${socialComments.postExcerpt}, ${socialComments.postPermalinkUrl}) is distinct from
    (excluded.message, excluded.language, excluded.author_name, excluded.is_hidden, excluded.post_excerpt, excluded.post_permalink_url)
    or (${socialComments.postId} is null and excluded.post_id is not null)`;
  return db
    .insert(socialComments)
    .values(values)
    .onConflictDoUpdate({
      target: [socialComments.channelId, socialComments.externalId],
      set: {
        message: sql`excluded.message`,
        language: sql`excluded.language`,
        authorName: sql`excluded.author_name`,
        isHidden: sql`excluded.is_hidden`,
        postExcerpt: sql`excluded.post_excerpt`,
        postPermalinkUrl: sql`excluded.post_permalink_url`,
        postId: sql`coalesce(${socialComments.postId}, excluded.post_id)`,
        updatedAt: sql`now()`,
      },
      setWhere: changed,
    })
    .returning({
      id: socialComments.id,
      isNew: sql<boolean>`(xmax = 0)`,
      parentExternalId: socialComments.parentExternalId,
      isFromPage: socialComments.isFromPage,
    });
}

/**
 * A person's reply first stored now: its thread's activity moves to the newest such reply, and a
 * handled thread is open again (someone has more to say).
 */
export async function reopenThreads(db: DbOrTransaction, channelId: string, parentExternalIds: string[]) {
  if (parentExternalIds.length === 0) return;
  await db.execute(sql`
    update ${socialComments} as thread
    set activity_at = greatest(thread.activity_at, latest.at), handled_at = null, handled_by = null, updated_at = now()
    from (
      select parent_external_id, max(network_created_at) as at from ${socialComments}
      where channel_id = ${channelId} and not is_from_page
        and parent_external_id in (${sql.join(
          parentExternalIds.map((id) => sql`${id}`),
          sql`, `,
        )})
      group by parent_external_id
    ) as latest
    where thread.channel_id = ${channelId} and thread.external_id = latest.parent_external_id`);
}
