/** Rules the asset services share: today in the workspace, who edits, the search text, links and hand-parsed metadata. */
import type { z } from 'zod';
import { type LocalizedText, searchTextOf } from '../../../shared/localized-text.js';
import { calendarDateAt } from '../../../shared/planning/calendar-date.js';
import { hasPermission } from '../../../shared/roles.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { findOwnedOrganisationIds } from '../directory/organisations.repo.js';
import { findCampaignById } from '../planning/campaigns.repo.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import type { AssetRow, AssetWithFile } from './assets.repo.js';

/** Today in the workspace's time zone: a consent holds through its last day there. */
export async function workspaceToday(db: DbOrTransaction, workspaceId: string, now = new Date()): Promise<string> {
  const workspace = await findWorkspaceById(db, workspaceId);
  return calendarDateAt(now, workspace?.timeZone ?? 'UTC');
}

/** The uploader edits their asset; a brand manager edits any. */
export function canEditAsset(ctx: ServiceContext, row: Pick<AssetRow, 'createdBy'>): boolean {
  return hasPermission(ctx.membership.role, 'brand:manage') || (row.createdBy !== null && row.createdBy === ctx.actor.user.id);
}

export function searchTextOfAsset(
  row: Pick<AssetWithFile, 'title' | 'caption' | 'alt' | 'credit' | 'licence' | 'tags' | 'originalName'>,
): string {
  return searchTextOf(
    row.title as LocalizedText,
    row.caption as LocalizedText,
    row.alt as LocalizedText,
    row.credit,
    row.licence,
    row.tags.join(' '),
    row.originalName,
  );
}

/** Zod issues of a hand-parsed part as field errors (the codes the route schemas would give). */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...path, key].join('.')] = 'UNKNOWN_FIELD';
      continue;
    }
    fields[path.join('.') || 'metadata'] ??= /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID_VALUE';
  }
  return fields;
}

export async function assertLinksOwned(
  db: DbOrTransaction,
  workspaceId: string,
  input: { organisationId?: string | null; campaignId?: string | null },
) {
  const fields: FieldErrors = {};
  if (input.organisationId && !(await findOwnedOrganisationIds(db, workspaceId, [input.organisationId])).has(input.organisationId)) {
    fields.organisationId = 'UNKNOWN_ORGANISATION';
  }
  if (input.campaignId && !(await findCampaignById(db, workspaceId, input.campaignId))) fields.campaignId = 'UNKNOWN_CAMPAIGN';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}
