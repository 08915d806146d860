/**
 * API shapes of the sending engine (start, pause, resume, cancel, progress, unconfirmed rows), shared
 * by the routes, the OpenAPI document and the send panel (STYLE G3).
 */
import { z } from 'zod';
import { REVIEW_STATES } from '../review/review.schema.js';
import { DELIVERY_STATES, ISSUE_STATUSES } from './newsletter.schema.js';

/** Review states in which an issue may be sent (approved, or further along the workflow). */
export const SENDABLE_REVIEW_STATES = ['approved', 'scheduled', 'published'] as const;

/** Issue statuses from which a send can start. */
export const STARTABLE_ISSUE_STATUSES = ['draft', 'scheduled'] as const;

/** Unconfirmed rows shown per page, and ids one decision may name. */
export const UNCONFIRMED_PAGE_SIZE = 200;
export const UNCONFIRMED_IDS_MAX = 1000;

const counts = z.object(
  Object.fromEntries(DELIVERY_STATES.map((state) => [state, z.number().int()])) as Record<(typeof DELIVERY_STATES)[number], z.ZodNumber>,
);

export const SendProgressSchema = z.object({
  issueId: z.uuid(),
  status: z.enum(ISSUE_STATUSES),
  /** `smtp` when SMTP_URL is set; `outbox` when messages go to the in-app outbox. */
  transport: z.enum(['smtp', 'outbox']),
  /** Recipients fixed when the send was prepared (null before). */
  recipientCount: z.number().int().nullable(),
  /** Before a send: how many people the issue would reach now. */
  audienceCount: z.number().int().nullable(),
  /** Recipients are being resolved (sending, not yet prepared). */
  isPreparing: z.boolean(),
  counts,
  /** Rows in `sending` whose fate is unknown (included in `counts.sending`): an admin confirms or re-queues them. */
  unconfirmed: z.number().int(),
  /** Messages per second over the last minute. */
  ratePerSecond: z.number(),
  /** Seconds left at that rate; null when unknown or nothing is moving. */
  secondsLeft: z.number().int().nullable(),
  /** When the rolling window is full: the time a slot frees. */
  windowWaitUntil: z.iso.datetime({ offset: true }).nullable(),
  startedAt: z.iso.datetime({ offset: true }).nullable(),
  finishedAt: z.iso.datetime({ offset: true }).nullable(),
  review: z.object({ state: z.enum(REVIEW_STATES).nullable(), scheduledFor: z.iso.datetime({ offset: true }).nullable() }),
  canSend: z.boolean(),
  canResolveUnconfirmed: z.boolean(),
});
export type SendProgress = z.infer<typeof SendProgressSchema>;

export const UnconfirmedDeliverySchema = z.object({
  id: z.number().int(),
  subscriberId: z.uuid(),
  email: z.string(),
  variant: z.string(),
  attempts: z.number().int(),
  claimedAt: z.iso.datetime({ offset: true }).nullable(),
  claimedBy: z.string().nullable(),
  messageId: z.string().nullable(),
  /** Why it is unknown (connection lost after the message was handed over), or null for a worker that stopped. */
  lastError: z.string().nullable(),
});
export type UnconfirmedDelivery = z.infer<typeof UnconfirmedDeliverySchema>;

export const UnconfirmedQuerySchema = z.strictObject({
  /** The last id of the previous page. */
  after: z.coerce.number().int().positive().optional(),
});
export type UnconfirmedQuery = z.infer<typeof UnconfirmedQuerySchema>;

export const UnconfirmedPageSchema = z.object({
  items: z.array(UnconfirmedDeliverySchema),
  total: z.number().int(),
  nextAfter: z.number().int().nullable(),
});
export type UnconfirmedPage = z.infer<typeof UnconfirmedPageSchema>;

/** An admin's decision: the message did arrive (`mark_sent`) or should go again (`requeue`); for some rows or all. */
export const UnconfirmedDecisionSchema = z
  .strictObject({
    action: z.enum(['mark_sent', 'requeue']),
    ids: z.array(z.number().int().positive()).min(1).max(UNCONFIRMED_IDS_MAX).optional(),
    all: z.literal(true).optional(),
  })
  .superRefine((value, context) => {
    if (Boolean(value.ids) === Boolean(value.all)) context.addIssue({ code: 'custom', path: ['ids'], message: 'INVALID_VALUE' });
  });
export type UnconfirmedDecision = z.infer<typeof UnconfirmedDecisionSchema>;

export const UnconfirmedDecisionResultSchema = z.object({ affected: z.number().int(), progress: SendProgressSchema });
export type UnconfirmedDecisionResult = z.infer<typeof UnconfirmedDecisionResultSchema>;
