/** Calendar calls against src/server/modules/planning/calendar.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type {
  Calendar,
  CalendarFeedCreated,
  CalendarFeedStatus,
  CalendarFilterOptions,
} from '../../../../shared/planning/calendar.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export interface CalendarRequest {
  from: string;
  to: string;
  campaignId?: string;
  channelId?: string;
  organisationId?: string;
}

const calendarPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/calendar`;

export function useCalendar(workspaceId: string, request: CalendarRequest) {
  return useQuery({
    queryKey: ['calendar', workspaceId, request],
    queryFn: () => apiRequest<Calendar>(calendarPath(workspaceId), { query: { ...request } }),
    placeholderData: (previous) => previous,
  });
}

export function useCalendarFilterOptions(workspaceId: string) {
  return useQuery({
    queryKey: ['calendar-filters', workspaceId],
    queryFn: () => apiRequest<CalendarFilterOptions>(`${calendarPath(workspaceId)}/filters`),
    staleTime: 60_000,
  });
}

export const feedQueryKey = (workspaceId: string) => ['calendar-feed', workspaceId];

export function useFeedStatus(workspaceId: string) {
  return useQuery({
    queryKey: feedQueryKey(workspaceId),
    queryFn: () => apiRequest<CalendarFeedStatus>(`${calendarPath(workspaceId)}/feed`),
  });
}

/** Creates the member's private feed or replaces its token; the answer is the only time the URL is seen. */
export function rotateFeed(workspaceId: string) {
  return apiRequest<CalendarFeedCreated>(`${calendarPath(workspaceId)}/feed`, { method: 'POST' });
}

export function revokeFeed(workspaceId: string) {
  return apiRequest<void>(`${calendarPath(workspaceId)}/feed`, { method: 'DELETE' });
}
