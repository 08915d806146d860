/** Needs register schemas (S2): what a partner needs, for whom, by when; the officer's triage. */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { calendarDateSchema } from './calendar-date.js';

export const NEED_STATUSES = ['submitted', 'accepted', 'planned', 'in_progress', 'delivered', 'declined'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

const uuid = z.string().uuid();
const website = z
  .string()
  .max(500)
  .url({ message: 'INVALID_URL' })
  .refine((value) => /^https?:\/\//i.test(value), { message: 'INVALID_URL' });

export const NeedCreateSchema = z.strictObject({
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  audience: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
  languages: z
    .array(z.enum(CONTENT_LANGUAGES))
    .max(CONTENT_LANGUAGES.length)
    .refine((list) => new Set(list).size === list.length, { message: 'INVALID_VALUE' })
    .default([]),
  neededBy: calendarDateSchema.nullable().optional(),
  organisationId: uuid.nullable().optional(),
});
export type NeedCreate = z.input<typeof NeedCreateSchema>;

export const NeedUpdateSchema = z.strictObject({
  title: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }).optional(),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  audience: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
  languages: NeedCreateSchema.shape.languages.optional(),
  neededBy: calendarDateSchema.nullable().optional(),
  organisationId: uuid.nullable().optional(),
  /** The `updatedAt` the editor loaded; a newer row means someone else saved meanwhile. */
  expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
});
export type NeedUpdate = z.input<typeof NeedUpdateSchema>;

/** The officer's decision and links; a decline must say why. Omitted fields keep their value, null clears a link. */
export const NeedTriageSchema = z
  .strictObject({
    status: z.enum(NEED_STATUSES).optional(),
    declineReason: z.string().trim().max(LIMITS.shortTextLength).nullable().optional(),
    campaignId: uuid.nullable().optional(),
    taskId: uuid.nullable().optional(),
    deliverableFileId: uuid.nullable().optional(),
    deliverableUrl: website.nullable().optional(),
  })
  .superRefine((value, context) => {
    if (value.status === 'declined' && !value.declineReason) {
      context.addIssue({ code: 'custom', path: ['declineReason'], message: 'DECLINE_REASON_REQUIRED' });
    }
  });
export type NeedTriage = z.input<typeof NeedTriageSchema>;

export const NeedListQuerySchema = z.strictObject({
  status: z.enum(NEED_STATUSES).optional(),
  organisationId: uuid.optional(),
  /** Only the needs the caller submitted. */
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type NeedListQuery = z.infer<typeof NeedListQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const NeedSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  title: LocalizedOut,
  description: LocalizedOut,
  audience: LocalizedOut,
  languages: z.array(z.string()),
  neededBy: z.string().nullable(),
  organisationId: z.string().uuid().nullable(),
  requesterUserId: z.string().nullable(),
  requesterName: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  declineReason: z.string().nullable(),
  campaignId: z.string().uuid().nullable(),
  taskId: z.string().uuid().nullable(),
  deliverableFileId: z.string().uuid().nullable(),
  deliverableUrl: z.string().nullable(),
  /** Whether the caller may still edit it (the requester while submitted, or a triager). */
  canEdit: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Need = z.infer<typeof NeedSchema>;

export const NeedPageSchema = z.object({
  items: z.array(NeedSchema),
  nextCursor: z.string().nullable(),
});
export type NeedPage = z.infer<typeof NeedPageSchema>;

/** One step of a need's life, read back from the audit log. */
export const NeedHistoryEntrySchema = z.object({
  status: z.enum(NEED_STATUSES),
  declineReason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export type NeedHistoryEntry = z.infer<typeof NeedHistoryEntrySchema>;

export const NeedHistorySchema = z.object({ items: z.array(NeedHistoryEntrySchema) });
export type NeedHistory = z.infer<typeof NeedHistorySchema>;
