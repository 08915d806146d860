/** Insights calls against src/server/modules/social/insights.routes.ts. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignInsightList,
  InsightsOverview,
  InsightsRefreshAnswer,
  LanguageInsightList,
  PostInsightMetric,
  TopPostList,
} from '../../../../shared/social/insights.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export interface InsightsFilter {
  days: number;
  channelId?: string;
}

const base = (workspaceId: string) => `/api/workspaces/${workspaceId}/social/insights`;

export const insightsKeys = {
  all: (workspaceId: string) => ['social-insights', workspaceId] as const,
  part: (workspaceId: string, part: string, filter: InsightsFilter, extra: Record<string, unknown> = {}) =>
    ['social-insights', workspaceId, part, filter, extra] as const,
};

const query = (filter: InsightsFilter) => ({ days: filter.days, channelId: filter.channelId });

/** While a refresh runs, the overview is read again every few seconds until its figures are newer. */
export function useInsightsOverview(workspaceId: string, filter: InsightsFilter, options: { isWaitingForSync?: boolean } = {}) {
  return useQuery({
    queryKey: insightsKeys.part(workspaceId, 'overview', filter),
    queryFn: () => apiRequest<InsightsOverview>(base(workspaceId), { query: query(filter) }),
    placeholderData: keepPreviousData,
    refetchInterval: options.isWaitingForSync ? 3000 : false,
  });
}

export function useCampaignInsights(workspaceId: string, filter: InsightsFilter, isEnabled: boolean) {
  return useQuery({
    queryKey: insightsKeys.part(workspaceId, 'campaigns', filter),
    queryFn: () => apiRequest<CampaignInsightList>(`${base(workspaceId)}/campaigns`, { query: query(filter) }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function useLanguageInsights(workspaceId: string, filter: InsightsFilter, isEnabled: boolean) {
  return useQuery({
    queryKey: insightsKeys.part(workspaceId, 'languages', filter),
    queryFn: () => apiRequest<LanguageInsightList>(`${base(workspaceId)}/languages`, { query: query(filter) }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function useTopPosts(workspaceId: string, filter: InsightsFilter, sort: PostInsightMetric, isEnabled: boolean) {
  return useQuery({
    queryKey: insightsKeys.part(workspaceId, 'top-posts', filter, { sort }),
    queryFn: () => apiRequest<TopPostList>(`${base(workspaceId)}/top-posts`, { query: { ...query(filter), sort, limit: 10 } }),
    placeholderData: keepPreviousData,
    enabled: isEnabled,
  });
}

export function useRefreshInsights(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (channelId: string | undefined) =>
      apiRequest<InsightsRefreshAnswer>(`${base(workspaceId)}/refresh`, { method: 'POST', body: channelId ? { channelId } : {} }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: insightsKeys.all(workspaceId) }),
  });
}
