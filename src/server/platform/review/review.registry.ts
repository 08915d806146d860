/**
 * Content types that go through the approval workflow. Each module registers one reader per type
 * (`planning.campaign-brief`, later `newsletter.issue`, `social.post`…), so the workflow can check that
 * an item exists in the workspace and that its language versions are complete, without knowing its table.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { ReviewAction } from '../../../shared/review/review.schema.js';
import type { Permission } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../audit/audit.js';

export interface ReviewableItem {
  /** The reviewed text in every language, each with its translation status. */
  languages: LocalizedText;
  /** A short name for notifications and the audit (one language, the workspace's first). */
  title: string;
  /** Path inside the app where the item is edited and reviewed. */
  link: string;
}

export interface ReviewableContentType {
  /** `<module>.<thing>`, kebab-case. */
  type: string;
  /** What reading the item (and its review) takes, besides membership; any member when absent. */
  readPermission?: Permission;
  /**
   * The module schedules, unschedules and publishes the item itself (its own page, its own job), so the
   * workflow's `schedule`, `unschedule` and `publish` actions are neither offered nor accepted: the
   * review panel shows none of them, and the module moves the review as the item goes out.
   */
  schedulesItself?: boolean;
  /** The item `id` of `workspaceId`, or undefined when absent there (answered as 404). */
  load(db: DbOrTransaction, workspaceId: string, id: string): Promise<ReviewableItem | undefined>;
}

export const CONTENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/;

const registry = new Map<string, ReviewableContentType>();

/** Registers (or replaces, for a second app in the same process) the reader of a content type. */
export function registerReviewableContent(content: ReviewableContentType): void {
  if (!CONTENT_TYPE_PATTERN.test(content.type)) throw new Error(`Invalid reviewable content type: ${content.type}`);
  registry.set(content.type, content);
}

export function findReviewableContent(type: string): ReviewableContentType | undefined {
  return registry.get(type);
}

/** The workflow's actions a content type that `schedulesItself` takes on its own. */
export const SELF_SCHEDULED_ACTIONS: readonly ReviewAction[] = ['schedule', 'unschedule', 'publish'];

/** Whether the workflow offers (and accepts) `action` for this content type. */
export function isWorkflowAction(content: Pick<ReviewableContentType, 'schedulesItself'>, action: ReviewAction): boolean {
  return !(content.schedulesItself && SELF_SCHEDULED_ACTIONS.includes(action));
}
