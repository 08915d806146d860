import { useEffect, useRef } from 'react';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../../shared/social/posts.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { useReview } from '../../review/review-api.js';
import { fetchPost, type PostDetail } from './posts-api.js';

/**
 * Follows the review panel's transitions (submit, approve, request changes…): they change what the
 * post's status reads, so the post is read again — its unsaved words stay in the draft.
 */
export function ReviewFollower({ post, onChanged }: { post: PostDetail; onChanged(post: PostDetail): void }) {
  const { workspace } = useWorkspace();
  const review = useReview(workspace.id, SOCIAL_POST_CONTENT_TYPE, post.id);
  const reviewState = review.data?.state;
  // The state last followed: a review query older than the post must not make it read the post again and again.
  const followed = useRef(post.reviewState);
  useEffect(() => {
    if (!reviewState || reviewState === followed.current) return;
    followed.current = reviewState;
    if (reviewState === post.reviewState) return;
    fetchPost(workspace.id, post.id)
      .then(onChanged)
      .catch(() => undefined);
  }, [reviewState, post.reviewState, post.id, workspace.id, onChanged]);
  return null;
}
