/** The workspace named by the URL (`/w/:workspaceId/...`), the member's role in it, and what that role allows. */
import { useRoute } from 'wouter';
import { hasPermission, type Permission } from '../../shared/roles.js';
import { type MeWorkspace, useMe } from '../api/session.js';

const LAST_WORKSPACE_KEY = 'tawasul.workspace';

export function rememberWorkspace(id: string): void {
  try {
    localStorage.setItem(LAST_WORKSPACE_KEY, id);
  } catch {
    // Without storage the first workspace is used next time.
  }
}

/** The workspace to open when the URL names none: the last one used, else the first. */
export function defaultWorkspace(workspaces: MeWorkspace[]): MeWorkspace | undefined {
  let last: string | null = null;
  try {
    last = localStorage.getItem(LAST_WORKSPACE_KEY);
  } catch {
    last = null;
  }
  return workspaces.find((workspace) => workspace.id === last) ?? workspaces[0];
}

export interface CurrentWorkspace {
  workspace: MeWorkspace;
  /** Whether the member's role grants `permission` (the server still decides). */
  can(permission: Permission): boolean;
  /** `/w/<id><path>` */
  href(path: string): string;
}

/** The current workspace, or undefined outside a workspace page. */
export function useCurrentWorkspace(): CurrentWorkspace | undefined {
  const [, params] = useRoute<{ workspaceId: string }>('/w/:workspaceId/*?');
  const { data: me } = useMe();
  if (!me) return undefined;
  const workspace = params ? me.workspaces.find((item) => item.id === params.workspaceId) : defaultWorkspace(me.workspaces);
  if (!workspace) return undefined;
  return {
    workspace,
    can: (permission) => hasPermission(workspace.role, permission),
    href: (path) => `/w/${workspace.id}${path}`,
  };
}

/** The current workspace inside a workspace page, where the shell guarantees one. */
export function useWorkspace(): CurrentWorkspace {
  const current = useCurrentWorkspace();
  if (!current) throw new Error('useWorkspace outside a workspace page');
  return current;
}
