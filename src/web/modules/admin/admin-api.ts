/** Admin calls: members and invitations, workspace settings, jobs, audit log and outbox. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditPage, OutboxMessage, OutboxPage } from '../../../shared/admin/admin.schema.js';
import type { Role } from '../../../shared/roles.js';
import type { WorkspaceUpdate } from '../../../shared/workspaces/workspace.schema.js';
import { apiRequest, apiUpload } from '../../api/api-client.js';

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: string;
  createdAt: string;
}

export interface JobType {
  name: string;
  isPaused: boolean;
  pausedReason: string | null;
  isSending: boolean;
  counts: Record<string, number>;
}

export interface Job {
  id: string;
  name: string;
  state: 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';
  isDead: boolean;
  output: { message?: string } | null;
  retryCount: number;
  retryLimit: number;
  createdOn: string;
}

export type { AuditEntry, OutboxMessage };

const base = (workspaceId: string) => `/api/workspaces/${workspaceId}`;

export const useMembers = (workspaceId: string) =>
  useQuery({ queryKey: ['members', workspaceId], queryFn: () => apiRequest<Member[]>(`${base(workspaceId)}/members`) });

export const setMemberRole = (workspaceId: string, userId: string, role: Role) =>
  apiRequest(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'PATCH', body: { role } });

export const removeMember = (workspaceId: string, userId: string) =>
  apiRequest(`${base(workspaceId)}/members/${encodeURIComponent(userId)}`, { method: 'DELETE' });

export const useInvitations = (workspaceId: string) =>
  useQuery({ queryKey: ['invitations', workspaceId], queryFn: () => apiRequest<Invitation[]>(`${base(workspaceId)}/invitations`) });

export const createInvitation = (workspaceId: string, body: { email: string; role: Role }) =>
  apiRequest<Invitation & { url: string }>(`${base(workspaceId)}/invitations`, { method: 'POST', body });

export const revokeInvitation = (workspaceId: string, invitationId: string) =>
  apiRequest(`${base(workspaceId)}/invitations/${invitationId}`, { method: 'DELETE' });

export const updateWorkspace = (workspaceId: string, body: WorkspaceUpdate) => apiRequest(base(workspaceId), { method: 'PATCH', body });

export interface UploadedFile {
  id: string;
  originalName: string;
  contentType: string;
  byteSize: number;
}

export const uploadFile = (workspaceId: string, file: File) => apiUpload<UploadedFile>(`${base(workspaceId)}/files`, file);

/** Where a workspace file is read (the member's session cookie authorises it). */
export const fileUrl = (workspaceId: string, fileId: string) => `${base(workspaceId)}/files/${fileId}`;

export const useJobs = (workspaceId: string) =>
  useQuery({
    queryKey: ['jobs', workspaceId],
    queryFn: () => apiRequest<{ types: JobType[]; jobs: Job[] }>(`${base(workspaceId)}/admin/jobs`),
    refetchInterval: 10_000,
  });

export const setJobTypePaused = (workspaceId: string, name: string, isPaused: boolean) =>
  apiRequest(`${base(workspaceId)}/admin/job-types/${encodeURIComponent(name)}/${isPaused ? 'pause' : 'resume'}`, { method: 'POST' });

export const actOnJob = (workspaceId: string, job: Job, action: 'retry' | 'cancel') =>
  apiRequest(`${base(workspaceId)}/admin/jobs/${encodeURIComponent(job.name)}/${job.id}/${action}`, { method: 'POST' });

/** Newest first; each "load more" asks for the entries before the last page's cursor. */
export const useAuditPages = (workspaceId: string, limit = 50) =>
  useInfiniteQuery({
    queryKey: ['audit', workspaceId, limit],
    queryFn: ({ pageParam }) => apiRequest<AuditPage>(`${base(workspaceId)}/admin/audit`, { query: { limit, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useOutboxPages = (workspaceId: string, limit = 20) =>
  useInfiniteQuery({
    queryKey: ['outbox', workspaceId, limit],
    queryFn: ({ pageParam }) => apiRequest<OutboxPage>(`${base(workspaceId)}/admin/outbox`, { query: { limit, before: pageParam } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
