/**
 * The workspace's posts (`/w/:ws/social`): the newest first, or the next to go out first; filtered
 * by status, page, language and campaign; each with its status, languages, attachment and when it
 * goes (or went) out, in the workspace's time zone worded in the reader's language. A new post, and
 * the shared calendar where scheduled posts show.
 */
import { Anchor, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'wouter';
import type { ContentLanguage } from '../../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import { POST_STATUSES } from '../../../../shared/social/posts.schema.js';
import type { PostListOrder } from '../../../../shared/social/posts-api.schema.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert } from '../../../components/form-errors.js';
import { LoadMoreButton } from '../../../components/load-more-button.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { SocialNav } from '../social-nav.js';
import { localWhen } from './post-draft.js';
import { PostStatusBadge } from './post-schedule-panel.js';
import {
  type Post,
  type PostFilters,
  type PostStatus,
  type SocialChannel,
  useCampaignChoices,
  useChannels,
  usePostPages,
} from './posts-api.js';

function PostRow({ post, channel, campaign }: { post: Post; channel: SocialChannel | undefined; campaign: string | undefined }) {
  const { t, formatDate } = useI18n();
  const { workspace, href } = useWorkspace();
  const timeZone = post.scheduledLocal?.timeZone ?? workspace.timeZone ?? 'UTC';
  const at = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const when =
    post.status === 'published' && post.publishedAt
      ? t('socialPosts.publishedAt', { date: at(post.publishedAt) })
      : post.scheduledLocal && ['scheduled', 'publishing', 'held', 'failed'].includes(post.status)
        ? t('socialPosts.scheduledFor', { date: localWhen(formatDate, post.scheduledLocal, 'medium'), timeZone })
        : t('socialPosts.list.updatedOn', { date: formatDate(post.updatedAt, { dateStyle: 'medium', timeZone }) });
  const written = workspace.contentLanguages.filter((language) => post.text[language as ContentLanguage]?.value.trim());
  const languages = written.map((language) => t(`public.languageName.${language}`)).join(' · ');
  const attachment = post.link
    ? t('socialPosts.list.withLink')
    : post.assetIds.length > 0
      ? t('socialPosts.list.withPhotos', { count: post.assetIds.length })
      : null;
  return (
    <li className="tawasul-list-row" data-testid="post-row" data-status={post.status}>
      <Anchor component={Link} href={href(`/social/posts/${post.id}`)} fw={600} className="tawasul-list-row-title">
        <LocalizedValue value={post.text} fallbacks={workspace.contentLanguages} empty={t('socialPosts.untitled')} inherit lineClamp={2} />
      </Anchor>
      <Text size="sm" c="dimmed">
        {[t(`socialPosts.list.mode.${post.languageMode}`), languages, attachment, channel?.name, campaign].filter(Boolean).join(' · ')}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Text size="sm" data-testid="post-when">
          {when}
        </Text>
        <PostStatusBadge status={post.status} />
      </Group>
    </li>
  );
}

export function SocialPostsPage() {
  const { t, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const [status, setStatus] = useState<PostStatus | null>(null);
  const [channelId, setChannelId] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [order, setOrder] = useState<PostListOrder>('newest');
  const filters: PostFilters = {
    order,
    ...(status ? { status } : {}),
    ...(channelId ? { channelId } : {}),
    ...(language ? { language } : {}),
    ...(campaignId ? { campaignId } : {}),
  };
  const pages = usePostPages(workspace.id, filters);
  const channels = useChannels(workspace.id);
  const campaigns = useCampaignChoices(workspace.id);
  const items = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const channelItems = channels.data?.items ?? [];
  const campaignTitle = (id: string | null) => {
    const campaign = campaigns.data?.items.find((item) => item.id === id);
    return campaign ? pickLocalized(campaign.title as LocalizedText, locale, workspace.contentLanguages)?.value : undefined;
  };
  const isFiltered = Boolean(status || channelId || language || campaignId);

  return (
    <Stack>
      <SocialNav active="posts" />
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('socialPosts.title')}
        </Title>
        <Group gap="xs">
          <Button component={Link} href={href('/calendar')} variant="default">
            {t('socialPosts.list.calendar')}
          </Button>
          {can('social:write') ? (
            <Button component={Link} href={href('/social/posts/new')}>
              {t('socialPosts.new')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <SegmentedControl
        aria-label={t('socialPosts.list.order')}
        value={order}
        onChange={(value) => setOrder(value as PostListOrder)}
        data={[
          { value: 'newest', label: t('socialPosts.list.order.newest') },
          { value: 'next', label: t('socialPosts.list.order.next') },
        ]}
        w="fit-content"
      />
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <Select
          label={t('socialPosts.list.status')}
          placeholder={t('web.filter.all')}
          clearable
          value={status}
          onChange={(value) => setStatus(value as PostStatus | null)}
          data={POST_STATUSES.map((value) => ({ value, label: t(`socialPosts.status.${value}`) }))}
        />
        <Select
          label={t('socialPosts.channel.label')}
          placeholder={t('web.filter.all')}
          clearable
          value={channelId}
          onChange={setChannelId}
          data={channelItems.map((channel) => ({ value: channel.id, label: channel.name }))}
        />
        <Select
          label={t('socialPosts.list.language')}
          placeholder={t('web.filter.all')}
          clearable
          value={language}
          onChange={setLanguage}
          data={workspace.contentLanguages.map((code) => ({ value: code, label: t(`public.languageName.${code}`) }))}
        />
        <Select
          label={t('socialPosts.campaign.label')}
          placeholder={t('web.filter.all')}
          clearable
          searchable
          value={campaignId}
          onChange={setCampaignId}
          data={(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaignTitle(campaign.id) ?? campaign.id }))}
        />
      </SimpleGrid>
      <ErrorAlert error={pages.error} />
      {pages.isPending ? (
        <PageLoader />
      ) : (
        <Paper withBorder component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('socialPosts.title')}>
          {items.map((post) => (
            <PostRow
              key={post.id}
              post={post}
              channel={channelItems.find((channel) => channel.id === post.channelId)}
              campaign={campaignTitle(post.campaignId)}
            />
          ))}
          {items.length === 0 ? (
            <li className="tawasul-list-row">
              <Stack gap={4}>
                <Text c="dimmed">{isFiltered || order === 'next' ? t('socialPosts.list.noMatch') : t('socialPosts.empty')}</Text>
                {!isFiltered && order === 'newest' && can('social:write') ? (
                  <Anchor component={Link} href={href('/social/posts/new')} size="sm">
                    {t('socialPosts.list.startHint')}
                  </Anchor>
                ) : null}
              </Stack>
            </li>
          ) : null}
        </Paper>
      )}
      <LoadMoreButton pages={pages} />
    </Stack>
  );
}
