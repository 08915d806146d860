/** Workspace, membership and invitation schemas. */
import { z } from 'zod';
import { CONTENT_LANGUAGES, UI_LOCALES } from '../languages.js';
import { CONSORTIUM_COUNTRIES, LIMITS } from '../limits.js';
import { localizedTextSchema } from '../localized-text.js';
import { ROLES } from '../roles.js';

/** Whether Intl knows the time zone (e.g. `Africa/Casablanca`). */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const LocalizedOut = z.record(z.string(), z.object({ value: z.string(), status: z.string() }));

export const WorkspaceSchema = z.object({
  id: z.string().uuid(),
  slug: z.string(),
  name: LocalizedOut,
  contentLanguages: z.array(z.string()),
  arabicDigits: z.enum(['latn', 'arab']),
  brandColor: z.string(),
  logoFileId: z.string().nullable(),
  requiredApprovals: z.number().int(),
  holidayCountries: z.array(z.string()),
  timeZone: z.string(),
});
export type Workspace = z.infer<typeof WorkspaceSchema>;

export const WorkspaceUpdateSchema = z.strictObject({
  name: localizedTextSchema({ required: true, maxLength: LIMITS.nameLength }).optional(),
  contentLanguages: z.array(z.enum(CONTENT_LANGUAGES)).min(1).max(CONTENT_LANGUAGES.length).optional(),
  arabicDigits: z.enum(['latn', 'arab']).optional(),
  brandColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/i, { message: 'INVALID_FORMAT' })
    .optional(),
  logoFileId: z.string().uuid().nullable().optional(),
  /** Approvals a content item needs before it can be scheduled (S5). */
  requiredApprovals: z.number().int().min(1).max(LIMITS.requiredApprovalsMax).optional(),
  /** Countries whose weekends and public holidays the planning warns about. */
  holidayCountries: z.array(z.enum(CONSORTIUM_COUNTRIES)).max(CONSORTIUM_COUNTRIES.length).optional(),
  /** IANA time zone of the workspace (reminders, "today", the calendar feed). */
  timeZone: z.string().max(64).refine(isTimeZone, { message: 'INVALID_VALUE' }).optional(),
});
export type WorkspaceUpdate = z.infer<typeof WorkspaceUpdateSchema>;

export const MeSchema = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string(), locale: z.enum(UI_LOCALES) }),
  workspaces: z.array(WorkspaceSchema.extend({ role: z.enum(ROLES) })),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const MeUpdateSchema = z.strictObject({
  locale: z.enum(UI_LOCALES).optional(),
  name: z.string().trim().min(1).max(LIMITS.nameLength).optional(),
});

export const MemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(ROLES),
  createdAt: z.string(),
});

export const MemberUpdateSchema = z.strictObject({ role: z.enum(ROLES) });

export const InvitationCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(254).email({ message: 'INVALID_EMAIL' }),
  role: z.enum(ROLES),
});

export const InvitationSchema = z.object({
  id: z.string().uuid(),
  email: z.string(),
  role: z.enum(ROLES),
  expiresAt: z.string(),
  createdAt: z.string(),
});

export const InvitationPreviewSchema = z.object({
  email: z.string(),
  role: z.enum(ROLES),
  workspace: z.object({ id: z.string(), name: LocalizedOut }),
  hasAccount: z.boolean(),
});

export const InvitationAcceptSchema = z.strictObject({
  name: z.string().trim().min(1).max(LIMITS.nameLength),
  password: z.string().min(LIMITS.passwordMin, { message: 'TOO_SHORT' }).max(256),
  locale: z.enum(UI_LOCALES).optional(),
});
