/** Shapes workspace rows for the API. */
import type { Workspace } from '../../../shared/workspaces/workspace.schema.js';
import type { WorkspaceRow } from './workspaces.repo.js';

export function presentWorkspace(row: WorkspaceRow): Workspace {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name as Workspace['name'],
    contentLanguages: row.contentLanguages,
    arabicDigits: row.arabicDigits === 'arab' ? 'arab' : 'latn',
    brandColor: row.brandColor,
    logoFileId: row.logoFileId,
    requiredApprovals: row.requiredApprovals,
    holidayCountries: row.holidayCountries,
    timeZone: row.timeZone,
  };
}
