/**
 * Subscriber import and export (T3): the wizard's requests and answers, shared by the routes, the
 * OpenAPI document and the web wizard (STYLE G3).
 */
import { z } from 'zod';
import { LIMITS } from '../limits.js';

/** Encodings the import reads; the preview detects one and the officer may choose another. */
export const IMPORT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1256', 'windows-1252'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** Field separators, by name (a tab is awkward in a URL). */
export const IMPORT_DELIMITERS = ['comma', 'semicolon', 'tab'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];
export const DELIMITER_CHARACTERS: Record<ImportDelimiter, string> = { comma: ',', semicolon: ';', tab: '\t' };

/** uploaded → queued → running → done | failed. */
export const IMPORT_STATUSES = ['uploaded', 'queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * What a column becomes. `first_name` and `last_name` are joined into the name; `attributes` reads a
 * JSON object (listmonk's export); `attribute:<key>` fills one custom attribute.
 */
export const IMPORT_FIELDS = [
  'email',
  'name',
  'first_name',
  'last_name',
  'language',
  'country',
  'organisation',
  'tags',
  'attributes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Attribute keys are merge-field names (`{{attr.city}}`): ASCII, lower case. */
export const ATTRIBUTE_KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const IMPORT_ATTRIBUTE_PREFIX = 'attribute:';

export const ImportTargetSchema = z.union([
  z.enum([...IMPORT_FIELDS, 'ignore']),
  z.string().regex(/^attribute:[a-z][a-z0-9_]{0,39}$/, { message: 'INVALID_ATTRIBUTE_KEY' }),
]);
export type ImportTarget = z.infer<typeof ImportTargetSchema>;

/** Column index (as a string, from 0) → target. */
export const ImportMappingSchema = z.record(z.string().regex(/^\d{1,3}$/), ImportTargetSchema).superRefine((mapping, context) => {
  const targets = Object.values(mapping).filter((target) => target !== 'ignore');
  if (!targets.includes('email')) context.addIssue({ code: 'custom', message: 'EMAIL_COLUMN_REQUIRED', path: [] });
  const seen = new Set<string>();
  for (const [column, target] of Object.entries(mapping)) {
    if (target === 'ignore' || target === 'tags') continue;
    if (seen.has(target)) context.addIssue({ code: 'custom', message: 'DUPLICATE_TARGET', path: [column] });
    seen.add(target);
  }
});
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const ImportLimits = {
  previewRows: 20,
  listIdsMax: 20,
  tagsMax: 20,
  tagLength: 100,
  consentTextLength: 2000,
  /** Longest name, organisation or attribute value kept from a cell. */
  valueLength: LIMITS.nameLength,
} as const;

export const ImportPreviewQuerySchema = z.strictObject({
  encoding: z.enum(IMPORT_ENCODINGS).optional(),
  delimiter: z.enum(IMPORT_DELIMITERS).optional(),
  lang: z.string().optional(),
});
export type ImportPreviewQuery = z.infer<typeof ImportPreviewQuerySchema>;

export const ImportPreviewSchema = z.object({
  importId: z.string().uuid(),
  encoding: z.enum(IMPORT_ENCODINGS),
  detectedEncoding: z.enum(IMPORT_ENCODINGS),
  delimiter: z.enum(IMPORT_DELIMITERS),
  detectedDelimiter: z.enum(IMPORT_DELIMITERS),
  /** False when the first row already holds an email address: every row is then data. */
  hasHeaderRow: z.boolean(),
  /** The header row, or `column 1…n` names when there is none. */
  headers: z.array(z.string()),
  /** The first rows after the header, decoded, padded to the number of columns. */
  rows: z.array(z.array(z.string())),
  /** Data rows in the file, counted by line (exact once the import has run). */
  estimatedRows: z.number().int(),
  suggestedMapping: z.record(z.string(), z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportStartSchema = z.strictObject({
  encoding: z.enum(IMPORT_ENCODINGS),
  delimiter: z.enum(IMPORT_DELIMITERS),
  mapping: ImportMappingSchema,
  listIds: z
    .array(z.string().uuid())
    .max(ImportLimits.listIdsMax)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'INVALID_VALUE' }),
  tags: z.array(z.string().trim().min(1).max(ImportLimits.tagLength)).max(ImportLimits.tagsMax).default([]),
  /** What the officer confirms the people agreed to; stored on every consent record. */
  consentText: z.string().trim().min(1, { message: 'REQUIRED' }).max(ImportLimits.consentTextLength),
});
export type ImportStart = z.input<typeof ImportStartSchema>;

export const SubscriberImportSchema = z.object({
  id: z.string().uuid(),
  originalName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  encoding: z.enum(IMPORT_ENCODINGS).nullable(),
  delimiter: z.enum(IMPORT_DELIMITERS).nullable(),
  mapping: z.record(z.string(), z.string()).nullable(),
  listIds: z.array(z.string()),
  tags: z.array(z.string()),
  totalRows: z.number().int().nullable(),
  processedRows: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  /** Rows left out on purpose: unsubscribed or bounced people, repeats of an address already in the file. */
  skippedCount: z.number().int(),
  /** Rows that could not be read: invalid or missing address, broken quotes, values too long. */
  errorCount: z.number().int(),
  hasErrorReport: z.boolean(),
  /** Why a failed import stopped (a code translated under `newsletterImport.failure.<code>`). */
  failureCode: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SubscriberImport = z.infer<typeof SubscriberImportSchema>;

export const ImportListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type ImportListQuery = z.infer<typeof ImportListQuerySchema>;

export const SubscriberImportPageSchema = z.object({ items: z.array(SubscriberImportSchema), nextCursor: z.string().nullable() });
export type SubscriberImportPage = z.infer<typeof SubscriberImportPageSchema>;

/** Lists an import may subscribe people to (the workspace's lists not archived). */
export const ImportListOptionsSchema = z.object({
  items: z.array(z.object({ id: z.string().uuid(), name: z.record(z.string(), z.object({ value: z.string(), status: z.string() })) })),
});
export type ImportListOptions = z.infer<typeof ImportListOptionsSchema>;

export const SUBSCRIBER_STATUSES = ['active', 'unsubscribed', 'bounced', 'complained'] as const;

export const SubscriberExportQuerySchema = z.strictObject({
  listId: z.string().uuid().optional(),
  status: z.enum(SUBSCRIBER_STATUSES).optional(),
  lang: z.string().optional(),
});
export type SubscriberExportQuery = z.infer<typeof SubscriberExportQuerySchema>;

/**
 * Why a row was left out, in the error report (`newsletterImport.reason.<code>`). Skips are people
 * kept out on purpose; the rest are rows that could not be read.
 */
export const IMPORT_SKIP_REASONS = ['DUPLICATE_IN_FILE', 'UNSUBSCRIBED', 'BOUNCED', 'COMPLAINED', 'ERASED'] as const;
export const IMPORT_ERROR_REASONS = ['EMAIL_MISSING', 'EMAIL_INVALID', 'BROKEN_QUOTES', 'VALUE_TOO_LONG', 'ATTRIBUTES_INVALID'] as const;
export type ImportRowReason = (typeof IMPORT_SKIP_REASONS)[number] | (typeof IMPORT_ERROR_REASONS)[number];
