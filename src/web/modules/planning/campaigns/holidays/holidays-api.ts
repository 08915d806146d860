/** Holidays of the workspace's countries and the workspace's own changes (days added, estimates removed). */
import { useQuery } from '@tanstack/react-query';
import type { LocalizedText } from '../../../../../shared/localized-text.js';
import type { Holiday } from '../../../../../shared/planning/holidays.js';
import { apiRequest } from '../../../../api/api-client.js';

export type { Holiday };

export interface HolidayChange {
  id: string;
  kind: 'added' | 'removed';
  date: string;
  name: LocalizedText;
  countries: string[];
  holidayKey: string | null;
  createdAt?: string;
}

export interface HolidayChangeCreate {
  kind: 'added' | 'removed';
  date: string;
  name?: LocalizedText;
  countries?: string[];
  holidayKey?: string;
}

const base = (workspaceId: string) => `/api/workspaces/${workspaceId}`;

export const holidayKeys = {
  all: (workspaceId: string) => ['holidays', workspaceId] as const,
  changes: (workspaceId: string) => ['holiday-changes', workspaceId] as const,
};

export function useHolidays(workspaceId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...holidayKeys.all(workspaceId), from, to],
    queryFn: () => apiRequest<{ items: Holiday[] }>(`${base(workspaceId)}/holidays`, { query: { from, to } }),
    staleTime: 5 * 60_000,
  });
}

export function useHolidayChanges(workspaceId: string, isEnabled = true) {
  return useQuery({
    queryKey: holidayKeys.changes(workspaceId),
    queryFn: () => apiRequest<{ items: HolidayChange[] }>(`${base(workspaceId)}/holiday-changes`),
    enabled: isEnabled,
  });
}

export const createHolidayChange = (workspaceId: string, body: HolidayChangeCreate) =>
  apiRequest<HolidayChange>(`${base(workspaceId)}/holiday-changes`, { method: 'POST', body });

export const deleteHolidayChange = (workspaceId: string, id: string) =>
  apiRequest(`${base(workspaceId)}/holiday-changes/${id}`, { method: 'DELETE' });
