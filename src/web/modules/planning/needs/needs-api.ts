/** Needs register calls against src/server/modules/planning/needs.routes.ts. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Need,
  NeedCreate,
  NeedHistory,
  NeedPage,
  NeedStatus,
  NeedTriage,
  NeedUpdate,
} from '../../../../shared/planning/needs.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { Need, NeedStatus };

export interface NeedFilters {
  status?: NeedStatus;
  organisationId?: string;
  mine?: 'true' | 'false';
}

const needsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/needs`;

export const needKeys = {
  all: (workspaceId: string) => ['needs', workspaceId] as const,
  one: (workspaceId: string, needId: string) => ['need', workspaceId, needId] as const,
  history: (workspaceId: string, needId: string) => ['need-history', workspaceId, needId] as const,
};

/** Status badge colours, dark enough for white text (4.5:1). */
export const NEED_STATUS_COLOR: Record<NeedStatus, string> = {
  submitted: 'gray.7',
  accepted: 'blue.9',
  planned: 'indigo.9',
  in_progress: 'grape.9',
  delivered: 'teal.9',
  declined: 'red.9',
};

export function useNeedPages(workspaceId: string, filters: NeedFilters) {
  return useInfiniteQuery({
    queryKey: [...needKeys.all(workspaceId), filters],
    queryFn: ({ pageParam }) => apiRequest<NeedPage>(needsPath(workspaceId), { query: { ...filters, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useNeed(workspaceId: string, needId: string) {
  return useQuery({
    queryKey: needKeys.one(workspaceId, needId),
    queryFn: () => apiRequest<Need>(`${needsPath(workspaceId)}/${needId}`),
    enabled: Boolean(needId),
  });
}

export function useNeedHistory(workspaceId: string, needId: string) {
  return useQuery({
    queryKey: needKeys.history(workspaceId, needId),
    queryFn: () => apiRequest<NeedHistory>(`${needsPath(workspaceId)}/${needId}/history`),
  });
}

export const createNeed = (workspaceId: string, body: NeedCreate) => apiRequest<Need>(needsPath(workspaceId), { method: 'POST', body });

export const updateNeed = (workspaceId: string, needId: string, body: NeedUpdate) =>
  apiRequest<Need>(`${needsPath(workspaceId)}/${needId}`, { method: 'PATCH', body });

export const triageNeed = (workspaceId: string, needId: string, body: NeedTriage) =>
  apiRequest<Need>(`${needsPath(workspaceId)}/${needId}/triage`, { method: 'POST', body });

/** Campaigns to link a need to (the first page is enough for a select). */
/** The tasks of one campaign, to link a need to the task that answers it. */
export function useCampaignTaskOptions(workspaceId: string, campaignId: string | null) {
  return useQuery({
    queryKey: ['need-task-options', workspaceId, campaignId],
    queryFn: () =>
      apiRequest<{ tasks: Array<{ id: string; title: Record<string, { value: string; status: string }>; dueDate: string }> }>(
        `/api/workspaces/${workspaceId}/campaigns/${campaignId}/plan`,
      ),
    enabled: Boolean(campaignId),
    retry: false,
  });
}

export function useCampaignOptions(workspaceId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['need-campaign-options', workspaceId],
    queryFn: () =>
      apiRequest<{ items: Array<{ id: string; title: Record<string, { value: string; status: string }> }> }>(
        `/api/workspaces/${workspaceId}/campaigns`,
        { query: { limit: 100 } },
      ),
    enabled: isEnabled,
    retry: false,
  });
}
