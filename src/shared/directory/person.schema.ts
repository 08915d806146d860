/** Person schemas (the people of the consortium's organisations). */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';

export const PersonCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  email: z.string().trim().toLowerCase().max(254).email({ message: 'INVALID_EMAIL' }).nullable().optional(),
  phone: z
    .string()
    .trim()
    .max(40)
    .regex(/^\+?[0-9 ().-]{4,40}$/, { message: 'INVALID_PHONE' })
    .nullable()
    .optional(),
  languages: z.array(z.enum(CONTENT_LANGUAGES)).max(CONTENT_LANGUAGES.length).default([]),
  organisationId: z.string().uuid().nullable().optional(),
  projectRole: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
});
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

export const PersonUpdateSchema = PersonCreateSchema.partial().extend({
  expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
});
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

export const PersonListQuerySchema = z.strictObject({
  q: z.string().max(LIMITS.searchLength).optional(),
  organisationId: z.string().uuid().optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const PersonSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  organisationId: z.string().nullable(),
  name: LocalizedOut,
  email: z.string().nullable(),
  phone: z.string().nullable(),
  languages: z.array(z.string()),
  projectRole: LocalizedOut,
  isArchived: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Person = z.infer<typeof PersonSchema>;

export const PersonPageSchema = z.object({
  items: z.array(PersonSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  isTotalCapped: z.boolean(),
});
