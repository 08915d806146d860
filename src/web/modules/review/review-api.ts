/** Calls of the approval workflow (src/server/platform/review), for any content type. */
import { useQuery } from '@tanstack/react-query';
import type { Review, ReviewComment, ReviewCommentCreate, ReviewTransitionRequest } from '../../../shared/review/review.schema.js';
import { apiRequest } from '../../api/api-client.js';

export type { Review, ReviewComment };

const reviewPath = (workspaceId: string, contentType: string, contentId: string) =>
  `/api/workspaces/${workspaceId}/reviews/${encodeURIComponent(contentType)}/${contentId}`;

export const reviewQueryKey = (workspaceId: string, contentType: string, contentId: string) => [
  'review',
  workspaceId,
  contentType,
  contentId,
];

export function useReview(workspaceId: string, contentType: string, contentId: string) {
  return useQuery({
    queryKey: reviewQueryKey(workspaceId, contentType, contentId),
    queryFn: () => apiRequest<Review>(reviewPath(workspaceId, contentType, contentId)),
  });
}

export function transitionReview(workspaceId: string, contentType: string, contentId: string, body: ReviewTransitionRequest) {
  return apiRequest<Review>(`${reviewPath(workspaceId, contentType, contentId)}/transitions`, { method: 'POST', body });
}

export function addReviewComment(workspaceId: string, contentType: string, contentId: string, body: ReviewCommentCreate) {
  return apiRequest<ReviewComment>(`${reviewPath(workspaceId, contentType, contentId)}/comments`, { method: 'POST', body });
}

export function resolveReviewComment(workspaceId: string, contentType: string, contentId: string, commentId: string) {
  return apiRequest<ReviewComment>(`${reviewPath(workspaceId, contentType, contentId)}/comments/${commentId}/resolve`, { method: 'POST' });
}
