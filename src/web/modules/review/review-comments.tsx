/** Comments grouped by the language version they are about (with the quoted passage), a form to add one, and resolve. */
import { Badge, Blockquote, Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type ContentLanguage, directionOf } from '../../../shared/languages.js';
import { REVIEW_NOTE_MAX, REVIEW_QUOTE_MAX } from '../../../shared/review/review.schema.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../components/form-errors.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { addReviewComment, type Review, type ReviewComment, resolveReviewComment, reviewQueryKey } from './review-api.js';

const GENERAL = 'general';

function CommentItem({ comment, review }: { comment: ReviewComment; review: Review }) {
  const { t, formatDate } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const resolve = useMutation({
    mutationFn: () => resolveReviewComment(workspace.id, review.contentType, review.contentId, comment.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, review.contentType, review.contentId) }),
  });
  return (
    <Paper withBorder p="xs" component="li" data-comment-language={comment.language ?? GENERAL}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={600}>
            <bdi>{comment.author?.name ?? t('review.history.someone')}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {formatDate(comment.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
          </Text>
        </Group>
        {comment.quote ? (
          <Blockquote p="xs" lang={comment.language ?? undefined} dir={comment.language ? directionOf(comment.language) : 'auto'}>
            {comment.quote}
          </Blockquote>
        ) : null}
        <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
          {comment.body}
        </Text>
        <Group gap="xs">
          {comment.resolvedAt ? (
            <Badge color="teal.9">{t('review.comments.resolved')}</Badge>
          ) : review.canComment ? (
            <Button size="compact-sm" variant="subtle" loading={resolve.isPending} onClick={() => resolve.mutate()}>
              {t('review.comments.resolve')}
            </Button>
          ) : null}
        </Group>
        <ErrorAlert error={resolve.error} />
      </Stack>
    </Paper>
  );
}

function CommentForm({ review, languages }: { review: Review; languages: readonly string[] }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [language, setLanguage] = useState<string>(languages[0] ?? GENERAL);
  const [quote, setQuote] = useState('');
  const [body, setBody] = useState('');
  const mutation = useMutation({
    mutationFn: () =>
      addReviewComment(workspace.id, review.contentType, review.contentId, {
        language: language === GENERAL ? null : (language as ContentLanguage),
        quote: quote.trim() || undefined,
        body,
      }),
    onSuccess: async () => {
      setQuote('');
      setBody('');
      await queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, review.contentType, review.contentId) });
    },
  });
  const fields = fieldsFromApiError(mutation.error);
  const quoteDirection = language === GENERAL ? 'auto' : directionOf(language);
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!mutation.isPending) mutation.mutate();
      }}
    >
      <Stack gap="xs">
        <NativeSelect
          label={t('review.comments.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value)}
          data={[
            ...languages.map((code) => ({ value: code, label: t(`public.languageName.${code}`) })),
            { value: GENERAL, label: t('review.comments.general') },
          ]}
          error={fields.language}
        />
        <TextInput
          label={t('review.comments.quote')}
          value={quote}
          maxLength={REVIEW_QUOTE_MAX}
          onChange={(event) => setQuote(event.currentTarget.value)}
          lang={language === GENERAL ? undefined : language}
          dir={quoteDirection}
          error={fields.quote}
        />
        <Textarea
          label={t('review.comments.body')}
          withAsterisk
          value={body}
          maxLength={REVIEW_NOTE_MAX}
          onChange={(event) => setBody(event.currentTarget.value)}
          dir="auto"
          rows={3}
          error={fields.body}
        />
        <ErrorAlert error={mutation.error && Object.keys(fields).length === 0 ? mutation.error : null} />
        <Group>
          <Button type="submit" size="sm" variant="light" loading={mutation.isPending} disabled={body.trim() === ''}>
            {t('review.comments.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ReviewComments({ review, languages }: { review: Review; languages: readonly string[] }) {
  const { t } = useI18n();
  const groups = [...languages, GENERAL]
    .map((key) => ({ key, comments: review.comments.filter((comment) => (comment.language ?? GENERAL) === key) }))
    .filter((group) => group.comments.length > 0);
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('review.comments.title', { count: review.comments.length })}
      </Title>
      {groups.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('review.comments.empty')}
        </Text>
      ) : null}
      {groups.map((group) => (
        <Stack
          key={group.key}
          gap={4}
          component="section"
          aria-label={group.key === GENERAL ? t('review.comments.general') : t(`public.languageName.${group.key}`)}
        >
          <Text size="sm" fw={600}>
            {group.key === GENERAL ? t('review.comments.general') : t(`public.languageName.${group.key}`)}
          </Text>
          <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {group.comments.map((comment) => (
              <CommentItem key={comment.id} comment={comment} review={review} />
            ))}
          </Stack>
        </Stack>
      ))}
      {review.canComment ? <CommentForm review={review} languages={languages} /> : null}
    </Stack>
  );
}
