/** Brand kit calls against src/server/modules/studio/brand-kit.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type {
  BrandKit,
  BrandKitUpdate,
  BrandPartner,
  BrandPartnerCreate,
  BrandPartnerUpdate,
  UploadedLogo,
} from '../../../../shared/studio/brand-kit.schema.js';
import { apiRequest, apiUpload } from '../../../api/api-client.js';

export type { BrandKit, BrandPartner };

const kitPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/studio/brand-kit`;

export const brandKitKeys = { one: (workspaceId: string) => ['brand-kit', workspaceId] as const };

export function useBrandKit(workspaceId: string) {
  return useQuery({ queryKey: brandKitKeys.one(workspaceId), queryFn: () => apiRequest<BrandKit>(kitPath(workspaceId)) });
}

export const saveBrandKit = (workspaceId: string, body: BrandKitUpdate) =>
  apiRequest<BrandKit>(kitPath(workspaceId), { method: 'PUT', body });

/** Uploads a logo (checked and cleaned by the server); PNG, JPEG, WebP or a safe SVG. */
export const uploadBrandLogo = (workspaceId: string, file: File) => apiUpload<UploadedLogo>(`${kitPath(workspaceId)}/logo-files`, file);

export const createPartner = (workspaceId: string, body: BrandPartnerCreate) =>
  apiRequest<BrandPartner>(`${kitPath(workspaceId)}/partners`, { method: 'POST', body });

export const updatePartner = (workspaceId: string, partnerId: string, body: BrandPartnerUpdate) =>
  apiRequest<BrandPartner>(`${kitPath(workspaceId)}/partners/${partnerId}`, { method: 'PATCH', body });

export const deletePartner = (workspaceId: string, partnerId: string) =>
  apiRequest<void>(`${kitPath(workspaceId)}/partners/${partnerId}`, { method: 'DELETE' });

/** The whole strip's new order in one request. */
export const reorderPartners = (workspaceId: string, ids: string[]) =>
  apiRequest<{ items: BrandPartner[] }>(`${kitPath(workspaceId)}/partners/order`, { method: 'PUT', body: { ids } });

/** A workspace file as an image source (the platform's file route). */
export const workspaceFileUrl = (workspaceId: string, fileId: string) => `/api/workspaces/${workspaceId}/files/${fileId}`;

/** A shipped font file, served for the samples. */
export const fontFileUrl = (fileName: string) => `/api/studio/fonts/${fileName}`;
