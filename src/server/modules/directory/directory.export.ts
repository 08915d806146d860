/** CSV exports of the directory, with headers in the requester's language and one column per content language. */
import type { OrganisationListQuery } from '../../../shared/directory/organisation.schema.js';
import type { PersonListQuery } from '../../../shared/directory/person.schema.js';
import type { UiLocale } from '../../../shared/languages.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { toCsv } from '../../platform/csv.js';
import type { Db } from '../../platform/db/database.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { translatorFor } from '../../platform/i18n.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findAllOrganisations } from './organisations.repo.js';
import { findAllPeople } from './people.repo.js';

export async function exportOrganisationsCsv(
  db: Db,
  ctx: ServiceContext,
  query: Omit<OrganisationListQuery, 'limit' | 'cursor'>,
  locale: UiLocale,
): Promise<string> {
  const t = translatorFor(locale);
  const workspace = await findWorkspaceById(db, ctx.membership.workspaceId);
  const languages = workspace?.contentLanguages ?? ['ar', 'fr'];
  const rows = await findAllOrganisations(db, ctx.membership.workspaceId, query);
  const header = [
    'id',
    ...languages.map((language) => `${t('directory.field.name')} (${language})`),
    t('directory.field.country'),
    ...languages.map((language) => `${t('directory.field.city')} (${language})`),
    t('directory.field.type'),
    t('directory.field.website'),
    t('directory.field.archived'),
  ];
  const body = rows.map((row) => [
    row.id,
    ...languages.map((language) => (row.name as LocalizedText)[language as 'ar']?.value ?? ''),
    row.country,
    ...languages.map((language) => (row.city as LocalizedText)[language as 'ar']?.value ?? ''),
    t(`directory.type.${row.type}`),
    row.website ?? '',
    row.archivedAt ? row.archivedAt.toISOString() : '',
  ]);
  return toCsv(header, body);
}

export async function exportPeopleCsv(
  db: Db,
  ctx: ServiceContext,
  query: Omit<PersonListQuery, 'limit' | 'cursor'>,
  locale: UiLocale,
): Promise<string> {
  const t = translatorFor(locale);
  const workspace = await findWorkspaceById(db, ctx.membership.workspaceId);
  const languages = workspace?.contentLanguages ?? ['ar', 'fr'];
  const rows = await findAllPeople(db, ctx.membership.workspaceId, query);
  const valueIn = (text: unknown, language: string) => (text as LocalizedText | null)?.[language as 'ar']?.value ?? '';
  const header = [
    'id',
    ...languages.map((language) => `${t('directory.field.name')} (${language})`),
    t('directory.field.email'),
    t('directory.field.phone'),
    t('directory.field.languages'),
    ...languages.map((language) => `${t('directory.field.organisation')} (${language})`),
    ...languages.map((language) => `${t('directory.field.projectRole')} (${language})`),
    t('directory.field.archived'),
  ];
  const body = rows.map(({ person, organisationName }) => [
    person.id,
    ...languages.map((language) => valueIn(person.name, language)),
    person.email ?? '',
    person.phone ?? '',
    person.languages.join(' '),
    ...languages.map((language) => valueIn(organisationName, language)),
    ...languages.map((language) => valueIn(person.projectRole, language)),
    person.archivedAt ? person.archivedAt.toISOString() : '',
  ]);
  return toCsv(header, body);
}
