/** Communication plan calls against src/server/modules/planning/plan.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type { Indicator, IndicatorValue, IndicatorValueCreate, Plan } from '../../../../shared/planning/plan.schema.js';
import { apiRequest } from '../../../api/api-client.js';

export type { Indicator, IndicatorValue, Plan };

/** The parts of the plan as the API names them in paths. */
export type PlanPartPath = 'objectives' | 'audiences' | 'key-messages' | 'channels' | 'indicators';

const planPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/plan`;

export const planKeys = {
  plan: (workspaceId: string) => ['plan', workspaceId] as const,
  values: (workspaceId: string, indicatorId: string) => ['plan-indicator-values', workspaceId, indicatorId] as const,
};

export function usePlan(workspaceId: string) {
  return useQuery({ queryKey: planKeys.plan(workspaceId), queryFn: () => apiRequest<Plan>(planPath(workspaceId)) });
}

export function savePlanItem(workspaceId: string, part: PlanPartPath, id: string | undefined, body: unknown) {
  return id
    ? apiRequest<{ id: string }>(`${planPath(workspaceId)}/${part}/${id}`, { method: 'PATCH', body })
    : apiRequest<{ id: string }>(`${planPath(workspaceId)}/${part}`, { method: 'POST', body });
}

export function archivePlanItem(workspaceId: string, part: PlanPartPath, id: string) {
  return apiRequest<{ id: string }>(`${planPath(workspaceId)}/${part}/${id}/archive`, { method: 'POST' });
}

export function useIndicatorValues(workspaceId: string, indicatorId: string, isEnabled: boolean) {
  return useQuery({
    queryKey: planKeys.values(workspaceId, indicatorId),
    queryFn: () => apiRequest<{ items: IndicatorValue[] }>(`${planPath(workspaceId)}/indicators/${indicatorId}/values`),
    enabled: isEnabled,
  });
}

export function recordIndicatorValue(workspaceId: string, indicatorId: string, body: IndicatorValueCreate) {
  return apiRequest<IndicatorValue>(`${planPath(workspaceId)}/indicators/${indicatorId}/values`, { method: 'POST', body });
}
