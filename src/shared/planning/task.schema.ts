/** Task schemas (S3): dated work of a campaign, or on its own; the Gantt move and "my tasks". */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { ROLES } from '../roles.js';
import { calendarDateSchema } from './calendar-date.js';
import { LocalizedOut, ScheduleWarningSchema } from './campaign.schema.js';
import { TASK_STATUSES } from './schedule-warnings.js';

export const ChecklistItemSchema = z.strictObject({
  id: z.string().min(1).max(40),
  label: z.string().min(1, { message: 'REQUIRED' }).max(LIMITS.shortTextLength, { message: 'TOO_LONG' }),
  isDone: z.boolean().default(false),
});

const taskFields = {
  campaignId: z.string().uuid().nullable().optional(),
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 4000 }).optional(),
  role: z.enum(ROLES).nullable().optional(),
  assigneeUserId: z.string().max(100).nullable().optional(),
  organisationId: z.string().uuid().nullable().optional(),
  startDate: calendarDateSchema,
  dueDate: calendarDateSchema,
  isMilestone: z.boolean().optional(),
  checklist: z.array(ChecklistItemSchema).max(50).optional(),
  prerequisiteIds: z.array(z.string().uuid()).max(50).optional(),
};

export const TaskCreateSchema = z.strictObject(taskFields);
export type TaskCreate = z.infer<typeof TaskCreateSchema>;

export const TaskUpdateSchema = z
  .strictObject(taskFields)
  .omit({ campaignId: true })
  .partial()
  .extend({
    status: z.enum(TASK_STATUSES).optional(),
    expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
  });
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

export const TaskListQuerySchema = z.strictObject({
  /** `me`: the caller's tasks ("my tasks"). */
  assignee: z.string().max(100).optional(),
  campaignId: z.string().uuid().optional(),
  status: z.enum([...TASK_STATUSES, 'open']).optional(),
  dueBefore: calendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(50),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuerySchema>;

export const TaskSchema = z.object({
  id: z.string().uuid(),
  campaignId: z.string().nullable(),
  milestoneKey: z.string().nullable(),
  title: LocalizedOut,
  description: LocalizedOut,
  role: z.string().nullable(),
  assigneeUserId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  organisationId: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  startDate: z.string(),
  dueDate: z.string(),
  isMilestone: z.boolean(),
  checklist: z.array(z.object({ id: z.string(), label: z.string(), isDone: z.boolean() })),
  prerequisiteIds: z.array(z.string()),
  commentCount: z.number().int(),
  attachmentFileIds: z.array(z.string()),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskPageSchema = z.object({ items: z.array(TaskSchema), nextCursor: z.string().nullable() });

/** A campaign's whole plan for the Gantt: tasks, dependencies and the current warnings. */
export const CampaignPlanSchema = z.object({
  tasks: z.array(TaskSchema),
  dependencies: z.array(z.object({ taskId: z.string(), prerequisiteId: z.string() })),
  warnings: z.array(ScheduleWarningSchema),
});
export type CampaignPlan = z.infer<typeof CampaignPlanSchema>;

/** Gantt drag: the task ends on `dueDate` (duration kept); dependants are pushed; `dryRun` previews. */
export const TaskMoveSchema = z.strictObject({ dueDate: calendarDateSchema, dryRun: z.boolean().default(false) });

export const TaskCommentCreateSchema = z.strictObject({
  body: z.string().trim().min(1, { message: 'REQUIRED' }).max(4000, { message: 'TOO_LONG' }),
});
export const TaskCommentSchema = z.object({
  id: z.string(),
  authorUserId: z.string().nullable(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const TaskAttachmentCreateSchema = z.strictObject({ fileId: z.string().uuid() });
