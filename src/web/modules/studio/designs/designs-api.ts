/** Designs calls against src/server/modules/studio/designs.routes.ts, and the live preview. */
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { RenderVariant } from '../../../../shared/render/render.schema.js';
import type {
  Design,
  DesignCreate,
  DesignExportFormat,
  DesignPage,
  DesignTemplate,
  DesignTemplateList,
  DesignUpdate,
} from '../../../../shared/studio/designs.schema.js';
import { ApiError, apiRequest } from '../../../api/api-client.js';
import { useMe } from '../../../api/session.js';

export type { Design, DesignTemplate };

/** How long the form must rest before the preview is drawn again. */
export const PREVIEW_DEBOUNCE_MS = 400;

const designsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/studio/designs`;

export const designKeys = {
  all: (workspaceId: string) => ['designs', workspaceId] as const,
  one: (workspaceId: string, designId: string) => ['design', workspaceId, designId] as const,
  templates: (workspaceId: string) => ['design-templates', workspaceId] as const,
};

export function useDesignTemplates(workspaceId: string) {
  return useQuery({
    queryKey: designKeys.templates(workspaceId),
    queryFn: () => apiRequest<DesignTemplateList>(`${designsPath(workspaceId)}/templates`),
    staleTime: 10 * 60_000,
  });
}

export function useDesignPages(workspaceId: string, template?: string, limit = 24) {
  return useInfiniteQuery({
    queryKey: [...designKeys.all(workspaceId), template ?? null, limit],
    queryFn: ({ pageParam }) => apiRequest<DesignPage>(designsPath(workspaceId), { query: { template, cursor: pageParam, limit } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDesign(workspaceId: string, designId: string) {
  return useQuery({
    queryKey: designKeys.one(workspaceId, designId),
    queryFn: () => apiRequest<Design>(`${designsPath(workspaceId)}/${designId}`),
  });
}

export const createDesign = (workspaceId: string, body: DesignCreate) =>
  apiRequest<Design>(designsPath(workspaceId), { method: 'POST', body });

export const updateDesign = (workspaceId: string, designId: string, body: DesignUpdate) =>
  apiRequest<Design>(`${designsPath(workspaceId)}/${designId}`, { method: 'PATCH', body });

export const duplicateDesign = (workspaceId: string, designId: string, title: string) =>
  apiRequest<Design>(`${designsPath(workspaceId)}/${designId}/duplicate`, { method: 'POST', body: { title } });

export const deleteDesign = (workspaceId: string, designId: string) =>
  apiRequest<void>(`${designsPath(workspaceId)}/${designId}`, { method: 'DELETE' });

/** The saved design's first page, small; `version` (its update time) makes a new picture load after a save. */
export const designThumbnailUrl = (workspaceId: string, designId: string, version: string) =>
  `${designsPath(workspaceId)}/${designId}/thumbnail?v=${encodeURIComponent(version)}`;

export const templateThumbnailUrl = (workspaceId: string, template: string, variant: RenderVariant) =>
  `${designsPath(workspaceId)}/templates/${template}/thumbnail?variant=${variant}`;

export const designExportUrl = (workspaceId: string, designId: string, format: DesignExportFormat) =>
  `${designsPath(workspaceId)}/${designId}/export?format=${format}`;

export interface PreviewInput {
  template: string;
  variant: RenderVariant;
  data: Record<string, unknown>;
  width: number;
}

export interface PreviewState {
  /** Object URL of the last picture drawn (kept while the next one is on its way). */
  url: string | null;
  isRendering: boolean;
  /** Why the last request drew nothing (missing text, unusable image…); the previous picture stays. */
  error: unknown;
}

/**
 * The live preview: asks the server for a PNG of the form as it is, once the form has rested
 * PREVIEW_DEBOUNCE_MS; a newer request aborts an older one still running, and the previous
 * picture stays on screen until the new one has arrived.
 */
export function useDesignPreview(workspaceId: string, input: PreviewInput | null): PreviewState {
  const csrfToken = useMe().data?.csrfToken;
  const [debounced] = useDebouncedValue(input ? JSON.stringify(input) : null, PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<PreviewState>({ url: null, isRendering: false, error: null });
  const shownUrl = useRef<string | null>(null);

  useEffect(() => {
    if (!debounced) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isRendering: true }));
    fetch(`${designsPath(workspaceId)}/preview`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'image/png', ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}) },
      body: debounced,
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
        const url = URL.createObjectURL(await response.blob());
        if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
        shownUrl.current = url;
        setState({ url, isRendering: false, error: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, isRendering: false, error }));
      });
    return () => controller.abort();
  }, [debounced, workspaceId, csrfToken]);

  useEffect(
    () => () => {
      if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
    },
    [],
  );
  return state;
}
