/** Sending calls against src/server/modules/newsletter/sending.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type {
  SendProgress,
  UnconfirmedDecision,
  UnconfirmedDecisionResult,
  UnconfirmedPage,
} from '../../../../shared/newsletter/sending-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { SendProgress, UnconfirmedPage };

const sendPath = (workspaceId: string, issueId: string) => `/api/workspaces/${workspaceId}/newsletter/issues/${issueId}/send`;

export const sendingKeys = {
  progress: (workspaceId: string, issueId: string) => ['newsletter-send-progress', workspaceId, issueId] as const,
  unconfirmed: (workspaceId: string, issueId: string) => ['newsletter-send-unconfirmed', workspaceId, issueId] as const,
};

/** Whether the figures still move (the panel polls every second meanwhile). */
export function isMoving(progress: SendProgress | undefined): boolean {
  return progress?.status === 'sending';
}

export function useSendProgress(workspaceId: string, issueId: string) {
  return useQuery({
    queryKey: sendingKeys.progress(workspaceId, issueId),
    queryFn: () => apiRequest<SendProgress>(`${sendPath(workspaceId, issueId)}/progress`),
    refetchInterval: (query) => (isMoving(query.state.data) ? 1000 : false),
  });
}

export function useUnconfirmed(workspaceId: string, issueId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: sendingKeys.unconfirmed(workspaceId, issueId),
    queryFn: () => apiRequest<UnconfirmedPage>(`${sendPath(workspaceId, issueId)}/unconfirmed`),
    enabled: isEnabled,
  });
}

export type SendAction = 'start' | 'pause' | 'resume' | 'cancel';

export function sendAction(workspaceId: string, issueId: string, action: SendAction): Promise<SendProgress> {
  return apiRequest<SendProgress>(`${sendPath(workspaceId, issueId)}${action === 'start' ? '' : `/${action}`}`, { method: 'POST' });
}

export function decideUnconfirmed(workspaceId: string, issueId: string, decision: UnconfirmedDecision): Promise<UnconfirmedDecisionResult> {
  return apiRequest<UnconfirmedDecisionResult>(`${sendPath(workspaceId, issueId)}/unconfirmed`, { method: 'POST', body: decision });
}
