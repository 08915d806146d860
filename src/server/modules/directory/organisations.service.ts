/** Rules of the organisation directory (no HTTP here: codes, not words, STYLE G7). */
import {
  type Organisation,
  type OrganisationCreate,
  type OrganisationListQuery,
  type OrganisationPage,
  OrganisationPageSchema,
  type OrganisationUpdate,
} from '../../../shared/directory/organisation.schema.js';
import { foldForSearch, type LocalizedText, pickLocalized, searchTextOf } from '../../../shared/localized-text.js';
import { recordAudit } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/database.js';
import { encodeCursor } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { WriteClearedCache } from '../../platform/http/write-cleared-cache.js';
import { assertFileOwned } from '../../platform/storage/files.service.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { presentOrganisation } from './organisations.presenter.js';
import {
  countPeopleByOrganisation,
  findOrganisationById,
  findOrganisations,
  insertOrganisation,
  type OrganisationInsert,
  updateOrganisationRow,
} from './organisations.repo.js';

async function contentLanguagesOf(db: Db, workspaceId: string): Promise<string[]> {
  const workspace = await findWorkspaceById(db, workspaceId);
  if (!workspace) throw new AppError('NOT_FOUND');
  return workspace.contentLanguages;
}

/** Search and sort keys derived from the names, so queries never parse jsonb. */
export function derivedKeys(name: LocalizedText, city: LocalizedText | undefined, languages: string[]) {
  const [first = 'fr', ...rest] = languages;
  return {
    searchText: searchTextOf(name, city),
    sortName: foldForSearch(pickLocalized(name, first, rest)?.value ?? ''),
  };
}

/**
 * `listCache` (embedded database only) keeps list pages for a moment, as the JSON the API answers: a
 * list is read far more often than the directory changes, and every write request empties it (see
 * write-cleared-cache.ts).
 */
export function createOrganisationsService(db: Db, options: { listCache?: WriteClearedCache<string> } = {}) {
  const { listCache } = options;

  async function listPage(ctx: ServiceContext, query: OrganisationListQuery): Promise<OrganisationPage> {
    const { rows, total, isTotalCapped } = await findOrganisations(db, ctx.membership.workspaceId, query);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const counts = await countPeopleByOrganisation(
      db,
      page.map((row) => row.id),
    );
    return {
      items: page.map((row) => presentOrganisation(row, counts.get(row.id) ?? 0)),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortName, id: last.id }) : null,
      total,
      isTotalCapped,
    };
  }

  return {
    list: listPage,

    /** The page as response JSON (shaped by the response schema), from the cache when it has it. */
    async listJson(ctx: ServiceContext, query: OrganisationListQuery): Promise<string> {
      const key = `${ctx.membership.workspaceId}|${query.q ?? ''}|${query.country ?? ''}|${query.type ?? ''}|${query.archived}|${query.limit}|${query.cursor ?? ''}`;
      const cached = listCache?.get(key);
      if (cached) return cached;
      const generation = listCache?.generation ?? 0;
      const json = JSON.stringify(OrganisationPageSchema.parse(await listPage(ctx, query)));
      listCache?.set(key, json, generation, Number.POSITIVE_INFINITY);
      return json;
    },

    async get(ctx: ServiceContext, id: string): Promise<Organisation> {
      const row = await findOrganisationById(db, ctx.membership.workspaceId, id);
      if (!row) throw new AppError('NOT_FOUND');
      const counts = await countPeopleByOrganisation(db, [row.id]);
      return presentOrganisation(row, counts.get(row.id) ?? 0);
    },

    async create(ctx: ServiceContext, input: OrganisationCreate): Promise<Organisation> {
      const workspaceId = ctx.membership.workspaceId;
      const languages = await contentLanguagesOf(db, workspaceId);
      if (input.logoFileId) await assertFileOwned(db, workspaceId, input.logoFileId, 'logoFileId');
      const values: OrganisationInsert = {
        workspaceId,
        name: input.name,
        description: input.description ?? {},
        country: input.country,
        city: input.city ?? {},
        type: input.type,
        website: input.website ?? null,
        logoFileId: input.logoFileId ?? null,
        ...derivedKeys(input.name, input.city, languages),
      };
      const row = await db.transaction(async (tx) => {
        const created = await insertOrganisation(tx, values);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: 'organisation',
          entityId: created.id,
          after: presentOrganisation(created),
        });
        return created;
      });
      return presentOrganisation(row, 0);
    },

    async update(ctx: ServiceContext, id: string, input: OrganisationUpdate): Promise<Organisation> {
      const workspaceId = ctx.membership.workspaceId;
      const languages = await contentLanguagesOf(db, workspaceId);
      if (input.logoFileId) await assertFileOwned(db, workspaceId, input.logoFileId, 'logoFileId');
      const row = await db.transaction(async (tx) => {
        const before = await findOrganisationById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        const { expectedUpdatedAt: _ignored, ...changes } = input;
        const name = changes.name ?? (before.name as LocalizedText);
        const city = changes.city ?? (before.city as LocalizedText);
        const updated = await updateOrganisationRow(tx, workspaceId, id, { ...changes, ...derivedKeys(name, city, languages) });
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: 'organisation',
          entityId: id,
          before: presentOrganisation(before),
          after: presentOrganisation(updated),
        });
        return updated;
      });
      return presentOrganisation(row);
    },

    /** Archives (or restores) an organisation: nothing is deleted, people keep their link. */
    async setArchived(ctx: ServiceContext, id: string, isArchived: boolean): Promise<Organisation> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const before = await findOrganisationById(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        const updated = await updateOrganisationRow(tx, workspaceId, id, { archivedAt: isArchived ? new Date() : null });
        if (!updated) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: isArchived ? 'archive' : 'restore',
          entityType: 'organisation',
          entityId: id,
          before: presentOrganisation(before),
          after: presentOrganisation(updated),
        });
        return updated;
      });
      return presentOrganisation(row);
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
