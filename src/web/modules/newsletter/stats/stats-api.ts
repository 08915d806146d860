/** Statistics calls against src/server/modules/newsletter/stats.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type { IssueStats, StatsOverview } from '../../../../shared/newsletter/tracking-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

/** While an issue is going out its figures move: they are read again every 10 seconds. */
const LIVE_REFRESH_MS = 10_000;

export const statsKeys = {
  issue: (workspaceId: string, issueId: string) => ['newsletter-issue-stats', workspaceId, issueId] as const,
  overview: (workspaceId: string) => ['newsletter-stats-overview', workspaceId] as const,
};

export function useIssueStats(workspaceId: string, issueId: string) {
  return useQuery({
    queryKey: statsKeys.issue(workspaceId, issueId),
    queryFn: () => apiRequest<IssueStats>(`/api/workspaces/${workspaceId}/newsletter/issues/${issueId}/stats`),
    refetchInterval: (query) => (query.state.data?.status === 'sending' ? LIVE_REFRESH_MS : false),
  });
}

export function useStatsOverview(workspaceId: string) {
  return useQuery({
    queryKey: statsKeys.overview(workspaceId),
    queryFn: () => apiRequest<StatsOverview>(`/api/workspaces/${workspaceId}/newsletter/stats/overview`),
  });
}
