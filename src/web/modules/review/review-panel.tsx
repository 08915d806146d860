/**
 * The review of one content item, for any content type: its state, approvals against the workspace's
 * requirement, the language versions' statuses, the actions open to the member, history and comments.
 */
import { Alert, Badge, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import type { ReviewState } from '../../../shared/review/review.schema.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert } from '../../components/form-errors.js';
import { STATUS_COLOR } from '../../components/localized-text.js';
import { PageLoader } from '../../components/page-loader.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { ReviewActions } from './review-actions.js';
import { useReview } from './review-api.js';
import { ReviewComments } from './review-comments.js';
import { ReviewHistory } from './review-history.js';

/** Filled badge colours dark enough for white text (4.5:1). */
export const REVIEW_STATE_COLOR: Record<ReviewState, string> = {
  draft: 'gray.7',
  in_review: 'blue.9',
  changes_requested: 'red.9',
  approved: 'teal.9',
  scheduled: 'violet.9',
  published: 'green.9',
  archived: 'dark.6',
};

export interface ReviewPanelProps {
  contentType: string;
  contentId: string;
  /** The content languages shown (the workspace's). */
  languages: readonly string[];
}

export function ReviewPanel({ contentType, contentId, languages }: ReviewPanelProps) {
  const { t, formatDate, locale } = useI18n();
  const { workspace } = useWorkspace();
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const titleId = useId();
  const query = useReview(workspace.id, contentType, contentId);
  const review = query.data;
  const languageName = (code: string) => t(`public.languageName.${code}`);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={titleId}>
          {t('review.panel.title')}
        </Title>
        {query.isPending ? <PageLoader /> : null}
        <ErrorAlert error={query.error} />
        {review ? (
          <>
            <Stack gap={6}>
              <Group gap="xs">
                <Text size="sm">{t('review.panel.stateLabel')}</Text>
                <Badge color={REVIEW_STATE_COLOR[review.state]} data-state={review.state}>
                  {t(`review.state.${review.state}`)}
                </Badge>
              </Group>
              <Text size="sm">{t('review.panel.approvals', { count: review.approvals.length, required: review.requiredApprovals })}</Text>
              {review.approvals.length > 0 ? (
                <Text size="sm" c="dimmed">
                  {t('review.panel.approvedBy', { names: list(review.approvals.map((approval) => approval.user?.name ?? '')) })}
                </Text>
              ) : null}
              {review.submittedBy ? (
                <Text size="sm" c="dimmed">
                  {t('review.panel.submittedBy', { name: review.submittedBy.name })}
                </Text>
              ) : null}
              {review.state === 'scheduled' && review.scheduledFor ? (
                <Text size="sm">
                  {t('review.panel.scheduledFor', { date: formatDate(review.scheduledFor, { dateStyle: 'full', timeStyle: 'short' }) })}
                </Text>
              ) : null}
              {review.overrideReason ? (
                <Text size="sm" dir="auto">
                  {t('review.panel.overrideReason', { reason: review.overrideReason })}
                </Text>
              ) : null}
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('review.panel.languages')}
              </Text>
              <Group gap="xs">
                {review.languages
                  .filter((entry) => languages.includes(entry.language))
                  .map((entry) => (
                    <Badge
                      key={entry.language}
                      variant="filled"
                      color={STATUS_COLOR[entry.status as keyof typeof STATUS_COLOR] ?? 'gray.7'}
                      data-language={entry.language}
                    >
                      {languageName(entry.language)} · {t(`web.status.${entry.status}`)}
                    </Badge>
                  ))}
              </Group>
              {review.incompleteLanguages.length > 0 && ['approved', 'scheduled', 'in_review'].includes(review.state) ? (
                <Alert color="orange" variant="light" p="xs">
                  {t('review.panel.languagesIncomplete', { languages: list(review.incompleteLanguages.map(languageName)) })}
                </Alert>
              ) : null}
            </Stack>
            <ReviewActions review={review} />
            <Divider />
            <ReviewComments review={review} languages={languages} />
            <Divider />
            <ReviewHistory events={review.events} />
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}
