/** Communication plan schemas (S1): objectives, audiences, key messages, channels, indicators and their values. */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema as isoDate } from './calendar-date.js';

export const CHANNEL_KINDS = ['facebook', 'website', 'newsletter', 'press', 'event', 'print', 'other'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

const position = z.number().int().min(0).max(100_000);
const amount = z.number().finite().min(-1e12).max(1e12);
const uuid = z.string().uuid();
/** Edits carry the `updatedAt` the editor loaded; a newer row means someone else saved meanwhile. */
const expectedUpdatedAt = z.string().datetime({ offset: true }).optional();

export const ObjectiveCreateSchema = z.strictObject({
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  position: position.optional(),
});
export type ObjectiveCreate = z.infer<typeof ObjectiveCreateSchema>;
export const ObjectiveUpdateSchema = ObjectiveCreateSchema.partial().extend({ expectedUpdatedAt });
export type ObjectiveUpdate = z.infer<typeof ObjectiveUpdateSchema>;

export const AudienceCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  position: position.optional(),
});
export type AudienceCreate = z.infer<typeof AudienceCreateSchema>;
export const AudienceUpdateSchema = AudienceCreateSchema.partial().extend({ expectedUpdatedAt });
export type AudienceUpdate = z.infer<typeof AudienceUpdateSchema>;

export const KeyMessageCreateSchema = z.strictObject({
  audienceId: uuid,
  objectiveId: uuid.nullable().optional(),
  message: localizedTextSchema({ required: true, maxLength: 1000 }),
  position: position.optional(),
});
export type KeyMessageCreate = z.infer<typeof KeyMessageCreateSchema>;
export const KeyMessageUpdateSchema = KeyMessageCreateSchema.partial().extend({ expectedUpdatedAt });
export type KeyMessageUpdate = z.infer<typeof KeyMessageUpdateSchema>;

export const ChannelCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  kind: z.enum(CHANNEL_KINDS),
  position: position.optional(),
});
export type ChannelCreate = z.infer<typeof ChannelCreateSchema>;
export const ChannelUpdateSchema = ChannelCreateSchema.partial().extend({ expectedUpdatedAt });
export type ChannelUpdate = z.infer<typeof ChannelUpdateSchema>;

export const IndicatorCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  objectiveId: uuid.nullable().optional(),
  unit: localizedTextSchema({ maxLength: 60 }).optional(),
  baseline: amount.default(0),
  target: amount,
  targetDate: isoDate.nullable().optional(),
  position: position.optional(),
});
export type IndicatorCreate = z.infer<typeof IndicatorCreateSchema>;
export const IndicatorUpdateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }).optional(),
  objectiveId: uuid.nullable().optional(),
  unit: localizedTextSchema({ maxLength: 60 }).optional(),
  baseline: amount.optional(),
  target: amount.optional(),
  targetDate: isoDate.nullable().optional(),
  position: position.optional(),
  expectedUpdatedAt,
});
export type IndicatorUpdate = z.infer<typeof IndicatorUpdateSchema>;

export const IndicatorValueCreateSchema = z.strictObject({
  recordedOn: isoDate,
  value: amount,
  note: z.string().trim().max(LIMITS.shortTextLength).nullable().optional(),
});
export type IndicatorValueCreate = z.infer<typeof IndicatorValueCreateSchema>;

export const PlanQuerySchema = z.strictObject({
  archived: z.enum(['true', 'false', 'all']).default('false'),
  lang: z.string().optional(),
});
export type PlanQuery = z.infer<typeof PlanQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));
const common = {
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  position: z.number().int(),
  isArchived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const ObjectiveSchema = z.object({ ...common, title: LocalizedOut, description: LocalizedOut });
export type Objective = z.infer<typeof ObjectiveSchema>;

export const KeyMessageSchema = z.object({
  ...common,
  audienceId: z.string().uuid(),
  objectiveId: z.string().uuid().nullable(),
  message: LocalizedOut,
});
export type KeyMessage = z.infer<typeof KeyMessageSchema>;

export const AudienceSchema = z.object({ ...common, name: LocalizedOut, description: LocalizedOut });
export type Audience = z.infer<typeof AudienceSchema>;

export const ChannelSchema = z.object({ ...common, name: LocalizedOut, kind: z.enum(CHANNEL_KINDS) });
export type Channel = z.infer<typeof ChannelSchema>;

export const IndicatorValueSchema = z.object({
  id: z.string().uuid(),
  indicatorId: z.string().uuid(),
  recordedOn: z.string(),
  value: z.number(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type IndicatorValue = z.infer<typeof IndicatorValueSchema>;

export const IndicatorSchema = z.object({
  ...common,
  objectiveId: z.string().uuid().nullable(),
  name: LocalizedOut,
  unit: LocalizedOut,
  baseline: z.number(),
  target: z.number(),
  targetDate: z.string().nullable(),
  /** The value of the latest recording (by date), or null before the first one. */
  latestValue: z.number().nullable(),
  latestRecordedOn: z.string().nullable(),
  /** Share of the way from baseline to target, 0–100 (may exceed 100 when the target is passed). */
  progressPercent: z.number().nullable(),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const IndicatorValueListSchema = z.object({ items: z.array(IndicatorValueSchema) });

export const PlanSchema = z.object({
  objectives: z.array(ObjectiveSchema),
  audiences: z.array(AudienceSchema),
  keyMessages: z.array(KeyMessageSchema),
  channels: z.array(ChannelSchema),
  indicators: z.array(IndicatorSchema),
});
export type Plan = z.infer<typeof PlanSchema>;

/** Progress from baseline toward target, rounded to one decimal; null when there is nothing to measure. */
export function progressPercentOf(baseline: number, target: number, latest: number | null): number | null {
  if (latest === null || target === baseline) return null;
  const percent = ((latest - baseline) / (target - baseline)) * 100;
  return Math.round(Math.max(percent, 0) * 10) / 10;
}
