/**
 * API shapes of newsletter issues (composer, preview, test send): one zod schema per request, shared
 * by the routes, the OpenAPI document and the composer's client-side checks (STYLE G3).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { REVIEW_STATES } from '../review/review.schema.js';
import { ISSUE_STATUSES, type NewsletterBlock, NewsletterBlocksSchema, SEND_MODES, VARIANTS } from './newsletter.schema.js';

/** The approval workflow's name for an issue. */
export const NEWSLETTER_ISSUE_CONTENT_TYPE = 'newsletter.issue';

export const ISSUE_LIMITS = {
  subjectLength: 200,
  preheaderLength: 250,
  utmLength: 100,
  listIds: 50,
  testAddresses: 5,
  /** Test sends a member may make in the window below (every address counts). */
  testSendsPerWindow: 10,
  testSendWindowMinutes: 10,
} as const;

/** Statuses in which the content may still change; once a send has started the issue is frozen. */
export const EDITABLE_ISSUE_STATUSES = ['draft', 'scheduled'] as const;

/** http(s) or mailto, the only links an issue may carry (no javascript:, no relative paths). */
export function isAllowedLink(value: string): boolean {
  if (!/^(https?:\/\/|mailto:)/i.test(value) || /[\s<>"{}]/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

type Issue = { path: Array<string | number>; message: string };

/** Link fields of a leaf block, by name. */
function linkFieldsOf(block: NewsletterBlock): Array<[string, Record<string, { value: string } | undefined> | undefined]> {
  switch (block.type) {
    case 'image':
      return [['href', block.href]];
    case 'button':
    case 'article':
      return [['url', block.url]];
    case 'event':
      return [['url', block.url]];
    default:
      return [];
  }
}

function leafIssues(block: NewsletterBlock, path: Array<string | number>): Issue[] {
  const issues: Issue[] = [];
  for (const [field, text] of linkFieldsOf(block)) {
    for (const [language, entry] of Object.entries(text ?? {})) {
      if (entry?.value && !isAllowedLink(entry.value)) issues.push({ path: [...path, field, language, 'value'], message: 'INVALID_URL' });
    }
  }
  if (block.type === 'event' && block.endsAt && new Date(block.endsAt).getTime() < new Date(block.startsAt).getTime()) {
    issues.push({ path: [...path, 'endsAt'], message: 'BEFORE_START' });
  }
  return issues;
}

/** Checks the schema cannot express: links, event ranges, and block ids unique across the issue. */
export function blockIssues(blocks: readonly NewsletterBlock[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  const visit = (block: NewsletterBlock, path: Array<string | number>) => {
    if (seen.has(block.id)) issues.push({ path: [...path, 'id'], message: 'DUPLICATE_KEY' });
    seen.add(block.id);
    issues.push(...leafIssues(block, path));
  };
  for (const [index, block] of blocks.entries()) {
    visit(block, ['blocks', index]);
    if (block.type !== 'columns') continue;
    for (const [side, column] of block.columns.entries()) {
      for (const [position, leaf] of column.entries()) visit(leaf, ['blocks', index, 'columns', side, position]);
    }
  }
  return issues;
}

const uuid = z.uuid();
const language = z.enum(CONTENT_LANGUAGES);
const utmValue = z
  .string()
  .trim()
  .max(ISSUE_LIMITS.utmLength, { message: 'TOO_LONG' })
  .regex(/^[^\s&#?=/\\]*$/, { message: 'INVALID_VALUE' });

const issueFields = {
  subject: localizedTextSchema({ maxLength: ISSUE_LIMITS.subjectLength }),
  /** The line mail clients show after the subject. */
  preheader: localizedTextSchema({ maxLength: ISSUE_LIMITS.preheaderLength }),
  blocks: NewsletterBlocksSchema,
  sendMode: z.enum(SEND_MODES),
  /** Bilingual mode: which language's section comes first. */
  bilingualOrder: z.tuple([language, language]).refine(([first, second]) => first !== second, { message: 'INVALID_VALUE' }),
  listIds: z
    .array(uuid)
    .max(ISSUE_LIMITS.listIds)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'INVALID_VALUE' }),
  segmentId: uuid.nullable(),
  utmSource: utmValue,
  utmMedium: utmValue,
  utmCampaign: utmValue,
  campaignId: uuid.nullable(),
};

function withBlockChecks<T extends z.ZodType<{ blocks?: NewsletterBlock[] }>>(schema: T) {
  return schema.superRefine((value, context) => {
    for (const issue of blockIssues(value.blocks ?? [])) context.addIssue({ code: 'custom', ...issue });
  });
}

export const IssueCreateSchema = withBlockChecks(z.strictObject(issueFields).partial());
export type IssueCreate = z.input<typeof IssueCreateSchema>;

export const IssueUpdateSchema = withBlockChecks(
  z
    .strictObject({
      ...issueFields,
      /** The `updatedAt` the composer loaded; a newer row means someone else saved meanwhile. */
      expectedUpdatedAt: z.iso.datetime({ offset: true }),
    })
    .partial(),
);
export type IssueUpdate = z.input<typeof IssueUpdateSchema>;

export const IssueListQuerySchema = z.strictObject({
  status: z.enum(ISSUE_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type IssueListQuery = z.infer<typeof IssueListQuerySchema>;

export const PreviewQuerySchema = z.strictObject({
  variant: z.enum(VARIANTS).optional(),
  lang: z.string().optional(),
});

export const TestSendSchema = z.strictObject({
  addresses: z
    .array(z.email({ message: 'INVALID_EMAIL' }).max(254))
    .min(1, { message: 'REQUIRED' })
    .max(ISSUE_LIMITS.testAddresses, { message: 'TOO_MANY' }),
  variant: z.enum(VARIANTS),
});
export type TestSend = z.infer<typeof TestSendSchema>;

export const TestSendResultSchema = z.object({
  sent: z.number().int(),
  /** Whether the messages went to SMTP (else they wait in the admin outbox). */
  isSmtp: z.boolean(),
  subject: z.string(),
});
export type TestSendResult = z.infer<typeof TestSendResultSchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));
/** Blocks as stored (validated on the way in by NewsletterBlocksSchema). */
const BlockOut = z.looseObject({ type: z.string(), id: z.string() });

const summaryFields = {
  id: z.uuid(),
  workspaceId: z.uuid(),
  subject: LocalizedOut,
  sendMode: z.enum(SEND_MODES),
  status: z.enum(ISSUE_STATUSES),
  /** Languages the issue is written in (its subject has a value), first of the bilingual order first. */
  languages: z.array(z.string()),
  /** State of the approval workflow (`draft` before any submission). */
  reviewState: z.enum(REVIEW_STATES),
  /** Whether the content may still change (not once sending has started). */
  isEditable: z.boolean(),
  blockCount: z.number().int(),
  scheduledAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  recipientCount: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

export const IssueSummarySchema = z.object(summaryFields);
export type IssueSummary = z.infer<typeof IssueSummarySchema>;

export const IssueSchema = z.object({
  ...summaryFields,
  preheader: LocalizedOut,
  blocks: z.array(BlockOut),
  bilingualOrder: z.array(z.string()),
  listIds: z.array(z.string()),
  segmentId: z.string().nullable(),
  utmSource: z.string(),
  utmMedium: z.string(),
  utmCampaign: z.string(),
  campaignId: z.string().nullable(),
});
export type IssueOut = z.infer<typeof IssueSchema>;
export type IssueDetail = Omit<IssueOut, 'blocks'> & { blocks: NewsletterBlock[] };

export const IssuePageSchema = z.object({ items: z.array(IssueSummarySchema), nextCursor: z.string().nullable() });
export type IssuePage = z.infer<typeof IssuePageSchema>;
