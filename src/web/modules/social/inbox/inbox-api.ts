/** Comments inbox calls against src/server/modules/social/inbox.routes.ts. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  InboxComment,
  InboxListQuery,
  InboxPage,
  InboxPostList,
  InboxRefresh,
  InboxState,
  InboxStatus,
  InboxThread,
} from '../../../../shared/social/inbox.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { InboxComment, InboxState, InboxThread };

export type InboxFilters = Partial<Pick<InboxListQuery, 'state' | 'language' | 'post'>>;

const inboxPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/social/inbox`;

export const inboxKeys = {
  all: (workspaceId: string) => ['social-inbox', workspaceId] as const,
};

export function useInboxPages(workspaceId: string, filters: InboxFilters) {
  return useInfiniteQuery({
    queryKey: [...inboxKeys.all(workspaceId), 'threads', filters],
    queryFn: ({ pageParam }) => apiRequest<InboxPage>(inboxPath(workspaceId), { query: { ...filters, cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useInboxPosts(workspaceId: string) {
  return useQuery({
    queryKey: [...inboxKeys.all(workspaceId), 'posts'],
    queryFn: () => apiRequest<InboxPostList>(`${inboxPath(workspaceId)}/posts`),
  });
}

export function useInboxStatus(workspaceId: string) {
  return useQuery({
    queryKey: [...inboxKeys.all(workspaceId), 'status'],
    queryFn: () => apiRequest<InboxStatus>(`${inboxPath(workspaceId)}/status`),
  });
}

/** A fresh idempotency key (a v4 UUID), also where `crypto.randomUUID` is missing (plain http on a LAN). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Every inbox action refreshes the lists, counts and post filter once it is done. */
function useInboxMutation<Input, Output>(workspaceId: string, call: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all(workspaceId) }),
  });
}

export function useReply(workspaceId: string) {
  return useInboxMutation(workspaceId, (input: { commentId: string; message: string; idempotencyKey: string }) =>
    apiRequest<InboxThread>(`${inboxPath(workspaceId)}/comments/${input.commentId}/replies`, {
      method: 'POST',
      body: { message: input.message, idempotencyKey: input.idempotencyKey },
    }),
  );
}

export function useHide(workspaceId: string) {
  return useInboxMutation(workspaceId, (input: { commentId: string; hidden: boolean }) =>
    apiRequest<InboxThread>(`${inboxPath(workspaceId)}/comments/${input.commentId}/hide`, {
      method: 'POST',
      body: { hidden: input.hidden },
    }),
  );
}

export function useHandled(workspaceId: string) {
  return useInboxMutation(workspaceId, (input: { commentId: string; handled: boolean }) =>
    apiRequest<InboxThread>(`${inboxPath(workspaceId)}/comments/${input.commentId}/handled`, {
      method: 'POST',
      body: { handled: input.handled },
    }),
  );
}

export function useRefresh(workspaceId: string) {
  return useInboxMutation(workspaceId, () => apiRequest<InboxRefresh>(`${inboxPath(workspaceId)}/refresh`, { method: 'POST' }));
}
