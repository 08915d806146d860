/** The actions open to the member now, as buttons; those that need more (a note, a date, an override reason) open a short form. */
import { Alert, Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { REVIEW_NOTE_MAX, REVIEW_OVERRIDE_MAX, REVIEW_TRANSITIONS, type ReviewAction } from '../../../shared/review/review.schema.js';
import { useWorkspace } from '../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../components/form-errors.js';
import { useT } from '../../i18n/i18n-context.js';
import { type Review, reviewQueryKey, transitionReview } from './review-api.js';

export function ReviewActions({ review }: { review: Review }) {
  const t = useT();
  const { workspace } = useWorkspace();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<ReviewAction | null>(null);
  const [note, setNote] = useState('');
  const [scheduledFor, setScheduledFor] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const isIncomplete = review.incompleteLanguages.length > 0;
  const needsOverride = (action: ReviewAction) => Boolean(REVIEW_TRANSITIONS[action].needsCompleteLanguages) && isIncomplete;
  const mutation = useMutation({
    mutationFn: (action: ReviewAction) =>
      transitionReview(workspace.id, review.contentType, review.contentId, {
        action,
        note: note.trim() || undefined,
        scheduledFor: action === 'schedule' && scheduledFor ? new Date(scheduledFor).toISOString() : undefined,
        override: needsOverride(action) && overrideReason.trim() ? { reason: overrideReason.trim() } : undefined,
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(reviewQueryKey(workspace.id, review.contentType, review.contentId), saved);
      setOpen(null);
      setNote('');
      setScheduledFor('');
      setOverrideReason('');
    },
  });
  const fields = fieldsFromApiError(mutation.error);
  const start = (action: ReviewAction) => {
    mutation.reset();
    const transition = REVIEW_TRANSITIONS[action];
    if (transition.isNoteRequired || transition.isDateRequired || needsOverride(action)) setOpen(action);
    else mutation.mutate(action);
  };

  if (review.allowedActions.length === 0) {
    return (
      <Alert color="gray" variant="light">
        {t('review.panel.noActions')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {review.allowedActions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={open === action ? 'filled' : 'light'}
            disabled={needsOverride(action) && !review.canOverride}
            loading={mutation.isPending && mutation.variables === action}
            aria-expanded={open === action ? true : undefined}
            onClick={() => start(action)}
          >
            {t(`review.action.${action}`)}
          </Button>
        ))}
      </Group>
      {open ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (!mutation.isPending) mutation.mutate(open);
          }}
        >
          <Stack gap="xs">
            <Textarea
              label={REVIEW_TRANSITIONS[open].isNoteRequired ? t('review.form.noteRequired') : t('review.form.note')}
              withAsterisk={REVIEW_TRANSITIONS[open].isNoteRequired}
              value={note}
              maxLength={REVIEW_NOTE_MAX}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={fields.note}
              dir="auto"
              rows={3}
            />
            {REVIEW_TRANSITIONS[open].isDateRequired ? (
              <TextInput
                type="datetime-local"
                label={t('review.form.scheduledFor')}
                withAsterisk
                value={scheduledFor}
                onChange={(event) => setScheduledFor(event.currentTarget.value)}
                error={fields.scheduledFor}
                maw={280}
              />
            ) : null}
            {needsOverride(open) ? (
              <TextInput
                label={t('review.form.override')}
                withAsterisk
                value={overrideReason}
                maxLength={REVIEW_OVERRIDE_MAX}
                onChange={(event) => setOverrideReason(event.currentTarget.value)}
                error={fields['override.reason'] ?? fields.override}
                dir="auto"
              />
            ) : null}
            <Group gap="xs">
              <Button type="submit" size="sm" loading={mutation.isPending}>
                {t('review.panel.confirm', { action: t(`review.action.${open}`) })}
              </Button>
              <Button size="sm" variant="default" onClick={() => setOpen(null)}>
                {t('web.action.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
      <ErrorAlert error={mutation.error} />
    </Stack>
  );
}
