/**
 * The approval workflow (S5), shared by the server (which enforces it) and the web (which shows only
 * the actions allowed): states, actions, the one transition table, and the API shapes.
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { hasPermission, type Permission, type Role } from '../roles.js';

export const REVIEW_STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'scheduled', 'published', 'archived'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const REVIEW_ACTIONS = ['submit', 'approve', 'request_changes', 'schedule', 'unschedule', 'publish', 'archive', 'reopen'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export interface ReviewTransition {
  from: readonly ReviewState[];
  /** The state reached; `approve` reaches it only once enough approvals are recorded. */
  to: ReviewState;
  permission: Permission;
  /** A note (comment) is required, e.g. what to change. */
  isNoteRequired?: boolean;
  /** A date and time (`scheduledFor`) is required. */
  isDateRequired?: boolean;
  /** Every content language of the workspace must be present and reviewed, unless an admin overrides. */
  needsCompleteLanguages?: boolean;
}

const EVERY_STATE_BUT_ARCHIVED = REVIEW_STATES.filter((state) => state !== 'archived');

/** The one transition table of every content type. */
export const REVIEW_TRANSITIONS: Record<ReviewAction, ReviewTransition> = {
  submit: { from: ['draft', 'changes_requested'], to: 'in_review', permission: 'review:submit' },
  approve: { from: ['in_review'], to: 'approved', permission: 'review:decide' },
  request_changes: { from: ['in_review'], to: 'changes_requested', permission: 'review:decide', isNoteRequired: true },
  schedule: {
    from: ['approved'],
    to: 'scheduled',
    permission: 'review:schedule',
    isDateRequired: true,
    needsCompleteLanguages: true,
  },
  unschedule: { from: ['scheduled'], to: 'approved', permission: 'review:schedule' },
  publish: { from: ['approved', 'scheduled'], to: 'published', permission: 'review:schedule', needsCompleteLanguages: true },
  archive: { from: EVERY_STATE_BUT_ARCHIVED, to: 'archived', permission: 'review:schedule' },
  // Reopening finished work is an admin's call ('review:override' is held by admins only).
  reopen: { from: ['archived', 'published'], to: 'draft', permission: 'review:override' },
};

/** What decides whether a member may take an action now, besides the table. */
export interface ReviewActorFacts {
  role: Role;
  /** The member already approved in this round. */
  hasApproved: boolean;
  /** The member made the submission under review. */
  isSubmitter: boolean;
}

/**
 * Whether `action` is open to this member in `state`. Decision: the submitter may not approve their
 * own submission (four eyes), except an admin, who may override every check anyway and is audited.
 */
export function canTakeAction(action: ReviewAction, state: ReviewState, facts: ReviewActorFacts): boolean {
  const transition = REVIEW_TRANSITIONS[action];
  if (!transition.from.includes(state) || !hasPermission(facts.role, transition.permission)) return false;
  if (action === 'approve') return !facts.hasApproved && (!facts.isSubmitter || facts.role === 'admin');
  return true;
}

/** Every action open to this member in `state`, in table order. */
export function allowedActions(state: ReviewState, facts: ReviewActorFacts): ReviewAction[] {
  return REVIEW_ACTIONS.filter((action) => canTakeAction(action, state, facts));
}

/** The content languages of the workspace that are missing or not yet reviewed. */
export function incompleteLanguages(
  languages: Partial<Record<string, { value: string; status: string }>>,
  required: readonly string[],
): string[] {
  return required.filter((language) => {
    const entry = languages[language];
    return !entry || entry.value.trim() === '' || entry.status !== 'reviewed';
  });
}

export const REVIEW_NOTE_MAX = 2000;
export const REVIEW_QUOTE_MAX = 500;
export const REVIEW_OVERRIDE_MAX = 500;

export const ReviewTransitionRequestSchema = z.strictObject({
  action: z.enum(REVIEW_ACTIONS),
  note: z.string().trim().max(REVIEW_NOTE_MAX, { message: 'TOO_LONG' }).optional(),
  scheduledFor: z.string().datetime({ offset: true, message: 'INVALID_FORMAT' }).optional(),
  override: z
    .strictObject({ reason: z.string().trim().min(1, { message: 'REQUIRED' }).max(REVIEW_OVERRIDE_MAX, { message: 'TOO_LONG' }) })
    .optional(),
});
export type ReviewTransitionRequest = z.infer<typeof ReviewTransitionRequestSchema>;

export const ReviewCommentCreateSchema = z.strictObject({
  /** The language version the comment is about; absent for the whole item. */
  language: z.enum(CONTENT_LANGUAGES).nullable().optional(),
  quote: z.string().trim().max(REVIEW_QUOTE_MAX, { message: 'TOO_LONG' }).optional(),
  body: z.string().trim().min(1, { message: 'REQUIRED' }).max(REVIEW_NOTE_MAX, { message: 'TOO_LONG' }),
});
export type ReviewCommentCreate = z.infer<typeof ReviewCommentCreateSchema>;

const PersonRef = z.object({ id: z.string(), name: z.string() }).nullable();

export const ReviewEventSchema = z.object({
  id: z.number().int(),
  action: z.string(),
  fromState: z.enum(REVIEW_STATES),
  toState: z.enum(REVIEW_STATES),
  note: z.string().nullable(),
  actor: PersonRef,
  createdAt: z.string(),
});
export type ReviewEvent = z.infer<typeof ReviewEventSchema>;

export const ReviewCommentSchema = z.object({
  id: z.string().uuid(),
  language: z.string().nullable(),
  quote: z.string().nullable(),
  body: z.string(),
  author: PersonRef,
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

export const ReviewSchema = z.object({
  contentType: z.string(),
  contentId: z.string().uuid(),
  title: z.string(),
  link: z.string(),
  state: z.enum(REVIEW_STATES),
  scheduledFor: z.string().nullable(),
  overrideReason: z.string().nullable(),
  requiredApprovals: z.number().int(),
  approvals: z.array(z.object({ user: PersonRef, createdAt: z.string() })),
  submittedBy: PersonRef,
  /** Each content language of the workspace with the status of its version. */
  languages: z.array(z.object({ language: z.string(), status: z.string() })),
  incompleteLanguages: z.array(z.string()),
  allowedActions: z.array(z.enum(REVIEW_ACTIONS)),
  canOverride: z.boolean(),
  canComment: z.boolean(),
  events: z.array(ReviewEventSchema),
  comments: z.array(ReviewCommentSchema),
});
export type Review = z.infer<typeof ReviewSchema>;
