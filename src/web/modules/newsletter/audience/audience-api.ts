/** Audience calls against src/server/modules/newsletter/{subscribers,lists,segments}.routes.ts. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AudienceCount,
  MailingList,
  MailingListCreate,
  MailingLists,
  MailingListUpdate,
  Segment,
  SegmentCreate,
  Segments,
  SegmentUpdate,
  Subscriber,
  SubscriberCreate,
  SubscriberPage,
  SubscriberStatus,
  SubscriberUpdate,
} from '../../../../shared/newsletter/audience-api.schema.js';
import type { SegmentFilter } from '../../../../shared/newsletter/newsletter.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { MailingList, Segment, Subscriber, SubscriberStatus };

export interface SubscriberFilters {
  q?: string;
  status?: SubscriberStatus;
  listId?: string;
  tag?: string;
  language?: string;
  country?: string;
}

const base = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter`;

export const audienceKeys = {
  subscribers: (workspaceId: string) => ['newsletter-subscribers', workspaceId] as const,
  subscriber: (workspaceId: string, id: string) => ['newsletter-subscriber', workspaceId, id] as const,
  lists: (workspaceId: string) => ['newsletter-lists', workspaceId] as const,
  segments: (workspaceId: string) => ['newsletter-segments', workspaceId] as const,
  count: (workspaceId: string) => ['newsletter-audience-count', workspaceId] as const,
};

/** Badge colours, dark enough for white text (4.5:1). */
export const SUBSCRIBER_STATUS_COLOR: Record<SubscriberStatus, string> = {
  active: 'teal.9',
  unsubscribed: 'gray.7',
  bounced: 'red.9',
  complained: 'orange.9',
};

export function useSubscriberPages(workspaceId: string, filters: SubscriberFilters) {
  return useInfiniteQuery({
    queryKey: [...audienceKeys.subscribers(workspaceId), filters],
    queryFn: ({ pageParam }) =>
      apiRequest<SubscriberPage>(`${base(workspaceId)}/subscribers`, { query: { ...filters, cursor: pageParam, limit: 50 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useSubscriber(workspaceId: string, id: string) {
  return useQuery({
    queryKey: audienceKeys.subscriber(workspaceId, id),
    queryFn: () => apiRequest<Subscriber>(`${base(workspaceId)}/subscribers/${id}`),
    enabled: Boolean(id),
  });
}

export const createSubscriber = (workspaceId: string, body: SubscriberCreate) =>
  apiRequest<Subscriber>(`${base(workspaceId)}/subscribers`, { method: 'POST', body });

export const updateSubscriber = (workspaceId: string, id: string, body: SubscriberUpdate) =>
  apiRequest<Subscriber>(`${base(workspaceId)}/subscribers/${id}`, { method: 'PATCH', body });

export const eraseSubscriber = (workspaceId: string, id: string) =>
  apiRequest<void>(`${base(workspaceId)}/subscribers/${id}`, { method: 'DELETE' });

export const unsubscribeSubscriber = (workspaceId: string, id: string) =>
  apiRequest<Subscriber>(`${base(workspaceId)}/subscribers/${id}/unsubscribe`, { method: 'POST' });

export const addToList = (workspaceId: string, id: string, listId: string, consentText: string) =>
  apiRequest<Subscriber>(`${base(workspaceId)}/subscribers/${id}/lists/${listId}`, { method: 'PUT', body: { consentText } });

export const removeFromList = (workspaceId: string, id: string, listId: string) =>
  apiRequest<Subscriber>(`${base(workspaceId)}/subscribers/${id}/lists/${listId}`, { method: 'DELETE' });

export function useMailingLists(workspaceId: string, archived: 'true' | 'false' | 'all' = 'false', isEnabled = true) {
  return useQuery({
    queryKey: [...audienceKeys.lists(workspaceId), archived],
    queryFn: () => apiRequest<MailingLists>(`${base(workspaceId)}/lists`, { query: { archived } }),
    enabled: isEnabled,
  });
}

export const createMailingList = (workspaceId: string, body: MailingListCreate) =>
  apiRequest<MailingList>(`${base(workspaceId)}/lists`, { method: 'POST', body });

export const updateMailingList = (workspaceId: string, id: string, body: MailingListUpdate) =>
  apiRequest<MailingList>(`${base(workspaceId)}/lists/${id}`, { method: 'PATCH', body });

export const archiveMailingList = (workspaceId: string, id: string, isArchived: boolean) =>
  apiRequest<MailingList>(`${base(workspaceId)}/lists/${id}/${isArchived ? 'archive' : 'restore'}`, { method: 'POST' });

export function useSegments(workspaceId: string) {
  return useQuery({
    queryKey: audienceKeys.segments(workspaceId),
    queryFn: () => apiRequest<Segments>(`${base(workspaceId)}/segments`),
  });
}

export const createSegment = (workspaceId: string, body: SegmentCreate) =>
  apiRequest<Segment>(`${base(workspaceId)}/segments`, { method: 'POST', body });

export const updateSegment = (workspaceId: string, id: string, body: SegmentUpdate) =>
  apiRequest<Segment>(`${base(workspaceId)}/segments/${id}`, { method: 'PATCH', body });

export const deleteSegment = (workspaceId: string, id: string) =>
  apiRequest<void>(`${base(workspaceId)}/segments/${id}`, { method: 'DELETE' });

/** Live count of an unsaved segment (the builder), or of lists + a saved segment (the composer). */
export function useAudienceCount(
  workspaceId: string,
  input: { filter?: SegmentFilter; listIds?: string[]; segmentId?: string },
  isEnabled = true,
) {
  const filter = input.filter ? JSON.stringify(input.filter) : undefined;
  const listIds = input.listIds?.join(',') || undefined;
  return useQuery({
    queryKey: [...audienceKeys.count(workspaceId), filter, listIds, input.segmentId],
    queryFn: () =>
      apiRequest<AudienceCount>(`${base(workspaceId)}/audience/count`, { query: { filter, listIds, segmentId: input.segmentId } }),
    enabled: isEnabled,
    placeholderData: (previous) => previous,
    retry: false,
  });
}
