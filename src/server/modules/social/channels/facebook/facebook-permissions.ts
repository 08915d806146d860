/** What Tawasul asks Facebook for when an admin connects a page, and why. */

/**
 * Login permissions (scopes): list the pages (pages_show_list), read posts and comments
 * (pages_read_engagement, pages_read_user_content), publish and delete (pages_manage_posts), reply
 * and hide (pages_manage_engagement), read insights (read_insights).
 */
export const FACEBOOK_PERMISSIONS = [
  'pages_show_list',
  'pages_read_engagement',
  'pages_manage_posts',
  'pages_manage_engagement',
  'pages_read_user_content',
  'read_insights',
] as const;

export type FacebookPermission = (typeof FACEBOOK_PERMISSIONS)[number];

/** Page tasks the person must hold on the page: publish, moderate comments, see insights (MANAGE covers all). */
export const FACEBOOK_PAGE_TASKS = ['CREATE_CONTENT', 'MODERATE', 'ANALYZE'] as const;

/** Required tasks the person lacks on a page, given its `tasks` from /me/accounts. */
export function missingPageTasks(tasks: readonly string[]): string[] {
  if (tasks.includes('MANAGE')) return [];
  return FACEBOOK_PAGE_TASKS.filter((task) => !tasks.includes(task));
}
