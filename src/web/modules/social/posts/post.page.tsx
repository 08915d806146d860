/**
 * The composer of one post (`/w/:ws/social/posts/:postId`, `new` for a new one): its page and
 * campaign, its language mode, its text, hashtags and first comment per language with their
 * character counts, its photos or link; beside them the live preview in the page's look, where it
 * goes out (scheduling, status, the ledger) and its review.
 *
 * Decision: saving is explicit (a button, Ctrl+S), not automatic, as in the newsletter's composer:
 * a save of an approved or scheduled post sends it back to review and off the calendar, so the
 * officer decides when a version exists; the page says so before they save, and says when there
 * are unsaved changes. Versions guard concurrent edits: a conflict offers to load the other version.
 */
import { Alert, Anchor, Button, Grid, Group, Radio, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { type LocalizedText, pickLocalized } from '../../../../shared/localized-text.js';
import type { LanguageMode } from '../../../../shared/social/compose-message.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../../shared/social/posts.schema.js';
import { ApiError } from '../../../api/api-client.js';
import { useWorkspace } from '../../../app/workspace-context.js';
import { ErrorAlert, fieldsFromApiError } from '../../../components/form-errors.js';
import { LocalizedValue } from '../../../components/localized-value.js';
import { PageLoader } from '../../../components/page-loader.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { reviewQueryKey } from '../../review/review-api.js';
import { ReviewPanel } from '../../review/review-panel.js';
import { SocialNav } from '../social-nav.js';
import {
  type Attachment,
  composableOf,
  countsOf,
  createBodyOf,
  draftOf,
  emptyDraft,
  isDraftChanged,
  localWhen,
  type PostDraft,
  updateBodyOf,
} from './post-draft.js';
import { messageAt, PostLanguageFields } from './post-language-fields.js';
import { PostLinkField } from './post-link-field.js';
import { PostPhotosField } from './post-photos-field.js';
import { PostPreview } from './post-preview.js';
import { ReviewFollower } from './post-review-follower.js';
import { PostSchedulePanel, PostStatusBadge } from './post-schedule-panel.js';
import {
  createPost,
  deletePost,
  fetchPost,
  type PostDetail,
  postKeys,
  type SocialChannel,
  updatePost,
  useCampaignChoices,
  useChannels,
  usePost,
} from './posts-api.js';

/** Field paths the form shows beside a field; any other field message is listed under the alert. */
const PLACED_FIELDS = /^(text|hashtags|firstComment)\.[a-z]{2}|^assetIds|^link|^channelId$|^campaignId$/;
/** Posts on their way out or out: their words are frozen. */
const FROZEN = new Set(['publishing', 'published']);
const DELETABLE = new Set(['draft', 'in_review', 'changes_requested', 'approved', 'failed']);

function PostComposer({ post, channels }: { post: PostDetail | null; channels: SocialChannel[] }) {
  const { t, formatDate, locale } = useI18n();
  const { workspace, can, href } = useWorkspace();
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  const languages = workspace.contentLanguages;
  const [saved, setSaved] = useState<PostDetail | null>(post);
  const defaultChannel = channels.filter((channel) => channel.status !== 'disconnected');
  // The draft starts once per loaded post (the page remounts the composer for another post); saves reset it.
  const [initial] = useState<PostDraft>(() =>
    post ? draftOf(post, languages) : emptyDraft(languages, defaultChannel.length === 1 ? (defaultChannel[0]?.id ?? null) : null),
  );
  const [draft, setDraft] = useState<PostDraft>(initial);
  const [savedDraft, setSavedDraft] = useState<PostDraft>(initial);
  const campaigns = useCampaignChoices(workspace.id);
  const isFrozen = saved ? FROZEN.has(saved.status) : false;
  const canWrite = can('social:write') && !isFrozen;
  const isDirty = saved ? isDraftChanged(draft, savedDraft) : true;
  const counts = useMemo(() => countsOf(draft, languages), [draft, languages]);
  const channel = channels.find((candidate) => candidate.id === draft.channelId) ?? null;

  const accept = async (next: PostDetail) => {
    setSaved(next);
    const nextDraft = draftOf(next, languages);
    setDraft(nextDraft);
    setSavedDraft(nextDraft);
    queryClient.setQueryData(postKeys.one(workspace.id, next.id), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: postKeys.all(workspace.id) }),
      // A save of the words sends an approved post back to review; a schedule moves the review too.
      queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, SOCIAL_POST_CONTENT_TYPE, next.id) }),
    ]);
  };
  const save = useMutation({
    mutationFn: () =>
      saved ? updatePost(workspace.id, saved.id, updateBodyOf(draft, saved.version)) : createPost(workspace.id, createBodyOf(draft)),
    onSuccess: async (next) => {
      const isCreated = !saved;
      await accept(next);
      if (isCreated) navigate(href(`/social/posts/${next.id}`), { replace: true });
    },
  });
  const reload = useMutation({
    mutationFn: () => fetchPost(workspace.id, saved?.id ?? ''),
    onSuccess: (next) => {
      save.reset();
      return accept(next);
    },
  });
  const remove = useMutation({
    mutationFn: () => deletePost(workspace.id, saved?.id ?? ''),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: postKeys.all(workspace.id) });
      navigate(href('/social'));
    },
  });
  // Scheduling, a schedule taken off or a review transition: the post moves, the unsaved words stay in the draft.
  const onMoved = async (next: PostDetail) => {
    setSaved(next);
    queryClient.setQueryData(postKeys.one(workspace.id, next.id), next);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: postKeys.all(workspace.id) }),
      queryClient.invalidateQueries({ queryKey: reviewQueryKey(workspace.id, SOCIAL_POST_CONTENT_TYPE, next.id) }),
    ]);
  };
  useEffect(() => {
    if (!isDirty || !saved) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty, saved]);

  const fields = fieldsFromApiError(save.error);
  const unplaced = Object.entries(fields).filter(([path]) => !PLACED_FIELDS.test(path) && !/^(text|firstComment)$/.test(path));
  const isConflict = save.error instanceof ApiError && save.error.code === 'CONFLICT';
  const isReleased = saved ? ['approved', 'scheduled', 'held', 'failed'].includes(saved.status) : false;
  const submit = () => {
    if (canWrite && isDirty && !save.isPending) save.mutate();
  };
  const change = (changes: Partial<PostDraft>) => setDraft((current) => ({ ...current, ...changes }));
  const channelOptions = channels
    .filter((candidate) => candidate.status !== 'disconnected' || candidate.id === draft.channelId)
    .map((candidate) => ({
      value: candidate.id,
      label: candidate.sandbox ? t('socialPosts.channel.sandbox', { name: candidate.name }) : candidate.name,
    }));
  const campaignOptions = (campaigns.data?.items ?? []).map((campaign) => ({
    value: campaign.id,
    label: pickLocalized(campaign.title as LocalizedText, locale, languages)?.value ?? campaign.id,
  }));
  const when = saved?.scheduledLocal ? localWhen(formatDate, saved.scheduledLocal, 'medium') : null;

  return (
    <Stack>
      <SocialNav active="posts" />
      <Anchor component={Link} href={href('/social')} size="sm">
        {t('socialPosts.composer.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6} style={{ minWidth: 0, flex: '1 1 20rem' }}>
          <Title order={1} size="h2">
            {saved ? (
              <LocalizedValue value={saved.text} fallbacks={languages} empty={t('socialPosts.untitled')} inherit lineClamp={1} />
            ) : (
              t('socialPosts.new')
            )}
          </Title>
          {saved ? <PostStatusBadge status={saved.status} /> : null}
        </Stack>
        <Group gap="xs">
          {isDirty && saved ? (
            <Text size="sm" c="dark.6" fw={600} role="status" data-testid="unsaved">
              {t('socialPosts.composer.unsaved')}
            </Text>
          ) : null}
          {canWrite ? (
            <Button onClick={submit} loading={save.isPending} disabled={!isDirty}>
              {t('web.action.save')}
            </Button>
          ) : null}
          {saved && can('social:write') && DELETABLE.has(saved.status) ? (
            <Button
              variant="default"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                if (window.confirm(t('socialPosts.delete.confirm'))) remove.mutate();
              }}
            >
              {t('socialPosts.delete')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {isFrozen ? (
        <Alert color="blue" variant="light">
          {t('socialPosts.composer.frozen')}
        </Alert>
      ) : null}
      {isReleased && isDirty ? (
        <Alert color="orange" variant="light" data-testid="back-to-review">
          {t('socialPosts.composer.backToReview')}
        </Alert>
      ) : null}
      {save.isSuccess && !isDirty ? (
        <Text size="sm" role="status" c="teal.9">
          {t('web.action.saved')}
        </Text>
      ) : null}
      <ErrorAlert error={save.error ?? remove.error ?? reload.error} />
      {unplaced.length > 0 ? (
        <Stack gap={2} component="ul" m={0} ps="md">
          {unplaced.map(([path, message]) => (
            <Text key={path} component="li" size="sm" c="red.9">
              {message}
            </Text>
          ))}
        </Stack>
      ) : null}
      {isConflict ? (
        <Button variant="default" w="fit-content" onClick={() => reload.mutate()} loading={reload.isPending}>
          {t('socialPosts.composer.reload')}
        </Button>
      ) : null}
      {channels.length === 0 ? (
        <Alert color="orange" variant="light">
          {t('socialPosts.composer.noChannel')}{' '}
          <Anchor component={Link} href={href('/social/channels')}>
            {t('socialPosts.composer.connect')}
          </Anchor>
        </Alert>
      ) : null}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form
            noValidate
            aria-label={t('socialPosts.composer.formLabel')}
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
            onKeyDown={(event) => {
              if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          >
            <fieldset disabled={!canWrite} style={{ border: 0, padding: 0, margin: 0, minInlineSize: 0 }}>
              <Stack>
                <Group grow align="flex-start">
                  <Select
                    label={t('socialPosts.channel.label')}
                    data={channelOptions}
                    value={draft.channelId}
                    onChange={(value) => change({ channelId: value })}
                    error={fields.channelId}
                    allowDeselect={false}
                  />
                  <Select
                    label={t('socialPosts.campaign.label')}
                    placeholder={t('socialPosts.campaign.none')}
                    data={campaignOptions}
                    value={draft.campaignId}
                    onChange={(value) => change({ campaignId: value })}
                    error={fields.campaignId}
                    clearable
                    searchable
                  />
                </Group>
                <Radio.Group
                  label={t('socialPosts.mode.label')}
                  value={draft.languageMode}
                  onChange={(value) => change({ languageMode: value as LanguageMode })}
                >
                  <Stack gap={6} mt={4}>
                    <Radio value="together" label={t('socialPosts.mode.together')} description={t('socialPosts.mode.together.hint')} />
                    <Radio
                      value="per_language"
                      label={t('socialPosts.mode.per_language')}
                      description={t('socialPosts.mode.per_language.hint')}
                    />
                  </Stack>
                </Radio.Group>
                <PostLanguageFields draft={draft} onChange={setDraft} languages={languages} counts={counts} fields={fields} />
                <Stack gap="xs">
                  <Text size="sm" fw={500} id="post-attachment-label">
                    {t('socialPosts.attachment.label')}
                  </Text>
                  <SegmentedControl
                    aria-labelledby="post-attachment-label"
                    value={draft.attachment}
                    onChange={(value) => change({ attachment: value as Attachment })}
                    data={[
                      { value: 'photos', label: t('socialPosts.attachment.photos') },
                      { value: 'link', label: t('socialPosts.attachment.link') },
                    ]}
                    w="fit-content"
                    disabled={!canWrite}
                  />
                  {draft.attachment === 'photos' ? (
                    <PostPhotosField
                      workspaceId={workspace.id}
                      assetIds={draft.assetIds}
                      onChange={(assetIds) => change({ assetIds })}
                      languages={languages}
                      problems={saved?.photoProblems ?? {}}
                      fields={Object.fromEntries(Object.entries(fields).filter(([path]) => path.startsWith('assetIds')))}
                      isDisabled={!canWrite}
                    />
                  ) : (
                    <PostLinkField
                      workspaceId={workspace.id}
                      url={draft.linkUrl}
                      preview={draft.linkPreview}
                      onChange={(linkUrl, linkPreview) => change({ linkUrl, linkPreview })}
                      error={messageAt(fields, 'link')}
                      isDisabled={!canWrite}
                    />
                  )}
                  {draft.attachment === 'link' && draft.assetIds.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('socialPosts.attachment.photosDropped', { count: draft.assetIds.length })}
                    </Text>
                  ) : null}
                </Stack>
              </Stack>
            </fieldset>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack>
            <PostPreview
              workspaceId={workspace.id}
              post={composableOf(draft)}
              order={languages}
              page={channel ? { name: channel.name, pictureUrl: channel.pictureUrl } : null}
              assetIds={draft.attachment === 'photos' ? draft.assetIds : []}
              link={draft.attachment === 'link' && draft.linkUrl.trim() ? { url: draft.linkUrl.trim(), preview: draft.linkPreview } : null}
              when={when}
            />
            {saved ? (
              <>
                <PostSchedulePanel post={saved} channelName={channel?.name ?? null} isDirty={isDirty} onChanged={onMoved} />
                <ReviewFollower post={saved} onChanged={onMoved} />
                <ReviewPanel contentType={SOCIAL_POST_CONTENT_TYPE} contentId={saved.id} languages={languages} />
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {t('socialPosts.composer.saveToReview')}
              </Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

export function SocialPostPage() {
  const { workspace } = useWorkspace();
  const { postId = '' } = useParams<{ postId: string }>();
  const isNew = postId === 'new';
  const query = usePost(workspace.id, isNew ? '' : postId);
  const channels = useChannels(workspace.id);
  if (channels.isPending || (!isNew && query.isPending)) return <PageLoader />;
  const channelItems = channels.data?.items ?? [];
  if (isNew) return <PostComposer key="new" post={null} channels={channelItems} />;
  if (!query.data) {
    return (
      <Stack>
        <SocialNav active="posts" />
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }
  return <PostComposer key={query.data.id} post={query.data} channels={channelItems} />;
}
