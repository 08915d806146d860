/** Task calls against src/server/modules/planning/tasks.routes.ts: lists, detail, Gantt move, comments, attachments. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { ScheduleChangeResult } from '../../../../../shared/planning/campaign.schema.js';
import type { Task, TaskCreate, TaskUpdate } from '../../../../../shared/planning/task.schema.js';
import { apiRequest, apiUpload } from '../../../../api/api-client.js';

export type { Task };

export interface TaskFilters {
  assignee?: 'me' | string;
  campaignId?: string;
  status?: 'todo' | 'in_progress' | 'done' | 'open';
  dueBefore?: string;
}

export interface TaskComment {
  id: string;
  authorUserId: string | null;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Assignee {
  userId: string;
  name: string;
  role: string;
}

const base = (workspaceId: string) => `/api/workspaces/${workspaceId}`;
const taskPath = (workspaceId: string, taskId: string) => `${base(workspaceId)}/tasks/${taskId}`;

export const taskKeys = {
  all: (workspaceId: string) => ['tasks', workspaceId] as const,
  one: (workspaceId: string, taskId: string) => ['task', workspaceId, taskId] as const,
  comments: (workspaceId: string, taskId: string) => ['task-comments', workspaceId, taskId] as const,
};

export function useTaskPages(workspaceId: string, filters: TaskFilters, limit = 100) {
  return useInfiniteQuery({
    queryKey: [...taskKeys.all(workspaceId), filters, limit],
    queryFn: ({ pageParam }) =>
      apiRequest<{ items: Task[]; nextCursor: string | null }>(`${base(workspaceId)}/tasks`, {
        query: { ...filters, cursor: pageParam, limit },
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function useTask(workspaceId: string, taskId: string | undefined) {
  return useQuery({
    queryKey: taskKeys.one(workspaceId, taskId ?? ''),
    queryFn: () => apiRequest<Task>(taskPath(workspaceId, taskId ?? '')),
    enabled: Boolean(taskId),
  });
}

export function useTaskComments(workspaceId: string, taskId: string) {
  return useQuery({
    queryKey: taskKeys.comments(workspaceId, taskId),
    // Accepts a bare array or a `{ items }` page.
    queryFn: async () => {
      const answer = await apiRequest<TaskComment[] | { items: TaskComment[] }>(`${taskPath(workspaceId, taskId)}/comments`);
      return Array.isArray(answer) ? answer : answer.items;
    },
  });
}

/** The people a task can be given to (members of the workspace). */
export function useAssignees(workspaceId: string) {
  return useQuery({
    queryKey: ['planning-assignees', workspaceId],
    queryFn: () => apiRequest<{ items: Assignee[] }>(`${base(workspaceId)}/planning/assignees`),
    staleTime: 60_000,
  });
}

export const createTask = (workspaceId: string, body: TaskCreate) =>
  apiRequest<Task>(`${base(workspaceId)}/tasks`, { method: 'POST', body });

export const updateTask = (workspaceId: string, taskId: string, body: TaskUpdate) =>
  apiRequest<Task>(taskPath(workspaceId, taskId), { method: 'PATCH', body });

export const deleteTask = (workspaceId: string, taskId: string) => apiRequest(taskPath(workspaceId, taskId), { method: 'DELETE' });

/** The Gantt move: the task ends on `dueDate`, its dependants are pushed. */
export const moveTaskDueDate = (workspaceId: string, taskId: string, dueDate: string, dryRun = false) =>
  apiRequest<ScheduleChangeResult>(`${taskPath(workspaceId, taskId)}/move`, { method: 'POST', body: { dueDate, dryRun } });

export const addTaskComment = (workspaceId: string, taskId: string, body: string) =>
  apiRequest<TaskComment>(`${taskPath(workspaceId, taskId)}/comments`, { method: 'POST', body: { body } });

export const addTaskAttachment = (workspaceId: string, taskId: string, fileId: string) =>
  apiRequest<Task>(`${taskPath(workspaceId, taskId)}/attachments`, { method: 'POST', body: { fileId } });

export const removeTaskAttachment = (workspaceId: string, taskId: string, fileId: string) =>
  apiRequest<Task>(`${taskPath(workspaceId, taskId)}/attachments/${fileId}`, { method: 'DELETE' });

/** Uploads the file first (the workspace's file route), then attaches it to the task. */
export async function attachFile(workspaceId: string, taskId: string, file: File) {
  const uploaded = await apiUpload<{ id: string; originalName: string }>(`${base(workspaceId)}/files`, file);
  await addTaskAttachment(workspaceId, taskId, uploaded.id);
  return uploaded;
}

export const taskFileUrl = (workspaceId: string, fileId: string) => `${base(workspaceId)}/files/${fileId}`;
