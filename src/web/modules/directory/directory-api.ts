/** Directory calls (organisations and people) against the routes in src/server/modules/directory. */
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Organisation, OrganisationCreate, OrganisationUpdate } from '../../../shared/directory/organisation.schema.js';
import type { Person, PersonCreate, PersonUpdate } from '../../../shared/directory/person.schema.js';
import { apiRequest, apiUrl } from '../../api/api-client.js';

export type { Organisation, Person };

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
  isTotalCapped: boolean;
}

export interface OrganisationFilters {
  q?: string;
  country?: string;
  type?: string;
  archived?: 'true' | 'false' | 'all';
}

const organisationsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}/organisations`;
const peoplePath = (workspaceId: string) => `/api/workspaces/${workspaceId}/people`;

/** Keyset pages: each "load more" asks for the rows after the last cursor. */
export function useOrganisationPages(workspaceId: string, filters: OrganisationFilters, limit = 25) {
  return useInfiniteQuery({
    queryKey: ['organisations', workspaceId, filters, limit],
    queryFn: ({ pageParam }) =>
      apiRequest<Page<Organisation>>(organisationsPath(workspaceId), { query: { ...filters, cursor: pageParam, limit } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function organisationsCsvUrl(workspaceId: string, filters: OrganisationFilters, lang: string): string {
  return apiUrl(`${organisationsPath(workspaceId)}.csv`, { ...filters, lang });
}

export function useOrganisation(workspaceId: string, organisationId: string | undefined) {
  return useQuery({
    queryKey: ['organisation', workspaceId, organisationId],
    queryFn: () => apiRequest<Organisation>(`${organisationsPath(workspaceId)}/${organisationId}`),
    enabled: Boolean(organisationId),
  });
}

export function createOrganisation(workspaceId: string, body: OrganisationCreate) {
  return apiRequest<Organisation>(organisationsPath(workspaceId), { method: 'POST', body });
}

export function updateOrganisation(workspaceId: string, organisationId: string, body: OrganisationUpdate) {
  return apiRequest<Organisation>(`${organisationsPath(workspaceId)}/${organisationId}`, { method: 'PATCH', body });
}

export function setOrganisationArchived(workspaceId: string, organisationId: string, isArchived: boolean) {
  return apiRequest<Organisation>(`${organisationsPath(workspaceId)}/${organisationId}/${isArchived ? 'archive' : 'restore'}`, {
    method: 'POST',
  });
}

export interface PersonFilters {
  q?: string;
  organisationId?: string;
  archived?: 'true' | 'false' | 'all';
}

export function usePersonPages(workspaceId: string, filters: PersonFilters) {
  return useInfiniteQuery({
    queryKey: ['people', workspaceId, filters],
    queryFn: ({ pageParam }) => apiRequest<Page<Person>>(peoplePath(workspaceId), { query: { ...filters, cursor: pageParam, limit: 25 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

export function usePerson(workspaceId: string, personId: string | undefined) {
  return useQuery({
    queryKey: ['person', workspaceId, personId],
    queryFn: () => apiRequest<Person>(`${peoplePath(workspaceId)}/${personId}`),
    enabled: Boolean(personId),
  });
}

export function createPerson(workspaceId: string, body: PersonCreate) {
  return apiRequest<Person>(peoplePath(workspaceId), { method: 'POST', body });
}

export function updatePerson(workspaceId: string, personId: string, body: PersonUpdate) {
  return apiRequest<Person>(`${peoplePath(workspaceId)}/${personId}`, { method: 'PATCH', body });
}

export function setPersonArchived(workspaceId: string, personId: string, isArchived: boolean) {
  return apiRequest<Person>(`${peoplePath(workspaceId)}/${personId}/${isArchived ? 'archive' : 'restore'}`, { method: 'POST' });
}
