/**
 * The comments inbox (social:read to read, social:engage to act): threads of people's comments on the
 * page's recent posts, replies posted as the page, hiding, the "handled" state, and "refresh now".
 * Network failures become the error codes the officer reads; a page whose token fails is marked
 * (channel-status.ts). A reply is recorded as `sending` under the reply box's idempotency key
 * before the network hears of it, so the same key twice posts once.
 */

import { detectCommentLanguage } from '../../../shared/social/comment-language.js';
import type {
  InboxHandled,
  InboxHide,
  InboxListQuery,
  InboxPage,
  InboxPostList,
  InboxRefresh,
  InboxReplyCreate,
  InboxStatus,
  InboxThread,
} from '../../../shared/social/inbox.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { type ChannelAccess, type ChannelResolver, defaultChannelAccess } from './channel-access.js';
import { markNeedsReconnection, reconnectionReasonOf } from './channel-status.js';
import { ChannelError } from './channels/channel.js';
import { findChannelById } from './channels.repo.js';
import { appErrorOf } from './channels.service.js';
import { type CommentSyncOptions, createCommentSync } from './comment-sync.js';
import { findWorkspaceSyncStates } from './comment-sync.repo.js';
import {
  countOpenThreads,
  deleteReply,
  findComment,
  findCommentByExternalId,
  findInboxPosts,
  findInboxThreads,
  findReplies,
  findReplyByKey,
  findThread,
  insertReplyOnce,
  markReplySent,
  setCommentHidden,
  setReplyState,
  setThreadHandled,
} from './comments.repo.js';
import { presentThread } from './inbox.presenter.js';
import type { SocialChannelRow, SocialCommentRow } from './social.tables.js';

/** A lost answer is looked for on the page among the comments written since this long before the request. */
const LOOK_BACK_MS = 2 * 60_000;
const POSTS_IN_FILTER = 100;

export interface InboxServiceOptions extends CommentSyncOptions {
  now?: () => Date;
  resolveChannel?: ChannelResolver;
}

export function createInboxService(platform: Platform, options: InboxServiceOptions = {}) {
  const db = platform.database.db;
  const now = options.now ?? (() => new Date());
  const resolve: ChannelResolver = options.resolveChannel ?? ((row) => defaultChannelAccess(platform, row));
  const sync = createCommentSync(platform, options);

  async function threadOf(workspaceId: string, threadId: string): Promise<InboxThread> {
    const row = await findThread(db, workspaceId, threadId);
    if (!row) throw new AppError('NOT_FOUND');
    return presentThread(row, await findReplies(db, workspaceId, [row]));
  }

  /** The thread a comment belongs to (itself when it is top level). */
  async function threadIdOf(comment: SocialCommentRow): Promise<string> {
    if (!comment.parentExternalId) return comment.id;
    const root = await findCommentByExternalId(db, comment.channelId, comment.parentExternalId);
    if (!root) throw new AppError('NOT_FOUND');
    return root.id;
  }

  async function ownedComment(ctx: ServiceContext, id: string): Promise<SocialCommentRow> {
    const row = await findComment(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  /** The page to act on: connected, with its token opened (a page that needs reconnection is refused before any call). */
  async function connectedChannel(channelId: string): Promise<{ row: SocialChannelRow; access: ChannelAccess }> {
    const row = await findChannelById(db, channelId);
    if (!row || row.status === 'disconnected') throw new AppError('INVALID_STATE', { params: { state: 'disconnected' } });
    if (row.status !== 'connected') throw new AppError('NEEDS_RECONNECTION');
    try {
      return { row, access: await resolve(row) };
    } catch {
      await markNeedsReconnection(platform, row, 'token-invalid');
      throw new AppError('NEEDS_RECONNECTION');
    }
  }

  /** The network's refusal as the officer's error; a token that no longer works marks the page. */
  async function failure(channel: SocialChannelRow, error: unknown): Promise<AppError> {
    if (error instanceof ChannelError && (error.kind === 'needs-reconnection' || error.kind === 'permission-missing')) {
      await markNeedsReconnection(platform, channel, reconnectionReasonOf(error));
    }
    return appErrorOf(error);
  }

  /** After a lost answer: our reply on the page, written since just before the request, not yet stored. */
  async function findLostReply(
    access: ChannelAccess,
    reply: SocialCommentRow,
  ): Promise<{ externalId: string; createdAt: Date } | undefined> {
    const sentAt = reply.requestSentAt ?? now();
    try {
      const comments = await access.channel.listComments(access.account, {
        postExternalId: reply.postExternalId,
        since: new Date(sentAt.getTime() - LOOK_BACK_MS),
      });
      for (const comment of comments) {
        if (!comment.fromPage || comment.parentExternalId !== reply.parentExternalId || comment.message !== reply.message) continue;
        if (await findCommentByExternalId(db, reply.channelId, comment.externalId)) continue;
        return { externalId: comment.externalId, createdAt: comment.createdAt };
      }
    } catch {
      // The page cannot be read now either: the reply stays unknown and the next sync looks for it.
    }
    return undefined;
  }

  async function recordSent(ctx: ServiceContext, reply: SocialCommentRow, created: { externalId: string; createdAt: Date }) {
    await db.transaction(async (tx) => {
      await markReplySent(tx, reply.id, { channelId: reply.channelId, externalId: created.externalId, createdAt: created.createdAt });
      await recordAudit(tx, {
        workspaceId: ctx.membership.workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'social.comment.reply',
        entityType: 'social.comment',
        entityId: reply.id,
        after: { parentExternalId: reply.parentExternalId, externalId: created.externalId, message: reply.message },
      });
    });
  }

  return {
    /** Threads newest activity first, by keyset on (activity_at, id), with their replies and the open count. */
    async list(ctx: ServiceContext, query: InboxListQuery): Promise<InboxPage> {
      const workspaceId = ctx.membership.workspaceId;
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findInboxThreads(db, workspaceId, query, cursor);
      const page = rows.slice(0, query.limit);
      const replies = await findReplies(db, workspaceId, page);
      const last = page.at(-1);
      const open = await countOpenThreads(db, workspaceId, query);
      return {
        items: page.map((row) =>
          presentThread(
            row,
            replies.filter((reply) => reply.channelId === row.channelId && reply.parentExternalId === row.externalId),
          ),
        ),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.id }) : null,
        openCount: open.total,
        isOpenCountCapped: open.isTotalCapped,
      };
    },

    async posts(ctx: ServiceContext): Promise<InboxPostList> {
      return { items: await findInboxPosts(db, ctx.membership.workspaceId, POSTS_IN_FILTER) };
    },

    async status(ctx: ServiceContext): Promise<InboxStatus> {
      const rows = await findWorkspaceSyncStates(db, ctx.membership.workspaceId);
      return {
        channels: rows.map(({ channel, sync: state }) => ({
          channelId: channel.id,
          name: channel.name,
          status: channel.status,
          isSandbox: channel.sandbox,
          syncedAt: state?.syncedAt?.toISOString() ?? null,
          lastErrorKind: state?.lastErrorKind ?? null,
        })),
      };
    },

    /**
     * Replies as the page to a comment (Facebook files a reply to a reply under the thread). The same
     * idempotency key again answers what the first request did, without a second call; `isReplay` says so.
     */
    async reply(ctx: ServiceContext, commentId: string, input: InboxReplyCreate): Promise<{ thread: InboxThread; isReplay: boolean }> {
      const workspaceId = ctx.membership.workspaceId;
      const target = await ownedComment(ctx, commentId);
      const replay = async (previous: SocialCommentRow) => {
        const sameTarget = previous.parentExternalId === (target.parentExternalId ?? target.externalId);
        if (previous.workspaceId !== workspaceId || !sameTarget || previous.message !== input.message) throw new AppError('CONFLICT');
        return { thread: await threadOf(workspaceId, await threadIdOf(previous)), isReplay: true };
      };
      const previous = await findReplyByKey(db, input.idempotencyKey);
      if (previous) return replay(previous);
      if (!target.externalId) throw new AppError('INVALID_STATE', { params: { state: 'sending' } });
      const { row: channel, access } = await connectedChannel(target.channelId);
      const threadExternalId = target.parentExternalId ?? target.externalId;
      const sentAt = now();
      const reply = await insertReplyOnce(db, {
        workspaceId,
        channelId: channel.id,
        postId: target.postId,
        postExternalId: target.postExternalId,
        postExcerpt: target.postExcerpt,
        postPermalinkUrl: target.postPermalinkUrl,
        parentExternalId: threadExternalId,
        authorExternalId: channel.externalId,
        authorName: channel.name,
        isFromPage: true,
        message: input.message,
        language: detectCommentLanguage(input.message),
        networkCreatedAt: sentAt,
        activityAt: sentAt,
        replyState: 'sending',
        sentBy: ctx.actor.user.id,
        idempotencyKey: input.idempotencyKey,
        requestSentAt: sentAt,
      });
      // Another request with the same key got there first (a double click): its reply is this one.
      if (!reply) {
        const winner = await findReplyByKey(db, input.idempotencyKey);
        if (!winner) throw new AppError('CONFLICT');
        return replay(winner);
      }
      try {
        const created = await access.channel.comment(access.account, { targetExternalId: target.externalId, message: input.message });
        await recordSent(ctx, reply, { externalId: created.externalId, createdAt: sentAt });
      } catch (error) {
        if (!(error instanceof ChannelError)) throw error;
        if (error.kind === 'outcome-unknown') {
          const found = await findLostReply(access, reply);
          if (found) {
            await recordSent(ctx, reply, found);
            return { thread: await threadOf(workspaceId, await threadIdOf(target)), isReplay: false };
          }
          await setReplyState(db, reply.id, 'unknown');
        } else {
          // Refused before anything was written on the page: nothing to keep, the officer may try again.
          await deleteReply(db, reply.id);
        }
        await recordAudit(db, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: error.kind === 'outcome-unknown' ? 'social.comment.reply-unknown' : 'social.comment.reply-failed',
          entityType: 'social.comment',
          entityId: error.kind === 'outcome-unknown' ? reply.id : target.id,
          after: { parentExternalId: threadExternalId, error: error.kind, networkCode: error.networkCode ?? null },
        });
        throw await failure(channel, error);
      }
      return { thread: await threadOf(workspaceId, await threadIdOf(target)), isReplay: false };
    },

    /** Hides a person's comment on the page (or shows it again); the page's own cannot be hidden. */
    async hide(ctx: ServiceContext, commentId: string, input: InboxHide): Promise<InboxThread> {
      const workspaceId = ctx.membership.workspaceId;
      const comment = await ownedComment(ctx, commentId);
      if (comment.isFromPage || !comment.externalId) throw new AppError('INVALID_STATE', { params: { state: 'page' } });
      if (comment.isHidden !== input.hidden) {
        const { row: channel, access } = await connectedChannel(comment.channelId);
        try {
          await access.channel.hideComment(access.account, { externalId: comment.externalId, hidden: input.hidden });
        } catch (error) {
          throw await failure(channel, error);
        }
        await db.transaction(async (tx) => {
          await setCommentHidden(tx, comment.id, input.hidden);
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: input.hidden ? 'social.comment.hide' : 'social.comment.unhide',
            entityType: 'social.comment',
            entityId: comment.id,
            before: { isHidden: comment.isHidden },
            after: { isHidden: input.hidden },
          });
        });
      }
      return threadOf(workspaceId, await threadIdOf(comment));
    },

    /** Marks a thread handled (by whom, now) or open again; Tawasul's own state, the page knows nothing of it. */
    async setHandled(ctx: ServiceContext, threadId: string, input: InboxHandled): Promise<InboxThread> {
      const workspaceId = ctx.membership.workspaceId;
      const thread = await ownedComment(ctx, threadId);
      if (thread.parentExternalId || thread.isFromPage) throw new AppError('INVALID_STATE', { params: { state: 'reply' } });
      if (Boolean(thread.handledAt) !== input.handled) {
        await db.transaction(async (tx) => {
          const updated = await setThreadHandled(tx, thread.id, input.handled ? ctx.actor.user.id : null);
          await recordAudit(tx, {
            workspaceId,
            actorUserId: ctx.actor.user.id,
            action: input.handled ? 'social.comment.handled' : 'social.comment.reopened',
            entityType: 'social.comment',
            entityId: thread.id,
            before: { handledAt: thread.handledAt?.toISOString() ?? null },
            after: { handledAt: updated?.handledAt?.toISOString() ?? null },
          });
        });
      }
      return threadOf(workspaceId, thread.id);
    },

    /**
     * "Refresh now": the workspace's pages synced at once. When none could be read, the first reason is
     * the error (the page needs reconnection, Facebook throttles it…).
     */
    async refresh(ctx: ServiceContext): Promise<InboxRefresh> {
      const workspaceId = ctx.membership.workspaceId;
      const rows = await findWorkspaceSyncStates(db, workspaceId);
      const reports = [];
      for (const { channel } of rows) reports.push(await sync.syncChannel(channel));
      await recordAudit(db, {
        workspaceId,
        actorUserId: ctx.actor.user.id,
        action: 'social.comments.refresh',
        entityType: 'social.channel',
        entityId: null,
        after: reports.map((report) => ({
          channelId: report.channelId,
          result: report.result,
          added: report.added,
          changed: report.changed,
        })),
      });
      if (reports.length > 0 && !reports.some((report) => report.result === 'synced')) {
        const stopped = reports.find((report) => report.error);
        if (stopped?.error) throw appErrorOf(stopped.error);
        if (reports.some((report) => report.result === 'needs-reconnection' || report.result === 'skipped')) {
          throw new AppError('NEEDS_RECONNECTION');
        }
      }
      return {
        channels: reports.map((report) => ({
          channelId: report.channelId,
          result: report.result,
          added: report.added,
          changed: report.changed,
        })),
      };
    },
  };
}
