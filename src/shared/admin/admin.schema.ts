/**
 * Admin pages' schemas: the audit log and the mail outbox (keyset pages, newest first, with an opaque
 * `before` cursor and the `nextCursor` that continues them), and the job queue.
 */
import { z } from 'zod';

const pageSize = z.coerce.number().int().min(1).max(200).default(50);

export const AuditListQuerySchema = z.strictObject({
  limit: pageSize,
  /** The `nextCursor` of the previous page: entries older than it. */
  before: z
    .string()
    .regex(/^[0-9]{1,18}$/, { message: 'INVALID_VALUE' })
    .optional(),
  lang: z.string().optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuerySchema>;

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  workspaceId: z.string().nullable(),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;

export const OutboxListQuerySchema = z.strictObject({
  limit: pageSize,
  before: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuerySchema>;

export const OutboxMessageSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().nullable(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  /** `outbox` (no SMTP: read in the app), `queued`, `sent` or `failed`. */
  status: z.string(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

export const OutboxPageSchema = z.object({
  smtpConfigured: z.boolean(),
  items: z.array(OutboxMessageSchema),
  nextCursor: z.string().nullable(),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const JobListQuerySchema = z.strictObject({
  state: z.enum(JOB_STATES).optional(),
  lang: z.string().optional(),
});

export const JobTypeSchema = z.object({
  name: z.string(),
  isPaused: z.boolean(),
  pausedReason: z.string().nullable(),
  isSending: z.boolean(),
  /** Jobs of this type per state. */
  counts: z.record(z.string(), z.number().int()),
});
export type JobType = z.infer<typeof JobTypeSchema>;

export const JobSchema = z.object({
  id: z.string(),
  name: z.string(),
  state: z.enum(JOB_STATES),
  /** `failed` after the last retry: the last error stays in `output`. */
  isDead: z.boolean(),
  data: z.unknown(),
  output: z.unknown(),
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  singletonKey: z.string().nullable(),
  startAfter: z.string().nullable(),
  createdOn: z.string(),
  startedOn: z.string().nullable(),
  completedOn: z.string().nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const JobsOverviewSchema = z.object({
  types: z.array(JobTypeSchema),
  /** The latest hundred jobs, newest first. */
  jobs: z.array(JobSchema),
});
export type JobsOverview = z.infer<typeof JobsOverviewSchema>;
