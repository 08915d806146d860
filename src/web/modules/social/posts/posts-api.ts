/**
 * Calls of the post composer and the posts list against src/server/modules/social/posts.routes.ts,
 * and the choices they offer (connected pages, campaigns, library photos and studio designs: an
 * absent or forbidden answer leaves a select empty rather than break the page).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { SocialChannel, SocialChannelList } from '../../../../shared/social/channels-api.schema.js';
import type { PostStatus } from '../../../../shared/social/posts.schema.js';
import type {
  DesignPhoto,
  LinkPreviewAnswer,
  Post,
  PostCreate,
  PostDetail,
  PostListOrder,
  PostPage,
  PostSchedule,
  PostUpdate,
} from '../../../../shared/social/posts-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { Post, PostDetail, PostStatus, SocialChannel };

const postsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/social/posts`;

export const postKeys = {
  all: (workspaceId: string) => ['social-posts', workspaceId] as const,
  one: (workspaceId: string, postId: string) => ['social-post', workspaceId, postId] as const,
  channels: (workspaceId: string) => ['social-channels', workspaceId] as const,
};

/** Status badge colours, dark enough for white text (4.5:1: Mantine's green, orange and yellow are not). */
export const POST_STATUS_COLOR: Record<PostStatus, string> = {
  draft: 'gray.7',
  in_review: 'blue.9',
  changes_requested: 'grape.9',
  approved: 'teal.9',
  scheduled: 'violet.9',
  publishing: 'indigo.9',
  published: 'cyan.9',
  failed: 'red.9',
  held: 'dark.6',
};

export interface PostFilters {
  status?: PostStatus;
  channelId?: string;
  campaignId?: string;
  language?: string;
  order: PostListOrder;
}

export function usePostPages(workspaceId: string, filters: PostFilters) {
  return useInfiniteQuery({
    queryKey: [...postKeys.all(workspaceId), filters],
    queryFn: ({ pageParam }) => apiRequest<PostPage>(postsPath(workspaceId), { query: { ...filters, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export const fetchPost = (workspaceId: string, postId: string) => apiRequest<PostDetail>(`${postsPath(workspaceId)}/${postId}`);

export function usePost(workspaceId: string, postId: string) {
  return useQuery({
    queryKey: postKeys.one(workspaceId, postId),
    queryFn: () => fetchPost(workspaceId, postId),
    enabled: Boolean(postId),
  });
}

export const createPost = (workspaceId: string, body: PostCreate) =>
  apiRequest<PostDetail>(postsPath(workspaceId), { method: 'POST', body });

export const updatePost = (workspaceId: string, postId: string, body: PostUpdate) =>
  apiRequest<PostDetail>(`${postsPath(workspaceId)}/${postId}`, { method: 'PATCH', body });

export const deletePost = (workspaceId: string, postId: string) =>
  apiRequest<void>(`${postsPath(workspaceId)}/${postId}`, { method: 'DELETE' });

export const schedulePost = (workspaceId: string, postId: string, body: PostSchedule) =>
  apiRequest<PostDetail>(`${postsPath(workspaceId)}/${postId}/schedule`, { method: 'POST', body });

export const unschedulePost = (workspaceId: string, postId: string) =>
  apiRequest<PostDetail>(`${postsPath(workspaceId)}/${postId}/unschedule`, { method: 'POST' });

export const fetchLinkPreview = (workspaceId: string, url: string) =>
  apiRequest<LinkPreviewAnswer>(`/api/workspaces/${workspaceId}/social/link-preview`, { method: 'POST', body: { url } });

/** Renders a studio design into the library and returns the photo to attach. */
export const attachDesign = (workspaceId: string, designId: string) =>
  apiRequest<DesignPhoto>(`/api/workspaces/${workspaceId}/social/design-photos`, { method: 'POST', body: { designId } });

/** The workspace's connected pages (the composer's page choice, the preview's name and picture). */
export function useChannels(workspaceId: string) {
  return useQuery({
    queryKey: postKeys.channels(workspaceId),
    queryFn: () => apiRequest<SocialChannelList>(`/api/workspaces/${workspaceId}/social/channels`),
    retry: false,
    staleTime: 60_000,
  });
}

export interface CampaignChoice {
  id: string;
  title: Record<string, { value: string; status: string }>;
}

/** Campaigns a post may serve (the first hundred are enough for a select). */
export function useCampaignChoices(workspaceId: string) {
  return useQuery({
    queryKey: ['social-post-campaign-choices', workspaceId],
    queryFn: () => apiRequest<{ items: CampaignChoice[] }>(`/api/workspaces/${workspaceId}/campaigns`, { query: { limit: 100 } }),
    retry: false,
    staleTime: 60_000,
  });
}
