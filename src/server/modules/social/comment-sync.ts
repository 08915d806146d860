/**
 * The comments sync: for each connected page, the posts it published in the last
 * `INBOX_POST_WINDOW_DAYS` days, and for each post the comments written since the newest one stored
 * (less an overlap, for comments Graph indexes late). Comments are upserted by (channel, network id),
 * so a second run writes nothing. A page that needs reconnection is skipped; one whose token fails
 * now is marked (channel-status.ts: the admins are told once); a throttled page is left alone until
 * the time the network gave, in every process (`social_comment_sync.not_before`).
 */
import { detectCommentLanguage } from '../../../shared/social/comment-language.js';
import type { ChannelSyncResult } from '../../../shared/social/inbox.schema.js';
import type { Platform } from '../../platform/platform.js';
import { type ChannelResolver, defaultChannelAccess } from './channel-access.js';
import { markNeedsReconnection, reconnectionReasonOf } from './channel-status.js';
import { ChannelError, type RemoteComment, type RemotePost } from './channels/channel.js';
import { findChannelsToSync, findSyncState, recordSyncState } from './comment-sync.repo.js';
import {
  adoptPendingReply,
  type CommentInsert,
  expireSendingReplies,
  findNewestCommentTimes,
  findPostIdsByExternalId,
  findStoredExternalIds,
  linkCommentsToPosts,
  reopenThreads,
  upsertComments,
} from './comments.repo.js';
import type { SocialChannelRow } from './social.tables.js';

/** Posts published this many days back have their comments read (the inbox's scope). */
export const INBOX_POST_WINDOW_DAYS = 14;
/** At most this many recent posts per page and run. */
export const INBOX_POSTS_PER_RUN = 100;
/** Each post is read again from this long before its newest stored comment. */
export const INBOX_SINCE_OVERLAP_MS = 60 * 60_000;
/** Characters of a post kept beside its comments to say which post they are on (enough for both languages of a short bilingual post). */
const EXCERPT_CHARACTERS = 400;
/** A reply still `sending` after this long lost its process mid-call: it becomes `unknown`. */
export const SENDING_EXPIRES_MS = 10 * 60_000;
const DAY = 86_400_000;

export interface CommentSyncOptions {
  now?: () => Date;
  resolveChannel?: ChannelResolver;
  /** Days of posts to read (the demo seed reads its whole month once). */
  windowDays?: number;
}

export interface ChannelSyncReport {
  channelId: string;
  result: ChannelSyncResult;
  added: number;
  changed: number;
  /** The channel error that stopped or skipped part of the run. */
  error?: ChannelError;
}

/** The post's first words, paragraph by paragraph (a bilingual post keeps both languages, for the reader's to be shown). */
function excerptOf(message: string): string {
  const paragraphs = message
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  const characters = Array.from(paragraphs);
  return characters.length > EXCERPT_CHARACTERS ? `${characters.slice(0, EXCERPT_CHARACTERS - 1).join('')}…` : paragraphs;
}

function rowOf(channel: SocialChannelRow, post: RemotePost, postId: string | undefined, comment: RemoteComment): CommentInsert {
  return {
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    postId: postId ?? null,
    postExternalId: post.externalId,
    postExcerpt: excerptOf(post.message),
    postPermalinkUrl: post.permalinkUrl ?? null,
    externalId: comment.externalId,
    parentExternalId: comment.parentExternalId ?? null,
    authorExternalId: comment.authorExternalId ?? null,
    authorName: comment.authorName,
    isFromPage: comment.fromPage,
    message: comment.message,
    language: detectCommentLanguage(comment.message),
    networkCreatedAt: comment.createdAt,
    activityAt: comment.createdAt,
    isHidden: comment.isHidden,
  };
}

export function createCommentSync(platform: Platform, options: CommentSyncOptions = {}) {
  const db = platform.database.db;
  const now = options.now ?? (() => new Date());
  const resolve: ChannelResolver = options.resolveChannel ?? ((row) => defaultChannelAccess(platform, row));
  const windowDays = options.windowDays ?? INBOX_POST_WINDOW_DAYS;

  /** Stores one post's comments in one transaction; returns how many were new and how many changed. */
  async function store(channel: SocialChannelRow, post: RemotePost, postId: string | undefined, comments: RemoteComment[]) {
    return db.transaction(async (tx) => {
      const stored = await findStoredExternalIds(
        tx,
        channel.id,
        comments.map((comment) => comment.externalId),
      );
      for (const comment of comments) {
        // The page's reply read back may be ours from the inbox, whose answer was lost: it takes the id.
        if (stored.has(comment.externalId) || !comment.fromPage || comment.parentExternalId === undefined) continue;
        await adoptPendingReply(tx, {
          channelId: channel.id,
          externalId: comment.externalId,
          parentExternalId: comment.parentExternalId,
          message: comment.message,
          createdAt: comment.createdAt,
        });
      }
      const written = await upsertComments(
        tx,
        comments.map((comment) => rowOf(channel, post, postId, comment)),
      );
      const added = written.filter((row) => row.isNew);
      await reopenThreads(tx, channel.id, [
        ...new Set(added.filter((row) => !row.isFromPage && row.parentExternalId).map((row) => row.parentExternalId as string)),
      ]);
      return { added: added.length, changed: written.length - added.length };
    });
  }

  async function stopWith(channel: SocialChannelRow, report: ChannelSyncReport, error: ChannelError): Promise<ChannelSyncReport> {
    const at = now();
    if (error.kind === 'needs-reconnection' || error.kind === 'permission-missing') {
      await markNeedsReconnection(platform, channel, reconnectionReasonOf(error));
      report.result = 'needs-reconnection';
    } else if (error.kind === 'throttled') {
      report.result = 'throttled';
    } else {
      report.result = 'unavailable';
    }
    report.error = error;
    const notBefore = error.kind === 'throttled' && error.retryAfterMs ? new Date(at.getTime() + error.retryAfterMs) : null;
    await recordSyncState(db, { channelId: channel.id, workspaceId: channel.workspaceId, at, errorKind: error.kind, notBefore });
    return report;
  }

  /** Reads one page's recent comments; never throws a ChannelError (the report says what happened). */
  async function syncChannel(channel: SocialChannelRow): Promise<ChannelSyncReport> {
    const report: ChannelSyncReport = { channelId: channel.id, result: 'synced', added: 0, changed: 0 };
    if (channel.status !== 'connected') return { ...report, result: 'skipped' };
    const state = await findSyncState(db, channel.id);
    if (state?.notBefore && state.notBefore > now()) {
      const error = new ChannelError('throttled', 'throttled by the network earlier', {
        retryAfterMs: state.notBefore.getTime() - now().getTime(),
      });
      return { ...report, result: 'throttled', error };
    }
    let access: Awaited<ReturnType<ChannelResolver>>;
    try {
      access = await resolve(channel);
    } catch {
      // SECRET_KEY changed since the page was connected: its token cannot be read back.
      await markNeedsReconnection(platform, channel, 'token-invalid');
      return { ...report, result: 'needs-reconnection' };
    }
    const { channel: network, account } = access;
    try {
      const since = new Date(now().getTime() - windowDays * DAY);
      const posts = await network.listRecentPosts(account, { since, limit: INBOX_POSTS_PER_RUN });
      const postIds = await findPostIdsByExternalId(
        db,
        channel.id,
        posts.map((post) => post.externalId),
      );
      report.changed += await linkCommentsToPosts(db, channel.id, postIds);
      const newest = await findNewestCommentTimes(
        db,
        channel.id,
        posts.map((post) => post.externalId),
      );
      let skipped: ChannelError | undefined;
      for (const post of posts) {
        const last = newest.get(post.externalId);
        let comments: RemoteComment[];
        try {
          comments = await network.listComments(account, {
            postExternalId: post.externalId,
            since: last ? new Date(last.getTime() - INBOX_SINCE_OVERLAP_MS) : undefined,
          });
        } catch (error) {
          // A post deleted since, or a passing failure: the next run reads it again; the others go on.
          if (error instanceof ChannelError && error.kind === 'invalid-request') continue;
          if (error instanceof ChannelError && (error.kind === 'transient' || error.kind === 'outcome-unknown')) {
            skipped = error;
            continue;
          }
          throw error;
        }
        const stored = await store(channel, post, postIds.get(post.externalId), comments);
        report.added += stored.added;
        report.changed += stored.changed;
      }
      if (skipped) return stopWith(channel, report, skipped);
    } catch (error) {
      if (error instanceof ChannelError) return stopWith(channel, report, error);
      throw error;
    }
    // Read through: a reply still `sending` this long after its request was not found on the page.
    await expireSendingReplies(db, channel.id, new Date(now().getTime() - SENDING_EXPIRES_MS));
    await recordSyncState(db, { channelId: channel.id, workspaceId: channel.workspaceId, at: now(), errorKind: null, notBefore: null });
    return report;
  }

  /** Every connected page (of one workspace, or of all): one after the other, each on its own. */
  async function syncAll(workspaceId?: string): Promise<ChannelSyncReport[]> {
    const reports: ChannelSyncReport[] = [];
    for (const channel of await findChannelsToSync(db, workspaceId)) reports.push(await syncChannel(channel));
    return reports;
  }

  return { syncChannel, syncAll };
}
