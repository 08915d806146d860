/** All SQL of organisations (STYLE G5). Every query is scoped by workspace. */
import { and, count, eq, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { OrganisationListQuery } from '../../../shared/directory/organisation.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { countUpToCap, decodeCursor, keysetAfter } from '../../platform/db/pagination.js';
import { containsFolded } from '../../platform/db/search.js';
import { organisations, people } from './directory.tables.js';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationInsert = typeof organisations.$inferInsert;

function filtersOf(workspaceId: string, query: Omit<OrganisationListQuery, 'limit' | 'cursor'>): SQL[] {
  const filters: SQL[] = [eq(organisations.workspaceId, workspaceId)];
  if (query.archived === 'false') filters.push(isNull(organisations.archivedAt));
  if (query.archived === 'true') filters.push(isNotNull(organisations.archivedAt));
  if (query.country) filters.push(eq(organisations.country, query.country));
  if (query.type) filters.push(eq(organisations.type, query.type));
  const search = containsFolded(organisations.searchText, query.q);
  if (search) filters.push(search);
  return filters;
}

/** The query of one page of organisations in name order (kept separate so its SQL is snapshot-tested). */
export function organisationPageQuery(db: Db, workspaceId: string, query: OrganisationListQuery) {
  const keyset = keysetAfter(organisations.sortName, organisations.id, decodeCursor(query.cursor));
  return db
    .select()
    .from(organisations)
    .where(and(...filtersOf(workspaceId, query), keyset.where))
    .orderBy(...keyset.orderBy)
    .limit(query.limit + 1);
}

/** One page of organisations in name order (one row more than asked, to know if a next page exists), plus the (capped) total. */
export async function findOrganisations(db: Db, workspaceId: string, query: OrganisationListQuery) {
  const [rows, totals] = await Promise.all([
    organisationPageQuery(db, workspaceId, query),
    countUpToCap(db, organisations, and(...filtersOf(workspaceId, query))),
  ]);
  return { rows, ...totals };
}

/** Every organisation matching the filters (exports), in name order. */
export function findAllOrganisations(db: Db, workspaceId: string, query: Omit<OrganisationListQuery, 'limit' | 'cursor'>) {
  return db
    .select()
    .from(organisations)
    .where(and(...filtersOf(workspaceId, query)))
    .orderBy(organisations.sortName, organisations.id);
}

export async function findOrganisationById(db: DbOrTransaction, workspaceId: string, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(and(eq(organisations.workspaceId, workspaceId), eq(organisations.id, id)));
  return row;
}

/** Ids among `ids` that belong to the workspace (ownership checks). */
export async function findOwnedOrganisationIds(db: DbOrTransaction, workspaceId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.workspaceId, workspaceId), inArray(organisations.id, ids)));
  return new Set(rows.map((row) => row.id));
}

export async function insertOrganisation(db: DbOrTransaction, values: OrganisationInsert): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row as OrganisationRow;
}

export async function updateOrganisationRow(
  db: DbOrTransaction,
  workspaceId: string,
  id: string,
  values: Partial<OrganisationInsert>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(organisations.workspaceId, workspaceId), eq(organisations.id, id)))
    .returning();
  return row;
}

/** Active people per organisation, for the given organisations. */
export async function countPeopleByOrganisation(db: Db, organisationIds: string[]): Promise<Map<string, number>> {
  if (organisationIds.length === 0) return new Map();
  const rows = await db
    .select({ organisationId: people.organisationId, total: count() })
    .from(people)
    .where(and(inArray(people.organisationId, organisationIds), isNull(people.archivedAt)))
    .groupBy(people.organisationId);
  return new Map(rows.map((row) => [row.organisationId as string, row.total]));
}
