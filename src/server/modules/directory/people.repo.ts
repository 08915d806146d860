/** All SQL of people. Every query is scoped by workspace. */
import { and, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { PersonListQuery } from '../../../shared/directory/person.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { countUpToCap, decodeCursor, keysetAfter } from '../../platform/db/pagination.js';
import { containsFolded } from '../../platform/db/search.js';
import { organisations, people } from './directory.tables.js';

export type PersonRow = typeof people.$inferSelect;
export type PersonInsert = typeof people.$inferInsert;

function filtersOf(workspaceId: string, query: Omit<PersonListQuery, 'limit' | 'cursor'>): SQL[] {
  const filters: SQL[] = [eq(people.workspaceId, workspaceId)];
  if (query.archived === 'false') filters.push(isNull(people.archivedAt));
  if (query.archived === 'true') filters.push(isNotNull(people.archivedAt));
  if (query.organisationId) filters.push(eq(people.organisationId, query.organisationId));
  const search = containsFolded(people.searchText, query.q);
  if (search) filters.push(search);
  return filters;
}

export async function findPeople(db: Db, workspaceId: string, query: PersonListQuery) {
  const filters = filtersOf(workspaceId, query);
  const keyset = keysetAfter(people.sortName, people.id, decodeCursor(query.cursor));
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(people)
      .where(and(...filters, keyset.where))
      .orderBy(...keyset.orderBy)
      .limit(query.limit + 1),
    countUpToCap(db, people, and(...filters)),
  ]);
  return { rows, ...totals };
}

/** Every person matching the filters (exports), in name order, with their organisation's name. */
export function findAllPeople(db: Db, workspaceId: string, query: Omit<PersonListQuery, 'limit' | 'cursor'>) {
  return db
    .select({ person: people, organisationName: organisations.name })
    .from(people)
    .leftJoin(organisations, eq(organisations.id, people.organisationId))
    .where(and(...filtersOf(workspaceId, query)))
    .orderBy(people.sortName, people.id);
}

export async function findPersonById(db: DbOrTransaction, workspaceId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)));
  return row;
}

export async function insertPerson(db: DbOrTransaction, values: PersonInsert): Promise<PersonRow> {
  const [row] = await db.insert(people).values(values).returning();
  return row as PersonRow;
}

export async function updatePersonRow(db: DbOrTransaction, workspaceId: string, id: string, values: Partial<PersonInsert>) {
  const [row] = await db
    .update(people)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(people.workspaceId, workspaceId), eq(people.id, id)))
    .returning();
  return row;
}
