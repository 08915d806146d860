/** Organisation schemas: one source for request validation, OpenAPI and the web form (STYLE G3). */
import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';

export const ORGANISATION_TYPES = ['association', 'cooperative', 'foundation', 'union', 'public_body', 'company'] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

const countryCode = z.string().regex(/^[A-Z]{2}$/, { message: 'INVALID_COUNTRY' });

const website = z
  .string()
  .max(300)
  .url({ message: 'INVALID_URL' })
  .refine((value) => /^https?:\/\//i.test(value), { message: 'INVALID_URL' });

export const OrganisationCreateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }),
  description: localizedTextSchema({ maxLength: 2000 }).optional(),
  country: countryCode,
  city: localizedTextSchema({ maxLength: LIMITS.nameLength }).optional(),
  type: z.enum(ORGANISATION_TYPES),
  website: website.nullable().optional(),
  logoFileId: z.string().uuid().nullable().optional(),
});
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;

export const OrganisationUpdateSchema = OrganisationCreateSchema.partial().extend({
  /** The `updatedAt` the editor loaded; a newer row means someone else saved meanwhile. */
  expectedUpdatedAt: z.string().datetime({ offset: true }).optional(),
});
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const OrganisationListQuerySchema = z.strictObject({
  q: z.string().max(LIMITS.searchLength).optional(),
  country: countryCode.optional(),
  type: z.enum(ORGANISATION_TYPES).optional(),
  archived: z.enum(['true', 'false', 'all']).default('false'),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
  lang: z.string().optional(),
});
export type OrganisationListQuery = z.infer<typeof OrganisationListQuerySchema>;

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const OrganisationSchema = z.object({
  id: z.string().uuid(),
  workspaceId: z.string().uuid(),
  name: LocalizedOut,
  description: LocalizedOut,
  country: z.string(),
  city: LocalizedOut,
  type: z.enum(ORGANISATION_TYPES),
  website: z.string().nullable(),
  logoFileId: z.string().nullable(),
  isArchived: z.boolean(),
  peopleCount: z.number().int().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationPageSchema = z.object({
  items: z.array(OrganisationSchema),
  nextCursor: z.string().nullable(),
  /** Exact up to `LIMITS.listTotalCap`; beyond it, the cap with `isTotalCapped`. */
  total: z.number().int(),
  isTotalCapped: z.boolean(),
});
export type OrganisationPage = z.infer<typeof OrganisationPageSchema>;
