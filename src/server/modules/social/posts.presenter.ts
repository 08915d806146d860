/** Shapes post, publication and queue slot rows for the API (explicit response shapes, STYLE G3). */
import type { LocalizedText } from '../../../shared/localized-text.js';
import {
  type ComposablePost,
  composeFirstComment,
  composeMessage,
  countGraphemes,
  type LanguageMode,
  publicationTargets,
} from '../../../shared/social/compose-message.js';
import {
  type FirstCommentState,
  localDateTimeAt,
  type PostStatus,
  type PublicationState,
  type StoredPostStatus,
} from '../../../shared/social/posts.schema.js';
import type { Post, PostDetail, Publication, QueueSlot } from '../../../shared/social/posts-api.schema.js';
import type { PostWithReview } from './posts.repo.js';
import type { SocialPostRow, SocialPublicationRow, SocialQueueSlotRow } from './social.tables.js';

/** Before scheduling a reader sees the workflow's state; from scheduling on, the post's own status. */
export function displayStatusOf(status: string, reviewState: string | null): PostStatus {
  const stored = status as StoredPostStatus;
  if (stored !== 'draft') return stored;
  switch (reviewState) {
    case 'in_review':
    case 'changes_requested':
      return reviewState;
    case 'approved':
    case 'scheduled':
    case 'published':
      return 'approved';
    default:
      return 'draft';
  }
}

export function composableOf(row: Pick<SocialPostRow, 'languageMode' | 'text' | 'hashtags' | 'firstComment'>): ComposablePost {
  return {
    languageMode: row.languageMode as LanguageMode,
    text: row.text as LocalizedText,
    hashtags: row.hashtags,
    firstComment: row.firstComment as LocalizedText,
  };
}

export function presentPost(row: PostWithReview, timeZone: string): Post {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    channelId: row.channelId,
    campaignId: row.campaignId,
    languageMode: row.languageMode as LanguageMode,
    text: row.text as Post['text'],
    hashtags: row.hashtags as Post['hashtags'],
    firstComment: row.firstComment as Post['firstComment'],
    assetIds: row.assetIds,
    link: row.linkUrl ? { url: row.linkUrl, preview: row.linkPreview ?? null } : null,
    status: displayStatusOf(row.status, row.reviewState),
    reviewState: row.reviewState ?? 'draft',
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    scheduledLocal: row.scheduledAt ? { ...localDateTimeAt(row.scheduledAt, timeZone), timeZone } : null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    lastErrorKind: row.lastErrorKind,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPublication(row: SocialPublicationRow): Publication {
  return {
    id: row.id,
    target: row.target,
    state: row.state as PublicationState,
    attempts: row.attempts,
    requestSentAt: row.requestSentAt?.toISOString() ?? null,
    externalPostId: row.externalPostId,
    permalinkUrl: row.permalinkUrl,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    lastErrorKind: row.lastErrorKind,
    lastNetworkCode: row.lastNetworkCode,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    firstCommentState: row.firstCommentState as FirstCommentState,
  };
}

/**
 * The post with what it will send (each message composed, counted), its ledger, and what is wrong
 * now with its photos (`assetIds.<index>` problems of `checkPostPhotos`, keyed by asset id).
 */
export function presentPostDetail(
  row: PostWithReview,
  publications: readonly SocialPublicationRow[],
  context: { timeZone: string; languageOrder: readonly string[]; photoProblems?: Readonly<Record<string, string>> },
): PostDetail {
  const composable = composableOf(row);
  const messages = publicationTargets(composable, context.languageOrder).map((target) => {
    const message = composeMessage(composable, target, context.languageOrder);
    return {
      target,
      message,
      characters: countGraphemes(message),
      firstComment: composeFirstComment(composable, target, context.languageOrder),
    };
  });
  const photoProblems: Record<string, string> = {};
  for (const [path, code] of Object.entries(context.photoProblems ?? {})) {
    const assetId = row.assetIds[Number(path.split('.')[1])];
    if (assetId) photoProblems[assetId] = code;
  }
  return { ...presentPost(row, context.timeZone), messages, publications: publications.map(presentPublication), photoProblems };
}

export function presentQueueSlot(row: SocialQueueSlotRow): QueueSlot {
  return { id: row.id, channelId: row.channelId, weekday: row.weekday, time: row.localTime };
}
