/** Campaign schemas (S3): requests, responses and the goal-date move, shared by server, OpenAPI and forms. */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema } from './calendar-date.js';
import { milestoneKeySchema } from './planning-template.schema.js';

export const CAMPAIGN_KINDS = ['external', 'internal'] as const;
export const CAMPAIGN_STATUSES = ['planned', 'active', 'done', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

const ids = z.array(z.string().uuid()).max(50);
export const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const CampaignCreateSchema = z.strictObject({
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 4000 }).optional(),
  kind: z.enum(CAMPAIGN_KINDS).default('external'),
  goalDate: calendarDateSchema,
  /** A shipped or workspace template to apply at once. */
  templateKey: milestoneKeySchema.optional(),
  ownerUserId: z.string().max(100).nullable().optional(),
  objectiveIds: ids.optional(),
  audienceIds: ids.optional(),
  channelIds: ids.optional(),
});
export type CampaignCreate = z.infer<typeof CampaignCreateSchema>;

export const CampaignUpdateSchema = CampaignCreateSchema.omit({ goalDate: true, templateKey: true })
  .partial()
  .extend({
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
  });
export type CampaignUpdate = z.infer<typeof CampaignUpdateSchema>;

export const CampaignListQuerySchema = z.strictObject({
  status: z.enum(CAMPAIGN_STATUSES).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type CampaignListQuery = z.infer<typeof CampaignListQuerySchema>;

export const CampaignSchema = z.object({
  id: z.string().uuid(),
  title: LocalizedOut,
  description: LocalizedOut,
  kind: z.enum(CAMPAIGN_KINDS),
  goalDate: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  templateKey: z.string().nullable(),
  ownerUserId: z.string().nullable(),
  objectiveIds: z.array(z.string()),
  audienceIds: z.array(z.string()),
  channelIds: z.array(z.string()),
  taskCounts: z.object({ total: z.number().int(), done: z.number().int(), overdue: z.number().int() }),
  isArchived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignPageSchema = z.object({ items: z.array(CampaignSchema), nextCursor: z.string().nullable() });

export const ScheduleWarningSchema = z.object({
  code: z.enum([
    'DUE_IN_PAST',
    'STARTS_IN_PAST',
    'DUE_ON_NON_WORKING_DAY',
    'STARTED_BEFORE_PREREQUISITE_DONE',
    'STARTS_BEFORE_PREREQUISITE_DUE',
  ]),
  taskId: z.string(),
  date: z.string().optional(),
  weekendIn: z.array(z.string()).optional(),
  holidayKeys: z.array(z.string()).optional(),
  prerequisiteId: z.string().optional(),
});
export type ScheduleWarningOut = z.infer<typeof ScheduleWarningSchema>;

export const DateChangeSchema = z.object({
  id: z.string(),
  previousStartDate: z.string(),
  previousDueDate: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
});

/** Moving the goal date; `dryRun` shows what would move and the warnings without saving. */
export const GoalDateMoveSchema = z.strictObject({ goalDate: calendarDateSchema, dryRun: z.boolean().default(false) });
export const ScheduleChangeResultSchema = z.object({
  changed: z.array(DateChangeSchema),
  warnings: z.array(ScheduleWarningSchema),
  isSaved: z.boolean(),
});
export type ScheduleChangeResult = z.infer<typeof ScheduleChangeResultSchema>;

export const ApplyTemplateSchema = z.strictObject({ templateKey: milestoneKeySchema });

export const SaveAsTemplateSchema = z.strictObject({
  key: milestoneKeySchema,
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
});
