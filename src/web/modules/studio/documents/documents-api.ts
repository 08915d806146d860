/** Studio documents calls (src/shared/studio/documents-api.schema.ts), the page preview and the PDF export. */
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DocumentLayout } from '../../../../shared/studio/documents.schema.js';
import type {
  Document,
  DocumentCreate,
  DocumentExport,
  DocumentPage,
  DocumentSummary,
  DocumentUpdate,
  DocumentWarning,
} from '../../../../shared/studio/documents-api.schema.js';
import { ApiError, apiRequest } from '../../../api/api-client.js';

export type { Document, DocumentSummary, DocumentWarning };

/** How long the page preview waits after a save or a resize before asking for a new picture. */
export const PREVIEW_DEBOUNCE_MS = 300;

const documentsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/studio/documents`;

export const documentKeys = {
  all: (workspaceId: string) => ['studio-documents', workspaceId] as const,
  one: (workspaceId: string, documentId: string) => ['studio-document', workspaceId, documentId] as const,
};

export function useDocumentPages(workspaceId: string, filters: { q?: string; layout?: DocumentLayout }, limit = 25) {
  return useInfiniteQuery({
    queryKey: [...documentKeys.all(workspaceId), filters, limit],
    queryFn: ({ pageParam }) => apiRequest<DocumentPage>(documentsPath(workspaceId), { query: { ...filters, cursor: pageParam, limit } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export const fetchDocument = (workspaceId: string, documentId: string) =>
  apiRequest<Document>(`${documentsPath(workspaceId)}/${documentId}`);

export function useDocument(workspaceId: string, documentId: string) {
  return useQuery({
    queryKey: documentKeys.one(workspaceId, documentId),
    queryFn: () => fetchDocument(workspaceId, documentId),
    // The page owns the text being edited: a refetch must not replace it behind the editors.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export const createDocument = (workspaceId: string, body: DocumentCreate) =>
  apiRequest<Document>(documentsPath(workspaceId), { method: 'POST', body });

export const updateDocument = (workspaceId: string, documentId: string, body: DocumentUpdate) =>
  apiRequest<Document>(`${documentsPath(workspaceId)}/${documentId}`, { method: 'PATCH', body });

export const deleteDocument = (workspaceId: string, documentId: string) =>
  apiRequest<void>(`${documentsPath(workspaceId)}/${documentId}`, { method: 'DELETE' });

export const exportDocument = (workspaceId: string, documentId: string) =>
  apiRequest<DocumentExport>(`${documentsPath(workspaceId)}/${documentId}/export`, { method: 'POST', body: { format: 'pdf' } });

/** Starts the browser's download of a same-origin file (the PDF's `downloadUrl`). */
export function downloadFile(url: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export interface PreviewRequest {
  documentId: string;
  /** The saved version shown: a new save asks for a new picture. */
  version: number;
  page: number;
  width: number;
}

export interface PreviewState {
  /** Object URL of the last page drawn (kept while the next one is on its way). */
  url: string | null;
  /** The document's page count, from the last answer. */
  pageCount: number | null;
  isRendering: boolean;
  /** Why the last request drew nothing; the previous picture stays. */
  error: unknown;
}

/**
 * A page of the saved document as a PNG, asked again after each save (its version) or another
 * page or width, once those rest PREVIEW_DEBOUNCE_MS; a newer request aborts an older one.
 */
export function useDocumentPreview(workspaceId: string, request: PreviewRequest | null): PreviewState {
  const [debounced] = useDebouncedValue(request ? JSON.stringify(request) : null, PREVIEW_DEBOUNCE_MS);
  const [state, setState] = useState<PreviewState>({ url: null, pageCount: null, isRendering: false, error: null });
  const shownUrl = useRef<string | null>(null);

  useEffect(() => {
    if (!debounced) return;
    const { documentId, version, page, width } = JSON.parse(debounced) as PreviewRequest;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, isRendering: true }));
    const query = new URLSearchParams({ page: String(page), width: String(width), v: String(version) });
    fetch(`${documentsPath(workspaceId)}/${documentId}/preview.png?${query}`, {
      credentials: 'same-origin',
      headers: { accept: 'image/png' },
      signal: controller.signal,
    })
      .then(async (response) => {
        if (!response.ok) throw new ApiError(response.status, await response.json().catch(() => ({})));
        const pageCount = Number(response.headers.get('x-page-count')) || null;
        const url = URL.createObjectURL(await response.blob());
        if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
        shownUrl.current = url;
        setState({ url, pageCount, isRendering: false, error: null });
      })
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        setState((previous) => ({ ...previous, isRendering: false, error }));
      });
    return () => controller.abort();
  }, [debounced, workspaceId]);

  useEffect(
    () => () => {
      if (shownUrl.current) URL.revokeObjectURL(shownUrl.current);
    },
    [],
  );
  return state;
}
