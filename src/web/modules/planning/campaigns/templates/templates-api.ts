/** Retro-planning template calls against src/server/modules/planning/templates.routes.ts. */
import { useQuery } from '@tanstack/react-query';
import type { PlanningTemplateInput } from '../../../../../shared/planning/planning-template.schema.js';
import type { PlanningTemplateOut } from '../../../../../shared/planning/template-api.schema.js';
import { apiRequest } from '../../../../api/api-client.js';

export type { PlanningTemplateOut };

const templatesPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/planning-templates`;

export const templateKeys = { all: (workspaceId: string) => ['planning-templates', workspaceId] as const };

export function useTemplates(workspaceId: string) {
  return useQuery({
    queryKey: templateKeys.all(workspaceId),
    queryFn: () => apiRequest<{ items: PlanningTemplateOut[] }>(templatesPath(workspaceId)),
    staleTime: 60_000,
  });
}

export const createTemplate = (workspaceId: string, body: PlanningTemplateInput & { key: string }) =>
  apiRequest<PlanningTemplateOut>(templatesPath(workspaceId), { method: 'POST', body });

export const replaceTemplate = (workspaceId: string, key: string, body: PlanningTemplateInput) =>
  apiRequest<PlanningTemplateOut>(`${templatesPath(workspaceId)}/${key}`, { method: 'PUT', body });

/** A workspace template goes; a customized shipped one goes back to the shipped version. */
export const deleteTemplate = (workspaceId: string, key: string) =>
  apiRequest(`${templatesPath(workspaceId)}/${key}`, { method: 'DELETE' });
