/**
 * The comments inbox (`/w/:ws/social/inbox`): people's comments on the page's recent posts, newest
 * activity first, by thread; filtered by state (to handle, handled, hidden, all), language and post;
 * how many are waiting; refresh now. Comments are read from the page every five minutes.
 */
import { Alert, Anchor, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { CommentLanguage } from '../../../../shared/social/comment-language.js';
import { COMMENT_LANGUAGES } from '../../../../shared/social/comment-language.js';
import { INBOX_STATES, type InboxState } from '../../../../shared/social/inbox.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, errorMessage } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SocialNav } from '../social-nav.js';
import { type InboxFilters, useInboxPages, useInboxPosts, useInboxStatus, useRefresh } from './inbox-api.js';
import { postExcerptIn, shorten } from './inbox-format.js';
import { InboxThreadCard } from './inbox-thread.js';

const EXCERPT_IN_FILTER = 70;

export function SocialInboxPage() {
  const { t, locale, formatDate, formatNumber } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [state, setState] = useState<InboxState>('open');
  const [language, setLanguage] = useState<CommentLanguage | null>(null);
  const [post, setPost] = useState<string | null>(null);
  const filters: InboxFilters = { state, ...(language ? { language } : {}), ...(post ? { post } : {}) };
  const pages = useInboxPages(workspace.id, filters);
  const posts = useInboxPosts(workspace.id);
  const status = useInboxStatus(workspace.id);
  const refresh = useRefresh(workspace.id);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const first = pages.data?.pages[0];
  const channels = status.data?.channels ?? [];
  const needingReconnection = channels.filter((channel) => channel.status === 'needs_reconnection');
  const syncedAt = channels
    .map((channel) => channel.syncedAt)
    .filter((value): value is string => Boolean(value))
    .sort()
    .at(-1);
  const refreshError =
    refresh.error instanceof ApiError && refresh.error.code === 'CHANNEL_THROTTLED'
      ? t('socialInbox.error.throttled')
      : refresh.error
        ? errorMessage(refresh.error, t)
        : null;
  const added = refresh.data?.channels.reduce((sum, channel) => sum + channel.added, 0);

  return (
    <Stack>
      <SocialNav active="inbox" />
      <Group justify="space-between" align="end">
        <Stack gap={2}>
          <Title order={1} size="h2">
            {t('socialInbox.title')}
          </Title>
          {first ? (
            <Text data-testid="inbox-open-count" aria-live="polite">
              {first.isOpenCountCapped
                ? t('socialInbox.openCount.capped', { count: first.openCount, shown: formatNumber(first.openCount) })
                : t('socialInbox.openCount', { count: first.openCount })}
            </Text>
          ) : null}
        </Stack>
        <Group gap="sm" align="center">
          <Text size="sm" c="dimmed" data-testid="inbox-synced-at">
            {syncedAt
              ? t('socialInbox.syncedAt', {
                  date: formatDate(syncedAt, { dateStyle: 'medium', timeStyle: 'short', timeZone: workspace.timeZone }),
                })
              : channels.length > 0
                ? t('socialInbox.neverSynced')
                : null}
          </Text>
          {can('social:engage') && channels.length > 0 ? (
            <Button variant="default" onClick={() => refresh.mutate()} loading={refresh.isPending}>
              {t('socialInbox.refresh')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {refreshError ? (
        <Alert color="red" role="alert">
          {refreshError}
        </Alert>
      ) : null}
      {added !== undefined && refresh.isSuccess ? (
        <Text size="sm" role="status">
          {t('socialInbox.refreshed', { count: added })}
        </Text>
      ) : null}
      {channels.some((channel) => channel.isSandbox) ? (
        <Alert color="blue" variant="light">
          {t('socialInbox.sandbox')}
        </Alert>
      ) : null}
      {needingReconnection.map((channel) => (
        <Alert key={channel.channelId} color="orange" variant="light" role="alert">
          <Stack gap={4}>
            <Text size="sm">{t('socialInbox.needsReconnection', { name: channel.name })}</Text>
            <Anchor component={Link} href={href('/social/channels')} size="sm">
              {t('socialInbox.needsReconnection.action')}
            </Anchor>
          </Stack>
        </Alert>
      ))}
      {status.isSuccess && channels.length === 0 ? (
        <Alert color="gray" variant="light">
          <Stack gap={4}>
            <Text size="sm">{t('socialInbox.noChannel')}</Text>
            <Anchor component={Link} href={href('/social/channels')} size="sm">
              {t('socialInbox.noChannel.action')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
      <SegmentedControl
        aria-label={t('socialInbox.filter.state')}
        value={state}
        onChange={(value) => setState(value as InboxState)}
        data={INBOX_STATES.map((value) => ({ value, label: t(`socialInbox.state.${value}`) }))}
        w="fit-content"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('socialInbox.filter.language')}
          placeholder={t('web.filter.all')}
          clearable
          value={language}
          onChange={(value) => setLanguage(value as CommentLanguage | null)}
          data={COMMENT_LANGUAGES.map((code) => ({ value: code, label: t(`public.languageName.${code}`) }))}
        />
        <Select
          label={t('socialInbox.filter.post')}
          placeholder={t('socialInbox.filter.allPosts')}
          clearable
          searchable
          value={post}
          onChange={setPost}
          data={(posts.data?.items ?? []).map((item) => ({
            value: item.externalId,
            label: `${shorten(postExcerptIn(item.excerpt, locale)?.text ?? t('socialInbox.post.untitled'), EXCERPT_IN_FILTER)} (${formatNumber(item.open)})`,
          }))}
        />
      </SimpleGrid>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Stack component="section" gap="sm" aria-label={t('socialInbox.list')}>
          {items.map((thread) => (
            <InboxThreadCard key={thread.id} thread={thread} />
          ))}
          {items.length === 0 ? (
            <Text c="dimmed" data-testid="inbox-empty">
              {state === 'open' && !language && !post ? t('socialInbox.empty.open') : t('socialInbox.empty.filtered')}
            </Text>
          ) : null}
        </Stack>
      )}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}
