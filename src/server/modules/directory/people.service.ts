/** Rules of the people directory: emails unique per workspace, organisation must be in the workspace. */
import type { Person, PersonCreate, PersonListQuery, PersonUpdate } from '../../../shared/directory/person.schema.js';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { type AuditEntry, recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { encodeCursor } from '../../platform/db/pagination.js';
import { AppError, fromDatabaseError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findOwnedOrganisationIds } from './organisations.repo.js';
import { derivedKeys } from './organisations.service.js';
import { findPeople, findPersonById, insertPerson, type PersonRow, updatePersonRow } from './people.repo.js';

export function presentPerson(row: PersonRow): Person {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    organisationId: row.organisationId,
    name: row.name as Person['name'],
    email: row.email,
    phone: row.phone,
    languages: row.languages,
    projectRole: row.projectRole as Person['projectRole'],
    isArchived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A duplicate email is reported on the email field. */
function mapDuplicateEmail(error: unknown): never {
  const mapped = fromDatabaseError(error);
  if (mapped?.code === 'ALREADY_EXISTS') throw new AppError('ALREADY_EXISTS', { fields: { email: 'ALREADY_USED' }, cause: error });
  throw error;
}

export function createPeopleService(db: Db) {
  async function languagesOf(workspaceId: string): Promise<string[]> {
    const workspace = await findWorkspaceById(db, workspaceId);
    if (!workspace) throw new AppError('NOT_FOUND');
    return workspace.contentLanguages;
  }

  async function assertOrganisation(workspaceId: string, organisationId: string | null | undefined): Promise<void> {
    if (!organisationId) return;
    const owned = await findOwnedOrganisationIds(db, workspaceId, [organisationId]);
    if (!owned.has(organisationId)) throw new AppError('VALIDATION_FAILED', { fields: { organisationId: 'UNKNOWN_ORGANISATION' } });
  }

  /**
   * Runs a change of one person in a transaction: loads the row (the "before"), lets `change`
   * write, and records the audit entry — so a concurrent edit is detected on the row being changed.
   */
  async function changePerson(
    ctx: ServiceContext,
    id: string | null,
    action: AuditEntry['action'],
    change: (tx: Db, before: PersonRow | undefined) => Promise<PersonRow>,
  ): Promise<Person> {
    const workspaceId = ctx.membership.workspaceId;
    const row = await db
      .transaction(async (tx) => {
        const before = id ? await findPersonById(tx, workspaceId, id) : undefined;
        if (id && !before) throw new AppError('NOT_FOUND');
        const after = await change(tx as unknown as Db, before);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action,
          entityType: 'person',
          entityId: after.id,
          before: before ? presentPerson(before) : null,
          after: presentPerson(after),
        });
        return after;
      })
      .catch(mapDuplicateEmail);
    return presentPerson(row);
  }

  return {
    async list(ctx: ServiceContext, query: PersonListQuery) {
      const { rows, total, isTotalCapped } = await findPeople(db, ctx.membership.workspaceId, query);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentPerson),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortName, id: last.id }) : null,
        total,
        isTotalCapped,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<Person> {
      const row = await findPersonById(db, ctx.membership.workspaceId, id);
      if (!row) throw new AppError('NOT_FOUND');
      return presentPerson(row);
    },

    async create(ctx: ServiceContext, input: PersonCreate): Promise<Person> {
      const workspaceId = ctx.membership.workspaceId;
      await assertOrganisation(workspaceId, input.organisationId);
      const keys = derivedKeys(input.name, undefined, await languagesOf(workspaceId));
      return changePerson(ctx, null, 'create', (tx) =>
        insertPerson(tx, {
          workspaceId,
          organisationId: input.organisationId ?? null,
          name: input.name,
          email: input.email ?? null,
          phone: input.phone ?? null,
          languages: input.languages,
          projectRole: input.projectRole ?? {},
          searchText: `${keys.searchText} ${input.email ?? ''}`.trim(),
          sortName: keys.sortName,
        }),
      );
    },

    async update(ctx: ServiceContext, id: string, input: PersonUpdate): Promise<Person> {
      const workspaceId = ctx.membership.workspaceId;
      await assertOrganisation(workspaceId, input.organisationId);
      const languages = await languagesOf(workspaceId);
      return changePerson(ctx, id, 'update', async (tx, before) => {
        const current = before as PersonRow;
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== current.updatedAt.getTime())
          throw new AppError('CONFLICT');
        const { expectedUpdatedAt: _ignored, ...changes } = input;
        const name = changes.name ?? (current.name as LocalizedText);
        const email = changes.email === undefined ? current.email : changes.email;
        const keys = derivedKeys(name, undefined, languages);
        const updated = await updatePersonRow(tx, workspaceId, id, {
          ...changes,
          searchText: `${keys.searchText} ${email ?? ''}`.trim(),
          sortName: keys.sortName,
        });
        if (!updated) throw new AppError('NOT_FOUND');
        return updated;
      });
    },

    async setArchived(ctx: ServiceContext, id: string, isArchived: boolean): Promise<Person> {
      return changePerson(ctx, id, isArchived ? 'archive' : 'restore', async (tx) => {
        const updated = await updatePersonRow(tx, ctx.membership.workspaceId, id, { archivedAt: isArchived ? new Date() : null });
        if (!updated) throw new AppError('NOT_FOUND');
        return updated;
      });
    },
  };
}
