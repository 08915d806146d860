/** Shapes organisation rows for the API (explicit response shape, STYLE G3). */
import type { Organisation, OrganisationType } from '../../../shared/directory/organisation.schema.js';
import type { OrganisationRow } from './organisations.repo.js';

export function presentOrganisation(row: OrganisationRow, peopleCount?: number): Organisation {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    name: row.name as Organisation['name'],
    description: row.description as Organisation['description'],
    country: row.country,
    city: row.city as Organisation['city'],
    type: row.type as OrganisationType,
    website: row.website,
    logoFileId: row.logoFileId,
    isArchived: row.archivedAt !== null,
    ...(peopleCount === undefined ? {} : { peopleCount }),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
