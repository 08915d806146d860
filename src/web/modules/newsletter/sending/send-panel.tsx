/**
 * The send panel of an issue: how many people it reaches, "Send now" behind a confirmation (one
 * request however many clicks), then live progress — polled every second while sending — with pause,
 * resume and cancel, and the messages whose fate is unknown, which only an admin resolves.
 */
import { Alert, Badge, Button, Card, Group, Modal, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { Translate } from '../../../../shared/i18n/translator.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { statsKeys } from '../stats/stats-api.js';
import { type SendAction, type SendProgress, sendAction, sendingKeys, useSendProgress } from './sending-api.js';
import { UnconfirmedRows } from './unconfirmed-rows.js';

const STATUS_COLOR: Record<SendProgress['status'], string> = {
  draft: 'gray.7',
  scheduled: 'indigo.9',
  sending: 'blue.9',
  paused: 'orange.9',
  sent: 'teal.9',
  cancelled: 'red.9',
};

/** Seconds as the largest sensible unit: "45 seconds", "12 minutes", "3 hours". */
export function durationText(t: Translate, seconds: number): string {
  if (seconds < 60) return t('newsletterSending.duration.seconds', { count: Math.max(1, Math.round(seconds)) });
  if (seconds < 90 * 60) return t('newsletterSending.duration.minutes', { count: Math.round(seconds / 60) });
  return t('newsletterSending.duration.hours', { count: Math.round(seconds / 3600) });
}

function BeforeSending({
  progress,
  canSend,
  isPending,
  onSend,
}: {
  progress: SendProgress;
  canSend: boolean;
  isPending: boolean;
  onSend: () => void;
}) {
  const { t, formatDate } = useI18n();
  const [isConfirming, setConfirming] = useState(false);
  const count = progress.audienceCount ?? 0;
  const isApproved = progress.review.state === 'approved' || progress.review.state === 'scheduled' || progress.review.state === 'published';
  return (
    <Stack gap="sm">
      <Text data-testid="send-audience">{t('newsletterSending.audience', { count })}</Text>
      {progress.review.state === 'scheduled' && progress.review.scheduledFor ? (
        <Alert color="indigo" variant="light">
          {t('newsletterSending.scheduledFor', {
            date: formatDate(progress.review.scheduledFor, { dateStyle: 'full', timeStyle: 'short' }),
          })}
        </Alert>
      ) : null}
      {isApproved ? null : <Text c="dimmed">{t('newsletterSending.notApproved')}</Text>}
      {progress.transport === 'outbox' ? (
        <Alert color="yellow" variant="light">
          {t('newsletterSending.outbox')}
        </Alert>
      ) : null}
      {canSend ? (
        <Group>
          <Button onClick={() => setConfirming(true)} disabled={!progress.canSend || count === 0 || isPending}>
            {t('newsletterSending.sendNow')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={isConfirming} onClose={() => setConfirming(false)} title={t('newsletterSending.confirm.title')} centered>
        <Stack>
          <Text>{t('newsletterSending.confirm.body', { count })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={isPending}>
              {t('newsletterSending.confirm.back')}
            </Button>
            <Button
              loading={isPending}
              disabled={isPending}
              // A second click while the first request runs does nothing (the server would refuse it anyway).
              onClick={onSend}
            >
              {t('newsletterSending.confirm.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function Figures({ progress }: { progress: SendProgress }) {
  const { t, formatNumber, formatDate } = useI18n();
  const total = progress.recipientCount ?? 0;
  const { sent, failed, bounced, pending, sending } = progress.counts;
  const done = sent + failed + bounced;
  const percent = total > 0 ? Math.min(100, Math.floor((100 * done) / total)) : 0;
  return (
    <Stack gap="xs">
      {progress.isPreparing ? <Text>{t('newsletterSending.preparing')}</Text> : null}
      <Progress value={percent} size="lg" aria-label={t('newsletterSending.progressLabel')} animated={progress.status === 'sending'} />
      <Text size="sm">{t('newsletterSending.done', { done: formatNumber(done), total: formatNumber(total) })}</Text>
      <Group gap="lg" data-testid="send-figures">
        <Text size="sm">{t('newsletterSending.sent', { count: sent })}</Text>
        <Text size="sm">{t('newsletterSending.failed', { count: failed })}</Text>
        {bounced > 0 ? <Text size="sm">{t('newsletterSending.bounced', { count: bounced })}</Text> : null}
        <Text size="sm">{t('newsletterSending.remaining', { count: pending + sending - progress.unconfirmed })}</Text>
      </Group>
      {progress.status === 'sending' && progress.ratePerSecond > 0 ? (
        <Text size="sm">
          {t('newsletterSending.rate', { rate: formatNumber(progress.ratePerSecond) })}
          {progress.secondsLeft !== null
            ? ` · ${t('newsletterSending.timeLeft', { duration: durationText(t, progress.secondsLeft) })}`
            : ''}
        </Text>
      ) : null}
      {progress.windowWaitUntil ? (
        <Alert color="orange" variant="light">
          {t('newsletterSending.windowWait', { date: formatDate(progress.windowWaitUntil, { dateStyle: 'medium', timeStyle: 'short' }) })}
        </Alert>
      ) : null}
      {progress.finishedAt ? (
        <Text size="sm" c="dimmed">
          {t(progress.status === 'cancelled' ? 'newsletterSending.cancelledAt' : 'newsletterSending.finishedAt', {
            date: formatDate(progress.finishedAt, { dateStyle: 'medium', timeStyle: 'short' }),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function SendPanel({ workspaceId, issueId }: { workspaceId: string; issueId: string }) {
  const { t } = useI18n();
  const { can } = useWorkspace();
  const titleId = useId();
  const queryClient = useQueryClient();
  const query = useSendProgress(workspaceId, issueId);
  const [isCancelling, setCancelling] = useState(false);
  const mutation = useMutation({
    mutationFn: (action: SendAction) => sendAction(workspaceId, issueId, action),
    onSuccess: (progress) => {
      queryClient.setQueryData(sendingKeys.progress(workspaceId, issueId), progress);
      setCancelling(false);
    },
    // Another click or another person moved the send meanwhile: show where it is now.
    onError: () => queryClient.invalidateQueries({ queryKey: sendingKeys.progress(workspaceId, issueId) }),
  });
  const canSend = can('newsletter:send');
  // Set synchronously on the first click: the mutation's own pending state reaches the buttons one
  // render later, and a fast double click must still send one request.
  const isSubmitting = useRef(false);
  const run = (action: SendAction) => {
    if (isSubmitting.current) return;
    isSubmitting.current = true;
    mutation.mutate(action, {
      onSettled: () => {
        isSubmitting.current = false;
      },
    });
  };

  // The statistics beside the panel read once; a send that starts or ends here changes them.
  const status = query.data?.status;
  const seenStatus = useRef(status);
  useEffect(() => {
    if (status === undefined) return;
    if (seenStatus.current !== undefined && seenStatus.current !== status) {
      void queryClient.invalidateQueries({ queryKey: statsKeys.issue(workspaceId, issueId) });
      void queryClient.invalidateQueries({ queryKey: statsKeys.overview(workspaceId) });
    }
    seenStatus.current = status;
  }, [status, queryClient, workspaceId, issueId]);

  if (query.isPending) return <PageLoader />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const progress = query.data;
  const isBefore = progress.status === 'draft' || progress.status === 'scheduled';
  return (
    <Card withBorder component="section" aria-labelledby={titleId} padding="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id={titleId}>
            {t('newsletterSending.title')}
          </Title>
          <Badge color={STATUS_COLOR[progress.status]} data-testid="send-status" data-status={progress.status}>
            {t(`newsletterSending.status.${progress.status}`)}
          </Badge>
        </Group>
        {isBefore ? (
          <BeforeSending progress={progress} canSend={canSend} isPending={mutation.isPending} onSend={() => run('start')} />
        ) : (
          <Figures progress={progress} />
        )}
        {canSend && (progress.status === 'sending' || progress.status === 'paused') ? (
          <Group gap="xs">
            {progress.status === 'sending' ? (
              <Button variant="light" onClick={() => run('pause')} loading={mutation.isPending && mutation.variables === 'pause'}>
                {t('newsletterSending.pause')}
              </Button>
            ) : (
              <Button variant="light" onClick={() => run('resume')} loading={mutation.isPending && mutation.variables === 'resume'}>
                {t('newsletterSending.resume')}
              </Button>
            )}
            <Button variant="light" color="red" onClick={() => setCancelling(true)} disabled={mutation.isPending}>
              {t('newsletterSending.cancel')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={mutation.error} />
        {progress.unconfirmed > 0 ? (
          progress.canResolveUnconfirmed ? (
            <UnconfirmedRows workspaceId={workspaceId} issueId={issueId} count={progress.unconfirmed} />
          ) : (
            <Alert color="orange" variant="light">
              {t('newsletterSending.unconfirmed.waiting', { count: progress.unconfirmed })}
            </Alert>
          )
        ) : null}
      </Stack>
      <Modal opened={isCancelling} onClose={() => setCancelling(false)} title={t('newsletterSending.cancelConfirm.title')} centered>
        <Stack>
          <Text>{t('newsletterSending.cancelConfirm.body', { count: progress.counts.pending })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setCancelling(false)}>
              {t('newsletterSending.cancelConfirm.back')}
            </Button>
            <Button color="red" loading={mutation.isPending} onClick={() => run('cancel')}>
              {t('newsletterSending.cancelConfirm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
