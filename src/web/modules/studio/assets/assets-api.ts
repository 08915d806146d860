/** Asset library calls against src/server/modules/studio/assets.routes.ts. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Asset,
  AssetPage,
  AssetUpdate,
  AssetUsage,
  Consent,
  ConsentCreate,
  ConsentList,
  ConsentUpdate,
  ConsentUse,
} from '../../../../shared/studio/assets.schema.js';
import { apiRequest, apiUpload } from '../../../api/api-client.js';

export type { Asset, Consent, ConsentUse };

export interface AssetFilters {
  q?: string;
  tag?: string;
  organisationId?: string;
  campaignId?: string;
  language?: string;
  kind?: string;
  /** Picker preview: only assets usable for this use. */
  use?: ConsentUse;
  archived?: 'true' | 'false';
}

const assetsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/studio/assets`;

export const assetKeys = {
  all: (workspaceId: string) => ['assets', workspaceId] as const,
  one: (workspaceId: string, assetId: string) => ['asset', workspaceId, assetId] as const,
  consents: (workspaceId: string, assetId: string) => ['asset-consents', workspaceId, assetId] as const,
  usage: (workspaceId: string, assetId: string) => ['asset-usage', workspaceId, assetId] as const,
};

export function useAssetPages(workspaceId: string, filters: AssetFilters, limit = 24) {
  const { use, ...rest } = filters;
  return useInfiniteQuery({
    queryKey: [...assetKeys.all(workspaceId), filters, limit],
    queryFn: ({ pageParam }) =>
      apiRequest<AssetPage>(assetsPath(workspaceId), {
        query: { ...rest, ...(use ? { usable: 'true', use } : {}), cursor: pageParam, limit },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useAssetTags(workspaceId: string) {
  return useQuery({
    queryKey: ['asset-tags', workspaceId],
    queryFn: () => apiRequest<{ tags: string[] }>(`${assetsPath(workspaceId)}/tags`),
  });
}

export function useAsset(workspaceId: string, assetId: string) {
  return useQuery({
    queryKey: assetKeys.one(workspaceId, assetId),
    queryFn: () => apiRequest<Asset>(`${assetsPath(workspaceId)}/${assetId}`),
    enabled: Boolean(assetId),
  });
}

export function useAssetUsage(workspaceId: string, assetId: string) {
  return useQuery({
    queryKey: assetKeys.usage(workspaceId, assetId),
    queryFn: () => apiRequest<AssetUsage>(`${assetsPath(workspaceId)}/${assetId}/usage`),
    enabled: Boolean(assetId),
  });
}

export function useAssetConsents(workspaceId: string, assetId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: assetKeys.consents(workspaceId, assetId),
    queryFn: () => apiRequest<ConsentList>(`${assetsPath(workspaceId)}/${assetId}/consents`),
    enabled: isEnabled,
  });
}

/** Campaigns to link an asset to (the first page is enough for a select). */
export function useCampaignChoices(workspaceId: string) {
  return useQuery({
    queryKey: ['asset-campaign-choices', workspaceId],
    queryFn: () =>
      apiRequest<{ items: Array<{ id: string; title: Record<string, { value: string; status: string }> }> }>(
        `/api/workspaces/${workspaceId}/campaigns`,
        { query: { limit: 100 } },
      ),
    retry: false,
  });
}

/** Uploads the file (checked, cleaned and thumbnailed by the server); metadata follows with `updateAsset`. */
export const uploadAsset = (workspaceId: string, file: File) => apiUpload<Asset>(assetsPath(workspaceId), file);

export const updateAsset = (workspaceId: string, assetId: string, body: AssetUpdate) =>
  apiRequest<Asset>(`${assetsPath(workspaceId)}/${assetId}`, { method: 'PATCH', body });

export const createConsent = (workspaceId: string, assetId: string, body: ConsentCreate) =>
  apiRequest<Consent>(`${assetsPath(workspaceId)}/${assetId}/consents`, { method: 'POST', body });

export const updateConsent = (workspaceId: string, assetId: string, consentId: string, body: ConsentUpdate) =>
  apiRequest<Consent>(`${assetsPath(workspaceId)}/${assetId}/consents/${consentId}`, { method: 'PATCH', body });

export const deleteConsent = (workspaceId: string, assetId: string, consentId: string) =>
  apiRequest<void>(`${assetsPath(workspaceId)}/${assetId}/consents/${consentId}`, { method: 'DELETE' });

export const assetDownloadUrl = (workspaceId: string, assetId: string) => `${assetsPath(workspaceId)}/${assetId}/download`;
export const assetThumbnailUrl = (workspaceId: string, assetId: string) => `${assetsPath(workspaceId)}/${assetId}/thumbnail`;
