/**
 * One thread of the inbox: a person's comment (who, when, in which language, on which post), its
 * replies in order, and what an officer may do — reply as the page, hide or show it, mark it handled.
 * Comment text keeps its own direction (Arabic right to left whatever the interface language).
 */
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { SOCIAL_POST_LIMITS } from '../../../../shared/social/posts.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { errorMessage, fieldsFromApiError } from '../../../components/form-errors.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { type InboxComment, type InboxThread, newIdempotencyKey, useHandled, useHide, useReply } from './inbox-api.js';
import { postExcerptIn, shorten } from './inbox-format.js';

/** Characters of a post's excerpt shown beside a comment. */
const EXCERPT_SHOWN = 120;

/** Words of a failed action: Facebook's throttling said as "try again later" (the server's words promise a retry it only makes for posts). */
function actionError(error: unknown, t: ReturnType<typeof useI18n>['t']): string {
  if (error instanceof ApiError && error.code === 'CHANNEL_THROTTLED') return t('socialInbox.error.throttled');
  return errorMessage(error, t);
}

function useWhen() {
  const { formatDate } = useI18n();
  const { workspace } = useWorkspace();
  return (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone: workspace.timeZone ?? undefined });
}

/** A comment's text in its own direction: Arabic right to left, the rest as its first letters say. */
function CommentText({ comment }: { comment: InboxComment }) {
  return (
    <Text
      className="tawasul-pre"
      dir={comment.language === 'ar' ? 'rtl' : 'auto'}
      lang={comment.language ?? undefined}
      ta="start"
      data-testid="comment-text"
    >
      {comment.message}
    </Text>
  );
}

function Reply({ comment, canEngage }: { comment: InboxComment; canEngage: boolean }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const when = useWhen();
  const hide = useHide(workspace.id);
  const author = comment.author.name || t('socialInbox.anonymous');
  const canHide = canEngage && !comment.author.isPage && comment.externalId !== null;
  return (
    <Stack component="li" gap={2} data-testid="inbox-reply" aria-label={t('socialInbox.reply.label', { author })}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          <bdi>{author}</bdi>
        </Text>
        {comment.author.isPage ? (
          <Badge size="xs" variant="outline" color="teal.9">
            {t('socialInbox.pageBadge')}
          </Badge>
        ) : null}
        <Text size="xs" c="dimmed">
          {when(comment.createdAt)}
        </Text>
        {comment.isHidden ? (
          <Badge size="xs" color="gray.7">
            {t('socialInbox.hiddenBadge')}
          </Badge>
        ) : null}
        {canHide ? (
          <Button
            size="compact-xs"
            variant="subtle"
            loading={hide.isPending}
            onClick={() => hide.mutate({ commentId: comment.id, hidden: !comment.isHidden })}
          >
            {comment.isHidden ? t('socialInbox.unhide') : t('socialInbox.hide')}
          </Button>
        ) : null}
      </Group>
      {hide.error ? (
        <Text size="xs" c="red.9" role="alert">
          {actionError(hide.error, t)}
        </Text>
      ) : null}
      <CommentText comment={comment} />
      {comment.reply?.state === 'sent' && comment.reply.sentByName ? (
        <Text size="xs" c="dimmed">
          {t('socialInbox.reply.sentBy', { name: comment.reply.sentByName })}
        </Text>
      ) : null}
      {comment.reply && comment.reply.state !== 'sent' ? (
        <Text size="xs" c="orange.9" data-testid="reply-state">
          {t(`socialInbox.reply.state.${comment.reply.state}`)}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The reply box: one idempotency key per text, so sending the same words twice (a double click) posts once. */
function ReplyBox({ thread, onDone }: { thread: InboxThread; onDone: () => void }) {
  const { t } = useI18n();
  const { workspace } = useWorkspace();
  const reply = useReply(workspace.id);
  const [message, setMessage] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const fields = fieldsFromApiError(reply.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim() || reply.isPending) return;
    reply.mutate(
      { commentId: thread.id, message: message.trim(), idempotencyKey: key },
      {
        onSuccess: () => {
          setMessage('');
          setKey(newIdempotencyKey());
          onDone();
        },
      },
    );
  };
  return (
    <Stack component="form" gap="xs" onSubmit={submit}>
      <Textarea
        label={t('socialInbox.reply.box')}
        description={t('socialInbox.reply.asPage', { page: thread.channelName })}
        placeholder={t('socialInbox.reply.placeholder')}
        value={message}
        onChange={(event) => {
          setMessage(event.currentTarget.value);
          setKey(newIdempotencyKey());
        }}
        dir="auto"
        rows={3}
        maxLength={SOCIAL_POST_LIMITS.commentCharacters}
        error={fields.message}
        data-autofocus
        autoFocus
      />
      {reply.error && !fields.message ? (
        <Alert color="red" role="alert">
          {actionError(reply.error, t)}
        </Alert>
      ) : null}
      <Group gap="xs">
        <Button type="submit" loading={reply.isPending} disabled={!message.trim()}>
          {t('socialInbox.reply.send')}
        </Button>
        <Button variant="subtle" onClick={onDone} disabled={reply.isPending}>
          {t('socialInbox.reply.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function InboxThreadCard({ thread }: { thread: InboxThread }) {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const when = useWhen();
  const hide = useHide(workspace.id);
  const handled = useHandled(workspace.id);
  const [isReplying, setReplying] = useState(false);
  const author = thread.author.name || t('socialInbox.anonymous');
  const canEngage = can('social:engage');
  const error = hide.error ?? handled.error;
  const post = thread.post;
  const line = postExcerptIn(post.excerpt, locale);
  const excerpt = line ? shorten(line.text, EXCERPT_SHOWN) : t('socialInbox.post.untitled');
  const excerptDir = line?.language === 'ar' ? 'rtl' : line ? 'ltr' : undefined;
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      aria-label={t('socialInbox.thread.label', { author })}
      data-testid="inbox-thread"
      data-comment-id={thread.id}
      data-state={thread.isHidden ? 'hidden' : thread.handled ? 'handled' : 'open'}
    >
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" align="baseline">
          <Group gap="xs" align="baseline">
            <Text fw={700}>
              <bdi>{author}</bdi>
            </Text>
            <Text size="sm" c="dimmed">
              {when(thread.createdAt)}
            </Text>
            {thread.language ? (
              <Badge size="sm" variant="outline" color="gray.7">
                {t(`public.languageName.${thread.language}`)}
              </Badge>
            ) : null}
          </Group>
          <Group gap="xs">
            {thread.isHidden ? <Badge color="gray.7">{t('socialInbox.hiddenBadge')}</Badge> : null}
            {thread.handled ? <Badge color="teal.9">{t('socialInbox.handledBadge')}</Badge> : null}
          </Group>
        </Group>
        <CommentText comment={thread} />
        <Text size="sm" c="dimmed">
          {t('socialInbox.post.on')}{' '}
          {post.postId ? (
            <Anchor component={Link} href={href(`/social/posts/${post.postId}`)} size="sm" dir={excerptDir}>
              {excerpt}
            </Anchor>
          ) : post.permalinkUrl ? (
            <Anchor href={post.permalinkUrl} target="_blank" rel="noreferrer" size="sm" dir={excerptDir}>
              {excerpt}
            </Anchor>
          ) : (
            <bdi dir={excerptDir}>{excerpt}</bdi>
          )}
        </Text>
        {thread.handled ? (
          <Text size="xs" c="dimmed">
            {thread.handled.byName
              ? t('socialInbox.handledBy', { name: thread.handled.byName, date: when(thread.handled.at) })
              : t('socialInbox.handledOn', { date: when(thread.handled.at) })}
          </Text>
        ) : null}
        {thread.replies.length > 0 ? (
          <Stack
            component="ul"
            gap="sm"
            m={0}
            p={0}
            ps="md"
            aria-label={t('socialInbox.replies', { count: thread.replies.length })}
            style={{ listStyle: 'none', borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}
          >
            {thread.replies.map((comment) => (
              <Reply key={comment.id} comment={comment} canEngage={canEngage} />
            ))}
          </Stack>
        ) : null}
        {error ? (
          <Alert color="red" role="alert">
            {actionError(error, t)}
          </Alert>
        ) : null}
        {canEngage && isReplying ? <ReplyBox thread={thread} onDone={() => setReplying(false)} /> : null}
        {canEngage ? (
          <Group gap="xs">
            {!isReplying ? (
              <Button size="xs" onClick={() => setReplying(true)}>
                {t('socialInbox.reply.action')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="default"
              loading={handled.isPending}
              onClick={() => handled.mutate({ commentId: thread.id, handled: !thread.handled })}
            >
              {thread.handled ? t('socialInbox.handled.reopen') : t('socialInbox.handled.mark')}
            </Button>
            <Button
              size="xs"
              variant="default"
              loading={hide.isPending}
              onClick={() => hide.mutate({ commentId: thread.id, hidden: !thread.isHidden })}
            >
              {thread.isHidden ? t('socialInbox.unhide') : t('socialInbox.hide')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
