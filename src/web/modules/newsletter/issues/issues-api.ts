/**
 * Calls of the composer against src/server/modules/newsletter/issues.routes.ts, and the audience
 * options it offers (lists and segments, written by the audience area: absent or forbidden answers
 * leave the selects empty rather than break the page).
 */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  IssueCreate,
  IssueDetail,
  IssuePage,
  IssueSummary,
  IssueUpdate,
  TestSend,
  TestSendResult,
} from '../../../../shared/newsletter/issue-api.schema.js';
import type { IssueStatus, Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import type { ReviewState } from '../../../../shared/review/review.schema.js';
import { apiRequest, apiUpload, apiUrl } from '../../../api/api-client.js';

export type { IssueDetail, IssueStatus, IssueSummary };

const issuesPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter/issues`;

export const issueKeys = {
  all: (workspaceId: string) => ['newsletter-issues', workspaceId] as const,
  one: (workspaceId: string, issueId: string) => ['newsletter-issue', workspaceId, issueId] as const,
};

/** Status badge colours, dark enough for white text (4.5:1). */
export const ISSUE_STATUS_COLOR: Record<IssueStatus, string> = {
  draft: 'gray.7',
  scheduled: 'violet.9',
  sending: 'blue.9',
  paused: 'orange.9',
  sent: 'teal.9',
  cancelled: 'red.9',
};

export type { ReviewState };

export function useIssuePages(workspaceId: string, status: IssueStatus | undefined) {
  return useInfiniteQuery({
    queryKey: [...issueKeys.all(workspaceId), status ?? 'all'],
    queryFn: ({ pageParam }) => apiRequest<IssuePage>(issuesPath(workspaceId), { query: { status, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export const fetchIssue = (workspaceId: string, issueId: string) => apiRequest<IssueDetail>(`${issuesPath(workspaceId)}/${issueId}`);

export function useIssue(workspaceId: string, issueId: string) {
  return useQuery({
    queryKey: issueKeys.one(workspaceId, issueId),
    queryFn: () => fetchIssue(workspaceId, issueId),
    enabled: Boolean(issueId),
  });
}

export const createIssue = (workspaceId: string, body: IssueCreate) =>
  apiRequest<IssueDetail>(issuesPath(workspaceId), { method: 'POST', body });

export const updateIssue = (workspaceId: string, issueId: string, body: IssueUpdate) =>
  apiRequest<IssueDetail>(`${issuesPath(workspaceId)}/${issueId}`, { method: 'PATCH', body });

export const duplicateIssue = (workspaceId: string, issueId: string) =>
  apiRequest<IssueDetail>(`${issuesPath(workspaceId)}/${issueId}/duplicate`, { method: 'POST' });

export const deleteIssue = (workspaceId: string, issueId: string) =>
  apiRequest<void>(`${issuesPath(workspaceId)}/${issueId}`, { method: 'DELETE' });

export const sendTestEmail = (workspaceId: string, issueId: string, body: TestSend) =>
  apiRequest<TestSendResult>(`${issuesPath(workspaceId)}/${issueId}/test-send`, { method: 'POST', body });

/** The preview document of a variant (HTML for the iframe, or the text part). */
export function previewUrl(workspaceId: string, issueId: string, variant: Variant, format: 'html' | 'text' = 'html'): string {
  return apiUrl(`${issuesPath(workspaceId)}/${issueId}/${format === 'html' ? 'preview' : 'preview.txt'}`, { variant });
}

export interface UploadedFile {
  id: string;
  originalName: string;
  contentType: string;
}

export const uploadImage = (workspaceId: string, file: File) => apiUpload<UploadedFile>(`/api/workspaces/${workspaceId}/files`, file);

/** Where the composer shows an uploaded image (the member's session authorises it). */
export const fileUrl = (workspaceId: string, fileId: string) => `/api/workspaces/${workspaceId}/files/${fileId}`;

export interface AudienceOption {
  id: string;
  name: Record<string, { value: string; status: string }>;
  isArchived?: boolean;
  counts?: { confirmed: number };
}

function useAudienceOptions(kind: 'lists' | 'segments', workspaceId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: ['newsletter-audience-options', kind, workspaceId],
    queryFn: () => apiRequest<{ items: AudienceOption[] }>(`/api/workspaces/${workspaceId}/newsletter/${kind}`),
    enabled: isEnabled,
    retry: false,
    staleTime: 60_000,
  });
}

export const useListOptions = (workspaceId: string, isEnabled: boolean) => useAudienceOptions('lists', workspaceId, isEnabled);
export const useSegmentOptions = (workspaceId: string, isEnabled: boolean) => useAudienceOptions('segments', workspaceId, isEnabled);

/** How many subscribers the saved audience reaches now (absent when the audience area does not answer). */
export function useAudienceCount(workspaceId: string, listIds: string[], segmentId: string | null, isEnabled: boolean) {
  return useQuery({
    queryKey: ['newsletter-audience-count', workspaceId, listIds.join(','), segmentId],
    queryFn: () =>
      apiRequest<{ count: number }>(`/api/workspaces/${workspaceId}/newsletter/audience/count`, {
        query: { listIds: listIds.join(','), segmentId },
      }),
    enabled: isEnabled && listIds.length > 0,
    retry: false,
  });
}
