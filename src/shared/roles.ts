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
  // Planning (S1–S4): everyone reads the plan, campaigns and calendar; the officer plans.
  'planning:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'plan:write': ['admin', 'officer'],
  'campaigns:write': ['admin', 'officer'],
  'templates:write': ['admin', 'officer'],
  'holidays:manage': ['admin', 'officer'],
  /** Status, checklist, comments and attachments of tasks (a contributor on their own tasks only: checked in the service). */
  'tasks:work': ['admin', 'officer', 'reviewer', 'contributor'],
  'needs:submit': ['admin', 'officer', 'reviewer', 'contributor'],
  'needs:triage': ['admin', 'officer'],
  // Approval workflow (S5), for every content type.
  'review:comment': ['admin', 'officer', 'reviewer', 'contributor'],
  'review:submit': ['admin', 'officer', 'contributor'],
  'review:decide': ['admin', 'officer', 'reviewer'],
  'review:schedule': ['admin', 'officer'],
  'review:override': ['admin'],
  // Newsletter (T3): subscribers are personal data, so only admins and officers see them.
  'newsletter:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'newsletter:write': ['admin', 'officer', 'contributor'],
  'newsletter:send': ['admin', 'officer'],
  'newsletter:settings': ['admin'],
  'subscribers:read': ['admin', 'officer'],
  'subscribers:manage': ['admin', 'officer'],
  // Studio (T4, T5): everyone sees the brand kit and library; contributors make visuals and documents.
  'studio:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'studio:write': ['admin', 'officer', 'contributor'],
  'brand:manage': ['admin', 'officer'],
  // Social (T1): contributors draft posts; officers publish; only admins connect a page (its token).
  'social:read': ['admin', 'officer', 'reviewer', 'contributor', 'viewer'],
  'social:write': ['admin', 'officer', 'contributor'],
  'social:publish': ['admin', 'officer'],
  'social:engage': ['admin', 'officer'],
  'social:connect': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether `role` grants `permission`. */
export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
