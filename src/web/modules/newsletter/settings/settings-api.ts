/** Newsletter settings and bounces calls against src/server/modules/newsletter/tracking/settings.routes.ts and bounces.routes.ts. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  BouncePage,
  ManualBounces,
  ManualBouncesResult,
  NewsletterSettings,
  NewsletterSettingsUpdate,
} from '../../../../shared/newsletter/tracking-api.schema.js';
import { apiRequest } from '../../../api/api-client.js';

const settingsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter/settings`;
const bouncesPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/newsletter/bounces`;

export const newsletterSettingsKeys = {
  settings: (workspaceId: string) => ['newsletter-settings', workspaceId] as const,
  bounces: (workspaceId: string) => ['newsletter-bounces', workspaceId] as const,
};

export function useNewsletterSettings(workspaceId: string) {
  return useQuery({
    queryKey: newsletterSettingsKeys.settings(workspaceId),
    queryFn: () => apiRequest<NewsletterSettings>(settingsPath(workspaceId)),
  });
}

export const saveNewsletterSettings = (workspaceId: string, body: NewsletterSettingsUpdate) =>
  apiRequest<NewsletterSettings>(settingsPath(workspaceId), { method: 'PUT', body });

export const generateDkimKey = (workspaceId: string) =>
  apiRequest<NewsletterSettings>(`${settingsPath(workspaceId)}/dkim-key`, { method: 'POST', body: {} });

export const rotateBounceWebhook = (workspaceId: string) =>
  apiRequest<NewsletterSettings>(`${settingsPath(workspaceId)}/bounce-webhook`, { method: 'POST', body: {} });

export function useBouncePages(workspaceId: string, isEnabled: boolean) {
  return useInfiniteQuery({
    queryKey: newsletterSettingsKeys.bounces(workspaceId),
    queryFn: ({ pageParam }) => apiRequest<BouncePage>(bouncesPath(workspaceId), { query: { cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: isEnabled,
  });
}

export const markBounces = (workspaceId: string, body: ManualBounces) =>
  apiRequest<ManualBouncesResult>(bouncesPath(workspaceId), { method: 'POST', body });

/** The addresses of a pasted report: one per line, or separated by commas, semicolons or spaces. */
export function splitPastedEmails(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}
