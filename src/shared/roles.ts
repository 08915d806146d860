/** Roles per workspace (X2) and what each may do. Checked on the server at every route (STYLE G4). */
export const ROLES = ['admin', 'officer', 'reviewer', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  'directory:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'directory:write': ['admin', 'officer'],
  'workspace:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'workspace:manage': ['admin'],
  'members:manage': ['admin'],
  'files:write': ['admin', 'officer', 'contributor'],
  'jobs:manage': ['admin'],
  'audit:read': ['admin'],
  'outbox:read': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` grants `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
