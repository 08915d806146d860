/** Calls of the campaign brief (src/server/modules/planning/campaign-brief.routes.ts). */
import { useQuery } from '@tanstack/react-query';
import type { CampaignBrief, CampaignBriefUpdate } from '../../../../shared/planning/campaign-brief.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { CampaignBrief };

const briefPath = (workspaceId: string, campaignId: string) => `/api/workspaces/${workspaceId}/campaigns/${campaignId}/brief`;

export const campaignBriefQueryKey = (workspaceId: string, campaignId: string) => ['campaign-brief', workspaceId, campaignId];

export function useCampaignBrief(workspaceId: string, campaignId: string) {
  return useQuery({
    queryKey: campaignBriefQueryKey(workspaceId, campaignId),
    queryFn: () => apiRequest<CampaignBrief>(briefPath(workspaceId, campaignId)),
  });
}

export function updateCampaignBrief(workspaceId: string, campaignId: string, body: CampaignBriefUpdate) {
  return apiRequest<CampaignBrief>(briefPath(workspaceId, campaignId), { method: 'PUT', body });
}
