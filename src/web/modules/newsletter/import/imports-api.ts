/** Import and export calls against src/server/modules/newsletter/subscriber-import.routes.ts. */
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  ImportDelimiter,
  ImportEncoding,
  ImportListOptions,
  ImportPreview,
  ImportStart,
  ImportStatus,
  SubscriberImport,
  SubscriberImportPage,
} from '../../../../shared/newsletter/import-api.schema.js';
import { apiRequest, apiUpload, apiUrl } from '../../../api/api-client.js';

export type { ImportPreview, ImportStatus, SubscriberImport };

const importsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter/imports`;

export const importKeys = {
  all: (workspaceId: string) => ['subscriber-imports', workspaceId] as const,
  one: (workspaceId: string, importId: string) => ['subscriber-import', workspaceId, importId] as const,
  preview: (workspaceId: string, importId: string, choice: PreviewChoice) =>
    ['subscriber-import-preview', workspaceId, importId, choice] as const,
  lists: (workspaceId: string) => ['subscriber-import-lists', workspaceId] as const,
};

export interface PreviewChoice {
  encoding?: ImportEncoding;
  delimiter?: ImportDelimiter;
}

/** Badge colours, dark enough for white text (4.5:1). */
export const IMPORT_STATUS_COLOR: Record<ImportStatus, string> = {
  uploaded: 'gray.7',
  queued: 'blue.9',
  running: 'indigo.9',
  done: 'teal.9',
  failed: 'red.9',
};

export function isImportActive(status: ImportStatus): boolean {
  return status === 'queued' || status === 'running';
}

export function useImportPages(workspaceId: string) {
  return useInfiniteQuery({
    queryKey: importKeys.all(workspaceId),
    queryFn: ({ pageParam }) => apiRequest<SubscriberImportPage>(importsPath(workspaceId), { query: { cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Imports still running move on their own: look again every few seconds while one does.
    refetchInterval: (query) =>
      query.state.data?.pages.some((page) => page.items.some((item) => isImportActive(item.status))) ? 3_000 : false,
  });
}

/** One import; polled every second while it is queued or running (the progress bar). */
export function useImport(workspaceId: string, importId: string) {
  return useQuery({
    queryKey: importKeys.one(workspaceId, importId),
    queryFn: () => apiRequest<SubscriberImport>(`${importsPath(workspaceId)}/${importId}`),
    refetchInterval: (query) => (query.state.data && isImportActive(query.state.data.status) ? 1_000 : false),
  });
}

export function useImportPreview(workspaceId: string, importId: string, choice: PreviewChoice, isEnabled: boolean) {
  return useQuery({
    queryKey: importKeys.preview(workspaceId, importId, choice),
    queryFn: () => apiRequest<ImportPreview>(`${importsPath(workspaceId)}/${importId}/preview`, { query: { ...choice } }),
    enabled: isEnabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useImportLists(workspaceId: string) {
  return useQuery({
    queryKey: importKeys.lists(workspaceId),
    queryFn: () => apiRequest<ImportListOptions>(`${importsPath(workspaceId)}/lists`),
  });
}

export const uploadImport = (workspaceId: string, file: File) => apiUpload<SubscriberImport>(importsPath(workspaceId), file);

export const startImport = (workspaceId: string, importId: string, body: ImportStart) =>
  apiRequest<SubscriberImport>(`${importsPath(workspaceId)}/${importId}/start`, { method: 'POST', body });

/** The error report, worded in the interface language. */
export const errorReportUrl = (workspaceId: string, importId: string, locale: string) =>
  apiUrl(`${importsPath(workspaceId)}/${importId}/errors.csv`, { lang: locale });

export const subscriberExportUrl = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter/subscribers/export.csv`;
