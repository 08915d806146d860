/**
 * Where a post goes out: its status in words (scheduled for when, in the workspace's time zone;
 * published with its link on the page; held until the page is reconnected; failed and why), and —
 * for publishers, once the workflow approved it — scheduling at a date and time of the workspace's
 * clock, at the page's next free queue slot, or now; taking it off the calendar; the ledger of what
 * went to the page. The review panel's own schedule buttons are hidden for posts: this is the place.
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { PostSchedule } from '../../../../shared/social/posts-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { localWhen } from './post-draft.js';
import { POST_STATUS_COLOR, type PostDetail, type PostStatus, schedulePost, unschedulePost } from './posts-api.js';

const SCHEDULABLE: readonly PostStatus[] = ['approved', 'scheduled', 'failed', 'held'];
const UNSCHEDULABLE: readonly PostStatus[] = ['scheduled', 'held'];
type Mode = PostSchedule['mode'];

export function PostStatusBadge({ status }: { status: PostStatus }) {
  const { t } = useI18n();
  return (
    <Badge color={POST_STATUS_COLOR[status]} variant="filled" data-status={status}>
      {t(`socialPosts.status.${status}`)}
    </Badge>
  );
}

/** The words of a failure or hold reason (a channel error kind or a rule), or the code itself when new. */
export function reasonWords(t: (key: string) => string, kind: string | null): string {
  const base = (kind ?? 'transient').split(':')[0] ?? 'transient';
  const key = `socialPosts.reason.${base}`;
  const words = t(key);
  return words === key ? base : words;
}

export interface PostSchedulePanelProps {
  post: PostDetail;
  channelName: string | null;
  /** Unsaved changes: scheduling waits for them to be saved (a save can send the post back to review). */
  isDirty: boolean;
  onChanged(post: PostDetail): void;
}

export function PostSchedulePanel({ post, channelName, isDirty, onChanged }: PostSchedulePanelProps) {
  const { t, formatDate } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const titleId = useId();
  const timeZone = post.scheduledLocal?.timeZone ?? workspace.timeZone ?? 'UTC';
  const [mode, setMode] = useState<Mode>('at');
  const [date, setDate] = useState(post.scheduledLocal?.date ?? '');
  const [time, setTime] = useState(post.scheduledLocal?.time ?? '');
  const schedule = useMutation({
    mutationFn: (body: PostSchedule) => schedulePost(workspace.id, post.id, body),
    onSuccess: onChanged,
  });
  const unschedule = useMutation({ mutationFn: () => unschedulePost(workspace.id, post.id), onSuccess: onChanged });
  const fields = fieldsFromApiError(schedule.error);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const canPublish = can('social:publish');
  const isSchedulable = SCHEDULABLE.includes(post.status);
  const when = (iso: string) => formatDate(iso, { dateStyle: 'full', timeStyle: 'short', timeZone });
  const published = post.publications.filter((publication) => publication.permalinkUrl);
  const otherFields = Object.entries(fields).filter(([path]) => !['date', 'time', 'mode'].includes(path));

  const submit = () => {
    if (mode === 'at') {
      const absent: Record<string, string> = {};
      if (!date) absent.date = t('fieldErrors.REQUIRED');
      if (!time) absent.time = t('fieldErrors.REQUIRED');
      setMissing(absent);
      if (Object.keys(absent).length > 0) return;
      schedule.mutate({ mode, date, time });
    } else {
      setMissing({});
      schedule.mutate({ mode });
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('socialPosts.schedule.panelTitle')}
        </Title>
        <Group gap="xs">
          <Text size="sm">{t('socialPosts.schedule.statusLabel')}</Text>
          <PostStatusBadge status={post.status} />
        </Group>
        {post.scheduledLocal && ['scheduled', 'publishing', 'held'].includes(post.status) ? (
          <Text size="sm" data-testid="scheduled-for">
            {t('socialPosts.scheduledFor', { date: localWhen(formatDate, post.scheduledLocal, 'full'), timeZone })}
          </Text>
        ) : null}
        {post.status === 'publishing' ? <Text size="sm">{t('socialPosts.schedule.publishing')}</Text> : null}
        {post.status === 'published' && post.publishedAt ? (
          <Text size="sm">{t('socialPosts.publishedAt', { date: when(post.publishedAt) })}</Text>
        ) : null}
        {published.length > 0 ? (
          <Group gap="md">
            {published.map((publication) => (
              <Anchor key={publication.id} href={publication.permalinkUrl ?? undefined} target="_blank" rel="noreferrer" size="sm">
                {published.length > 1
                  ? t('socialPosts.publication.viewTarget', { target: t(`socialPosts.publication.target.${publication.target}`) })
                  : t('socialPosts.publication.view')}
              </Anchor>
            ))}
          </Group>
        ) : null}
        {post.status === 'held' ? (
          <Alert color="yellow" variant="light" title={t('socialPosts.status.held')}>
            <Stack gap={4}>
              <Text size="sm">{t('socialPosts.held.banner', { channel: channelName ?? '' })}</Text>
              {can('social:connect') ? (
                <Anchor component={Link} href={href('/social/channels')} size="sm">
                  {t('socialPosts.held.reconnect')}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        {post.status === 'failed' ? (
          <Alert color="red" variant="light" title={t('socialPosts.status.failed')}>
            {t('socialPosts.failed.banner', { reason: reasonWords(t, post.lastErrorKind) })}
          </Alert>
        ) : null}
        {['draft', 'in_review', 'changes_requested'].includes(post.status) ? (
          <Text size="sm" c="dimmed">
            {t('socialPosts.schedule.notApproved')}
          </Text>
        ) : null}
        {canPublish && isSchedulable ? (
          <Stack gap="xs">
            <Radio.Group
              label={t('socialPosts.schedule.when')}
              value={mode}
              onChange={(value) => setMode(value as Mode)}
              error={fields.mode}
            >
              <Stack gap={6} mt={4}>
                <Radio value="at" label={t('socialPosts.schedule.at')} />
                <Radio value="next_slot" label={t('socialPosts.schedule.nextSlot')} />
                <Radio value="now" label={t('socialPosts.schedule.now')} />
              </Stack>
            </Radio.Group>
            {mode === 'at' ? (
              <Group gap="xs" align="flex-start">
                <TextInput
                  type="date"
                  label={t('socialPosts.schedule.date')}
                  value={date}
                  onChange={(event) => setDate(event.currentTarget.value)}
                  error={missing.date ?? fields.date}
                  dir="ltr"
                />
                <TextInput
                  type="time"
                  label={t('socialPosts.schedule.time')}
                  description={t('socialPosts.schedule.timeZone', { timeZone })}
                  value={time}
                  onChange={(event) => setTime(event.currentTarget.value)}
                  error={missing.time ?? fields.time}
                  dir="ltr"
                />
              </Group>
            ) : null}
            {mode === 'next_slot' ? (
              <Text size="xs" c="dimmed">
                {t('socialPosts.queue.hint')}
              </Text>
            ) : null}
            {isDirty ? (
              <Text size="sm" c="dark.6" fw={600}>
                {t('socialPosts.schedule.saveFirst')}
              </Text>
            ) : null}
            <Group gap="xs">
              <Button onClick={submit} loading={schedule.isPending} disabled={isDirty}>
                {mode === 'next_slot' ? t('socialPosts.schedule.addToQueue') : t('socialPosts.schedule.submit')}
              </Button>
              {UNSCHEDULABLE.includes(post.status) ? (
                <Button variant="default" color="red" onClick={() => unschedule.mutate()} loading={unschedule.isPending}>
                  {t('socialPosts.unschedule')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        ) : null}
        <ErrorAlert error={schedule.error ?? unschedule.error} />
        {otherFields.length > 0 ? (
          <Stack gap={2} component="ul" m={0} ps="md">
            {otherFields.map(([path, message]) => (
              <Text key={path} component="li" size="sm" c="red.9">
                {message}
              </Text>
            ))}
          </Stack>
        ) : null}
        {post.publications.length > 0 ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('socialPosts.publication.title')}
            </Text>
            {post.publications.map((publication) => (
              <Text key={publication.id} size="sm" data-testid="publication" data-state={publication.state}>
                {[
                  t(`socialPosts.publication.target.${publication.target}`),
                  t(`socialPosts.publication.${publication.state}`),
                  t('socialPosts.publication.attempts', { count: publication.attempts }),
                  publication.firstCommentState === 'posted'
                    ? t('socialPosts.firstComment.posted')
                    : publication.firstCommentState === 'failed'
                      ? t('socialPosts.firstComment.failed')
                      : publication.firstCommentState === 'pending'
                        ? t('socialPosts.firstComment.pending')
                        : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
