/** The signed-in user (GET /api/me) and the auth calls of better-auth, as the server exposes them. */
import { useQuery } from '@tanstack/react-query';
import type { UiLocale } from '../../shared/languages.js';
import type { Role } from '../../shared/roles.js';
import { ApiError, apiRequest, setCsrfToken } from './api-client.js';

export interface MeWorkspace {
  id: string;
  slug: string;
  name: Record<string, { value: string; status: string }>;
  contentLanguages: string[];
  arabicDigits: 'latn' | 'arab';
  brandColor: string;
  logoFileId: string | null;
  /** Approvals a content item needs before scheduling (absent from older servers' answers). */
  requiredApprovals?: number;
  /** Countries whose holidays the planning warns about, and the workspace's time zone. */
  holidayCountries?: string[];
  timeZone?: string;
  role: Role;
}

export interface Me {
  user: { id: string; name: string; email: string; locale: UiLocale };
  workspaces: MeWorkspace[];
  csrfToken: string;
}

export const ME_QUERY_KEY = ['me'] as const;

/** The signed-in user, or null when signed out. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}

export function signIn(email: string, password: string) {
  return apiRequest('/api/auth/sign-in/email', { method: 'POST', body: { email, password } });
}

export function signOut() {
  return apiRequest('/api/auth/sign-out', { method: 'POST', body: {} });
}

export function updateMyLocale(locale: UiLocale) {
  return apiRequest('/api/me', { method: 'PATCH', body: { locale } });
}

export function changePassword(currentPassword: string, newPassword: string) {
  return apiRequest('/api/auth/change-password', { method: 'POST', body: { currentPassword, newPassword, revokeOtherSessions: true } });
}

export function revokeOtherSessions() {
  return apiRequest('/api/auth/revoke-other-sessions', { method: 'POST', body: {} });
}

export function requestPasswordReset(email: string) {
  return apiRequest('/api/auth/request-password-reset', { method: 'POST', body: { email, redirectTo: '/app/reset-password' } });
}

export function resetPassword(token: string, newPassword: string) {
  return apiRequest('/api/auth/reset-password', { method: 'POST', body: { newPassword, token } });
}
