/** Shapes comment rows for the inbox API (explicit response shapes, STYLE G3). */
import type { CommentLanguage } from '../../../shared/social/comment-language.js';
import type { InboxComment, InboxThread, ReplyState } from '../../../shared/social/inbox.schema.js';
import type { ReplyRow, ThreadRow } from './comments.repo.js';
import type { SocialCommentRow } from './social.tables.js';

export function presentComment(row: SocialCommentRow & { sentByName?: string | null }): InboxComment {
  return {
    id: row.id,
    externalId: row.externalId,
    author: { name: row.authorName, externalId: row.authorExternalId, isPage: row.isFromPage },
    message: row.message,
    language: (row.language as CommentLanguage | null) ?? null,
    createdAt: row.networkCreatedAt.toISOString(),
    isHidden: row.isHidden,
    reply: row.replyState ? { state: row.replyState as ReplyState, sentByName: row.sentByName ?? null } : null,
  };
}

export function presentThread(row: Omit<ThreadRow, 'sortKey'>, replies: ReplyRow[]): InboxThread {
  return {
    ...presentComment(row),
    channelId: row.channelId,
    channelName: row.channelName,
    post: {
      externalId: row.postExternalId,
      postId: row.postId,
      excerpt: row.postExcerpt,
      permalinkUrl: row.postPermalinkUrl,
    },
    activityAt: row.activityAt.toISOString(),
    handled: row.handledAt ? { at: row.handledAt.toISOString(), byName: row.handledByName } : null,
    replies: replies.map(presentComment),
  };
}
