/** Calls of the channels page: src/server/modules/social/channels.routes.ts and the queue slots of posts.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type { ChannelConnect, ChannelLoginPages, SocialChannel, SocialChannelList } from '../../../../shared/social/channels-api.schema.js';
import type { QueueSlot, QueueSlotCreate, QueueSlotList } from '../../../../shared/social/posts-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { ChannelLoginPages, QueueSlot, SocialChannel, SocialChannelList };

export type ChannelCheckAnswer = { result: 'valid' | 'needs-reconnection' | 'unknown' | 'disconnected'; channel: SocialChannel };

const channelsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/social/channels`;
const slotsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/social/queue-slots`;

export const channelKeys = {
  /** The same key as the composer's channel list, so both see a connection at once. */
  list: (workspaceId: string) => ['social-channels', workspaceId] as const,
  login: (workspaceId: string, loginId: string) => ['social-channel-login', workspaceId, loginId] as const,
  slots: (workspaceId: string, channelId: string) => ['social-queue-slots', workspaceId, channelId] as const,
};

export function useChannelList(workspaceId: string) {
  return useQuery({
    queryKey: channelKeys.list(workspaceId),
    queryFn: () => apiRequest<SocialChannelList>(channelsPath(workspaceId)),
  });
}

/** The Meta dialog's address (the sandbox's in the demo), to send the browser to. */
export function startChannelLogin(workspaceId: string) {
  return apiRequest<{ url: string }>(`${channelsPath(workspaceId)}/login`, { method: 'POST', body: { network: 'facebook' } });
}

export function useLoginPages(workspaceId: string, loginId: string | undefined) {
  return useQuery({
    queryKey: channelKeys.login(workspaceId, loginId ?? ''),
    queryFn: () => apiRequest<ChannelLoginPages>(`${channelsPath(workspaceId)}/logins/${loginId}`),
    enabled: Boolean(loginId),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function connectChannels(workspaceId: string, body: ChannelConnect) {
  return apiRequest<SocialChannelList>(channelsPath(workspaceId), { method: 'POST', body });
}

export function disconnectChannel(workspaceId: string, channelId: string) {
  return apiRequest<SocialChannel>(`${channelsPath(workspaceId)}/${channelId}`, { method: 'DELETE' });
}

export function checkChannelNow(workspaceId: string, channelId: string) {
  return apiRequest<ChannelCheckAnswer>(`${channelsPath(workspaceId)}/${channelId}/check`, { method: 'POST' });
}

export function useQueueSlots(workspaceId: string, channelId: string | undefined) {
  return useQuery({
    queryKey: channelKeys.slots(workspaceId, channelId ?? ''),
    queryFn: () => apiRequest<QueueSlotList>(slotsPath(workspaceId), { query: { channelId } }),
    enabled: Boolean(channelId),
  });
}

export function addQueueSlot(workspaceId: string, body: QueueSlotCreate) {
  return apiRequest<QueueSlot>(slotsPath(workspaceId), { method: 'POST', body });
}

export function removeQueueSlot(workspaceId: string, slotId: string) {
  return apiRequest<void>(`${slotsPath(workspaceId)}/${slotId}`, { method: 'DELETE' });
}
