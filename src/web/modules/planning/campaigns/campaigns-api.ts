/** Campaign calls against src/server/modules/planning/campaigns.routes.ts: list, detail, plan, goal-date move, templates. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Campaign,
  CampaignCreate,
  CampaignStatus,
  CampaignUpdate,
  ScheduleChangeResult,
} from '../../../../shared/planning/campaign.schema.js';
import type { CampaignPlan } from '../../../../shared/planning/task.schema.js';
import type { PlanningTemplateOut } from '../../../../shared/planning/template-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { Campaign, CampaignPlan, ScheduleChangeResult };

export interface CampaignFilters {
  status?: CampaignStatus;
  archived?: 'true' | 'false' | 'all';
}

export const campaignsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/campaigns`;
const campaignPath = (workspaceId: string, campaignId: string) => `${campaignsPath(workspaceId)}/${campaignId}`;

/** Query keys, so every page invalidates the same entries after a write. */
export const campaignKeys = {
  all: (workspaceId: string) => ['campaigns', workspaceId] as const,
  one: (workspaceId: string, campaignId: string) => ['campaign', workspaceId, campaignId] as const,
  plan: (workspaceId: string, campaignId: string) => ['campaign-plan', workspaceId, campaignId] as const,
};

export function useCampaignPages(workspaceId: string, filters: CampaignFilters) {
  return useInfiniteQuery({
    queryKey: [...campaignKeys.all(workspaceId), filters],
    queryFn: ({ pageParam }) =>
      apiRequest<{ items: Campaign[]; nextCursor: string | null }>(campaignsPath(workspaceId), {
        query: { ...filters, cursor: pageParam, limit: 25 },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useCampaign(workspaceId: string, campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.one(workspaceId, campaignId),
    queryFn: () => apiRequest<Campaign>(campaignPath(workspaceId, campaignId)),
    enabled: Boolean(campaignId),
  });
}

export function useCampaignPlan(workspaceId: string, campaignId: string) {
  return useQuery({
    queryKey: campaignKeys.plan(workspaceId, campaignId),
    queryFn: () => apiRequest<CampaignPlan>(`${campaignPath(workspaceId, campaignId)}/plan`),
    enabled: Boolean(campaignId),
  });
}

export const createCampaign = (workspaceId: string, body: CampaignCreate) =>
  apiRequest<Campaign>(campaignsPath(workspaceId), { method: 'POST', body });

export const updateCampaign = (workspaceId: string, campaignId: string, body: CampaignUpdate) =>
  apiRequest<Campaign>(campaignPath(workspaceId, campaignId), { method: 'PATCH', body });

export const setCampaignArchived = (workspaceId: string, campaignId: string, isArchived: boolean) =>
  apiRequest<Campaign>(`${campaignPath(workspaceId, campaignId)}/${isArchived ? 'archive' : 'restore'}`, { method: 'POST' });

/** With `dryRun` nothing is saved: the answer says what would move and what to watch. */
export const moveGoalDate = (workspaceId: string, campaignId: string, goalDate: string, dryRun: boolean) =>
  apiRequest<ScheduleChangeResult>(`${campaignPath(workspaceId, campaignId)}/goal-date`, { method: 'POST', body: { goalDate, dryRun } });

export const applyTemplate = (workspaceId: string, campaignId: string, templateKey: string) =>
  apiRequest<CampaignPlan>(`${campaignPath(workspaceId, campaignId)}/apply-template`, { method: 'POST', body: { templateKey } });

export const saveAsTemplate = (workspaceId: string, campaignId: string, body: { key: string; name: Record<string, unknown> }) =>
  apiRequest<PlanningTemplateOut>(`${campaignPath(workspaceId, campaignId)}/save-as-template`, { method: 'POST', body });
