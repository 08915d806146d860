/**
 * API shapes of the newsletter's settings, bounces and statistics (validation, OpenAPI and forms
 * share them, STYLE G3). Limits live here so the web form states the same ranges the server checks.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { isPlausibleEmail } from './subscriber-identity.js';

/** Ranges of the sending settings: a form shows them, the server refuses anything outside. */
export const NEWSLETTER_SETTINGS_LIMITS = {
  messagesPerSecond: { min: 1, max: 500 },
  smtpConnections: { min: 1, max: 20 },
  windowMessages: { min: 0, max: 1_000_000 },
  windowHours: { min: 1, max: 168 },
  /** Emails pasted at once on the manual bounce form. */
  manualBouncesMax: 5000,
  /** Events accepted in one webhook call. */
  webhookEventsMax: 1000,
  dkimKeyLength: 20_000,
} as const;

const OUT_OF_RANGE = 'NUMBER_OUT_OF_RANGE';

function ranged(limits: { min: number; max: number }) {
  // A refinement rather than `.int()`: a non-integer is reported with our code, not as a missing value.
  return z
    .number({ message: OUT_OF_RANGE })
    .min(limits.min, { message: OUT_OF_RANGE })
    .max(limits.max, { message: OUT_OF_RANGE })
    .refine(Number.isInteger, { message: OUT_OF_RANGE });
}

const optionalEmail = z
  .string()
  .trim()
  .max(254, { message: 'INVALID_EMAIL' })
  .refine((value) => value === '' || isPlausibleEmail(value), { message: 'INVALID_EMAIL' });

/** A DNS name such as `altermed.org` (letters, digits, hyphens; at least one dot). */
const DOMAIN = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
/** A DKIM selector: one or more DNS labels (`tawasul`, `nl2026.mail`). */
const SELECTOR = /^(?=.{1,63}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

/** Soft bounces on this many issues in a row suppress the subscriber as bounced. */
export const SOFT_BOUNCE_LIMIT = 3;

export const BOUNCE_TYPES = ['hard', 'soft', 'complaint'] as const;
export type BounceType = (typeof BOUNCE_TYPES)[number];
export const BOUNCE_SOURCES = ['webhook', 'manual', 'smtp'] as const;

/** PUT body: omitted fields keep their value. `dkimPrivateKey`: a PEM sets the key, null removes it. */
export const NewsletterSettingsUpdateSchema = z.strictObject({
  fromName: z.string().trim().max(LIMITS.nameLength).optional(),
  /** Empty: the installation's MAIL_FROM is used. */
  fromAddress: optionalEmail.optional(),
  replyTo: optionalEmail.nullable().optional(),
  postalAddress: z.string().trim().max(LIMITS.shortTextLength).optional(),
  messagesPerSecond: ranged(NEWSLETTER_SETTINGS_LIMITS.messagesPerSecond).optional(),
  smtpConnections: ranged(NEWSLETTER_SETTINGS_LIMITS.smtpConnections).optional(),
  windowMessages: ranged(NEWSLETTER_SETTINGS_LIMITS.windowMessages).optional(),
  windowHours: ranged(NEWSLETTER_SETTINGS_LIMITS.windowHours).optional(),
  trackOpens: z.boolean().optional(),
  trackClicks: z.boolean().optional(),
  dkimDomain: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === '' || DOMAIN.test(value), { message: 'INVALID_DOMAIN' })
    .nullable()
    .optional(),
  dkimSelector: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => value === '' || SELECTOR.test(value), { message: 'INVALID_DKIM_SELECTOR' })
    .nullable()
    .optional(),
  dkimPrivateKey: z.string().max(NEWSLETTER_SETTINGS_LIMITS.dkimKeyLength, { message: 'DKIM_KEY_INVALID' }).nullable().optional(),
});
export type NewsletterSettingsUpdate = z.input<typeof NewsletterSettingsUpdateSchema>;

/** What the API answers: never the DKIM private key, only whether one is set and what to publish in DNS. */
export const NewsletterSettingsSchema = z.object({
  fromName: z.string(),
  fromAddress: z.string(),
  replyTo: z.string().nullable(),
  postalAddress: z.string(),
  messagesPerSecond: z.number().int(),
  smtpConnections: z.number().int(),
  windowMessages: z.number().int(),
  windowHours: z.number().int(),
  trackOpens: z.boolean(),
  trackClicks: z.boolean(),
  dkimDomain: z.string().nullable(),
  dkimSelector: z.string().nullable(),
  dkimConfigured: z.boolean(),
  /** A key is stored but cannot be opened (SECRET_KEY changed): paste or generate it again. */
  dkimKeyUnreadable: z.boolean(),
  /** `<selector>._domainkey.<domain>` once domain and selector are set. */
  dkimDnsName: z.string().nullable(),
  /** The TXT value to publish (`v=DKIM1; k=rsa; p=…`), computed from the stored key. */
  dkimDnsValue: z.string().nullable(),
  /** Full webhook URL (it contains the secret): only for those who manage the settings, else null. */
  bounceWebhookUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type NewsletterSettings = z.infer<typeof NewsletterSettingsSchema>;

/** Body of the settings actions (generate a DKIM key, rotate the webhook secret): nothing to give. */
export const SettingsActionSchema = z.strictObject({});

/** One bounce as a provider (or a script) reports it: the generic webhook shape. */
export const BounceEventSchema = z.object({
  email: z.string().max(320),
  type: z.enum(BOUNCE_TYPES),
  /** The Message-ID header of the message that bounced, with or without angle brackets. */
  messageId: z.string().max(998).optional(),
  diagnostic: z.string().max(2000).optional(),
});
export type BounceEvent = z.infer<typeof BounceEventSchema>;

/** Mailbox-free marking: addresses pasted from a provider's report. */
export const ManualBouncesSchema = z.strictObject({
  emails: z.array(z.string().max(320)).min(1).max(NEWSLETTER_SETTINGS_LIMITS.manualBouncesMax),
  type: z.enum(BOUNCE_TYPES).default('hard'),
  diagnostic: z.string().trim().max(LIMITS.shortTextLength).optional(),
});
export type ManualBounces = z.input<typeof ManualBouncesSchema>;

export const ManualBouncesResultSchema = z.object({
  /** Addresses of known subscribers, recorded. */
  marked: z.number().int(),
  /** Well-formed addresses of nobody in this workspace (normalized). */
  unknown: z.array(z.string()),
  /** Entries that are not an address at all, as given. */
  invalid: z.array(z.string()),
});
export type ManualBouncesResult = z.infer<typeof ManualBouncesResultSchema>;

/** What a webhook call recorded. */
export const BounceWebhookResultSchema = z.object({
  received: z.number().int(),
  recorded: z.number().int(),
  unknown: z.number().int(),
  ignored: z.number().int(),
});
export type BounceWebhookResult = z.infer<typeof BounceWebhookResultSchema>;

export const BounceListQuerySchema = z.strictObject({
  type: z.enum(BOUNCE_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type BounceListQuery = z.infer<typeof BounceListQuerySchema>;

export const BounceSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  type: z.enum(BOUNCE_TYPES),
  source: z.enum(BOUNCE_SOURCES),
  diagnostic: z.string(),
  subscriberId: z.string().uuid().nullable(),
  issueId: z.string().uuid().nullable(),
  createdAt: z.string(),
});
export type Bounce = z.infer<typeof BounceSchema>;

export const BouncePageSchema = z.object({ items: z.array(BounceSchema), nextCursor: z.string().nullable() });
export type BouncePage = z.infer<typeof BouncePageSchema>;

/** A fraction between 0 and 1, or null when its denominator is 0. */
const rate = z.number().min(0).max(1).nullable();

export const LinkStatsSchema = z.object({ url: z.string(), clicks: z.number().int(), uniqueClickers: z.number().int() });
export type LinkStats = z.infer<typeof LinkStatsSchema>;

/** The figures of one language version (`ar`, `fr`, `en`, `bilingual`) or of the whole issue (`total`). */
export const VariantStatsSchema = z.object({
  variant: z.string(),
  recipients: z.number().int(),
  /** Still to send (pending, or sending). */
  pending: z.number().int(),
  /** Handed to the SMTP server. */
  sent: z.number().int(),
  /** Sent and not hard-bounced. */
  delivered: z.number().int(),
  failed: z.number().int(),
  bounces: z.object({ hard: z.number().int(), soft: z.number().int(), complaint: z.number().int() }),
  opens: z.object({ unique: z.number().int(), total: z.number().int() }),
  clicks: z.object({ unique: z.number().int(), total: z.number().int() }),
  unsubscribes: z.number().int(),
  rates: z.object({ open: rate, click: rate, clickToOpen: rate, bounce: rate, unsubscribe: rate }),
});
export type VariantStats = z.infer<typeof VariantStatsSchema>;

export const IssueStatsSchema = z.object({
  issueId: z.string().uuid(),
  status: z.string(),
  /** The workspace's current switches: with tracking off, zero opens mean "not measured". */
  trackOpens: z.boolean(),
  trackClicks: z.boolean(),
  total: VariantStatsSchema,
  variants: z.array(VariantStatsSchema),
  /** Clicks per link, all versions together, most clicked first (at most 100). */
  links: z.array(LinkStatsSchema),
});
export type IssueStats = z.infer<typeof IssueStatsSchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const IssueOverviewSchema = z.object({
  issueId: z.string().uuid(),
  subject: LocalizedOut,
  status: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recipients: z.number().int(),
  sent: z.number().int(),
  /** Sent and not hard-bounced. */
  delivered: z.number().int(),
  rates: z.object({ open: rate, click: rate, bounce: rate, unsubscribe: rate }),
});
export type IssueOverview = z.infer<typeof IssueOverviewSchema>;

export const StatsOverviewSchema = z.object({
  /** The workspace's current switches, as in IssueStatsSchema: with tracking off, a zero rate means "not measured". */
  trackOpens: z.boolean(),
  trackClicks: z.boolean(),
  items: z.array(IssueOverviewSchema),
});
export type StatsOverview = z.infer<typeof StatsOverviewSchema>;
