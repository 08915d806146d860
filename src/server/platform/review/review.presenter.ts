/** Shapes review rows for the API. */
import type { ReviewComment, ReviewEvent, ReviewState } from '../../../shared/review/review.schema.js';
import type { ReviewCommentRow } from './review.repo.js';
import type { contentReviewEvents } from './review.tables.js';

const personOf = (id: string | null, name: string | null) => (id ? { id, name: name ?? '' } : null);

export function presentReviewEvent(row: { event: typeof contentReviewEvents.$inferSelect; actorName: string | null }): ReviewEvent {
  return {
    id: row.event.id,
    action: row.event.action,
    fromState: row.event.fromState as ReviewState,
    toState: row.event.toState as ReviewState,
    note: row.event.note,
    actor: personOf(row.event.actorUserId, row.actorName),
    createdAt: row.event.createdAt.toISOString(),
  };
}

export function presentReviewComment(row: { comment: ReviewCommentRow; authorName: string | null }): ReviewComment {
  return {
    id: row.comment.id,
    language: row.comment.language,
    quote: row.comment.quote,
    body: row.comment.body,
    author: personOf(row.comment.authorUserId, row.authorName),
    resolvedAt: row.comment.resolvedAt ? row.comment.resolvedAt.toISOString() : null,
    createdAt: row.comment.createdAt.toISOString(),
  };
}

export { personOf };
