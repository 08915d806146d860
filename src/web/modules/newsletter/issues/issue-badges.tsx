/** An issue's sending status and its review state, as coloured badges with their words. */
import { Badge, Group } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.js';
import { REVIEW_STATE_COLOR } from '../../review/review-panel.js';
import { ISSUE_STATUS_COLOR, type IssueStatus, type ReviewState } from './issues-api.js';

export function IssueBadges({ status, reviewState }: { status: IssueStatus; reviewState: ReviewState }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap">
      <Badge color={ISSUE_STATUS_COLOR[status]} variant="filled" data-status={status} data-testid="issue-status">
        {t(`newsletter.status.${status}`)}
      </Badge>
      {/* Before any submission the review says nothing the status does not. */}
      {reviewState !== 'draft' ? (
        <Badge color={REVIEW_STATE_COLOR[reviewState]} variant="filled" data-state={reviewState} data-testid="issue-review-state">
          {t(`review.state.${reviewState}`)}
        </Badge>
      ) : null}
    </Group>
  );
}
