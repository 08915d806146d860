/**
 * Rules of studio documents (T5): members with studio:write write documents in Arabic, French or
 * both and lay them out as branded PDFs. Every save names the version it read (a stale one is a
 * CONFLICT), raises it and is audited; a change of the text of a document under review or approved
 * clears its approvals and sends it back to review (the platform's `contentChanged`).
 *
 * Export renders the saved document to PDF through the rendering service (cached by content), stores
 * it as a file of the workspace and points `last_render_file_id` at it. Documents estimated longer
 * than DOCUMENT_INLINE_MAX_PAGES render in the `studio.document-export` job instead of the request.
 * Images that may not be printed (consent, archived, missing) are left out and reported as warnings.
 */
import type { z } from 'zod';
import type { LocalizedText } from '../../../shared/localized-text.js';
import { searchTextOf } from '../../../shared/localized-text.js';
import type { DocumentBodies, DocumentMode } from '../../../shared/studio/documents.schema.js';
import type {
  DocumentCreate,
  DocumentExport,
  DocumentExportRequest,
  DocumentLanguageCode,
  DocumentListQuery,
  DocumentOut,
  DocumentPage,
  DocumentPreviewQuerySchema,
  DocumentUpdateSchema,
} from '../../../shared/studio/documents-api.schema.js';
import { DOCUMENT_API_LIMITS, STUDIO_DOCUMENT_CONTENT_TYPE } from '../../../shared/studio/documents-api.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { renderStorageKey, renderTemplate } from '../../platform/render/render.service.js';
import { sharedRenderer } from '../../platform/render/renderer.js';
import { contentChanged } from '../../platform/review/content-changed.js';
import { findDeciderIds } from '../../platform/review/review.repo.js';
import { findFile } from '../../platform/storage/files.service.js';
import { isCampaignOwned } from '../planning/needs.repo.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { previewPng } from './design-preview.js';
import { downloadName } from './designs-files.js';
import { documentFields, PAGE_PIXELS, pagesOfSvg, pdfPageCount, pickTitle, variantOf } from './document-pages.js';
import { bodiesOf, composeDocumentRender, type DocumentSettings, digitsOf, documentWarnings, settingsOf } from './document-render.js';
import { auditedDocument, downloadUrlOf, presentDocument, presentDocumentSummary } from './documents.presenter.js';
import {
  type DocumentInsert,
  type DocumentRow,
  deleteDocumentRow,
  findDocumentById,
  findDocuments,
  insertDocument,
  lockDocument,
  setExportState,
  setLastRender,
  updateDocumentRow,
} from './documents.repo.js';
import { studioDocumentContent } from './documents.review.js';
import { insertStudioFile, putStudioFile } from './studio-files.js';

/**
 * Documents estimated above this many pages (text, and a third of a page per image) export in a job:
 * a 20-page bilingual document renders in about 50 ms of CPU, but photos cost more (decoding and
 * embedding), and a 100-page report should not keep a request waiting.
 */
export const DOCUMENT_INLINE_MAX_PAGES = 20;
export const DOCUMENT_EXPORT_JOB = 'studio.document-export';

/** Fields whose change is a change of what reviewers approved (the campaign and the body status are not). */
const CONTENT_KEYS = ['title', 'subtitle', 'layout', 'mode', 'body', 'languages', 'cover'] as const;

type DocumentUpdate = z.output<typeof DocumentUpdateSchema>;
type DocumentPreviewQuery = z.output<typeof DocumentPreviewQuerySchema>;
type Platformish = Pick<Platform, 'database' | 'storage' | 'jobs' | 'mailer' | 'config'>;

/** The print order a request asks for, checked against the mode: a one-language mode prints its language. */
function orderFor(mode: DocumentMode, requested: readonly DocumentLanguageCode[] | undefined, stored: readonly DocumentLanguageCode[]) {
  const wanted = requested ?? stored;
  if ((mode === 'ar' || mode === 'fr') && requested && !requested.includes(mode)) {
    throw new AppError('VALIDATION_FAILED', { fields: { languages: 'INVALID_VALUE' } });
  }
  const order = wanted.filter((lang, index) => wanted.indexOf(lang) === index);
  return [...order, ...(['ar', 'fr'] as const).filter((lang) => !order.includes(lang))];
}

export function createDocumentsService(platform: Platformish) {
  const db = platform.database.db;
  const storage = platform.storage;

  async function present(row: DocumentRow, reviewState: string | null): Promise<DocumentOut> {
    const [warnings, workspace] = await Promise.all([documentWarnings(db, row), findWorkspaceById(db, row.workspaceId)]);
    return presentDocument(row, { reviewState, warnings, digits: digitsOf(workspace?.arabicDigits) });
  }

  async function presentById(workspaceId: string, id: string): Promise<DocumentOut> {
    const row = await findDocumentById(db, workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return present(row, row.reviewState);
  }

  async function loadOwned(ctx: ServiceContext, id: string) {
    const row = await findDocumentById(db, ctx.membership.workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  async function assertCampaign(tx: DbOrTransaction, workspaceId: string, campaignId: string | null | undefined) {
    if (campaignId && !(await isCampaignOwned(tx, workspaceId, campaignId))) {
      throw new AppError('VALIDATION_FAILED', { fields: { campaignId: 'UNKNOWN_CAMPAIGN' } });
    }
  }

  async function audit(
    tx: DbOrTransaction,
    actorUserId: string | null,
    action: string,
    row: DocumentRow,
    before?: DocumentRow,
    extra = {},
  ) {
    await recordAudit(tx, {
      workspaceId: row.workspaceId,
      actorUserId,
      action,
      entityType: STUDIO_DOCUMENT_CONTENT_TYPE,
      entityId: row.id,
      before: before && auditedDocument(before),
      after: { ...auditedDocument(row), ...extra },
    });
  }

  /** Reviewers hear of an approved document edited since, as a new request (like newsletter issues). */
  async function notifyReviewers(ctx: ServiceContext, id: string) {
    const workspaceId = ctx.membership.workspaceId;
    const item = await studioDocumentContent.load(db, workspaceId, id);
    const reviewers = (await findDeciderIds(db, workspaceId)).filter((userId) => userId !== ctx.actor.user.id);
    await notify(platform, {
      workspaceId,
      userIds: reviewers,
      kind: 'review-requested',
      params: { title: item?.title ?? '', actor: ctx.actor.user.name },
      link: item?.link,
      email: true,
    });
  }

  /** The render of a saved document in a format, its warnings and its estimated length. */
  async function render(row: DocumentRow, format: 'pdf' | 'svg') {
    const composed = await composeDocumentRender({ db, storage }, row);
    const result = await renderTemplate(platform, { ...composed.request, format }).catch(documentFields);
    return { result, composed };
  }

  /** Stores an exported PDF as a file of the workspace (the same bytes as the last export reuse its file). */
  async function recordExport(row: DocumentRow, pdf: Buffer, actorUserId: string | null) {
    const pages = pdfPageCount(pdf);
    const previous = row.lastRenderFileId ? await findFile(db, row.workspaceId, row.lastRenderFileId) : undefined;
    const stored = await putStudioFile(storage, {
      workspaceId: row.workspaceId,
      bytes: pdf,
      originalName: downloadName(pickTitle(row), variantOf(row.mode as DocumentMode), 'pdf'),
      contentType: 'application/pdf',
    });
    const reuse = previous && previous.sha256 === stored.sha256;
    if (reuse) await storage.delete(stored.storageKey);
    const updated = await db.transaction(async (tx) => {
      const fileId = reuse ? previous.id : (await insertStudioFile(tx, stored, actorUserId)).id;
      const after = await setLastRender(tx, row.workspaceId, row.id, { fileId, pages, version: row.version });
      if (!after) throw new AppError('NOT_FOUND');
      await audit(tx, actorUserId, 'export', after, undefined, { fileId, pages, exportedVersion: row.version });
      return after;
    });
    return { fileId: updated.lastRenderFileId as string, pages, row: updated };
  }

  return {
    /** Documents last edited first, by keyset on (updated_at, id); `q` searches titles and subtitles. */
    async list(ctx: ServiceContext, query: DocumentListQuery): Promise<DocumentPage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findDocuments(db, ctx.membership.workspaceId, query, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => presentDocumentSummary(row.document, row.reviewState)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.document.id }) : null,
      };
    },

    get: (ctx: ServiceContext, id: string) => presentById(ctx.membership.workspaceId, id),

    async create(ctx: ServiceContext, input: DocumentCreate): Promise<DocumentOut> {
      const workspaceId = ctx.membership.workspaceId;
      const mode = input.mode;
      const order = orderFor(mode, input.languages, mode === 'fr' ? ['fr', 'ar'] : ['ar', 'fr']);
      const title = input.title as LocalizedText;
      const subtitle = (input.subtitle ?? {}) as LocalizedText;
      const row = await db.transaction(async (tx) => {
        await assertCampaign(tx, workspaceId, input.campaignId);
        const created = await insertDocument(tx, {
          workspaceId,
          title,
          subtitle,
          layout: input.layout,
          mode,
          body: {},
          settings: { languages: order },
          searchText: searchTextOf(title, subtitle),
          campaignId: input.campaignId ?? null,
          createdBy: ctx.actor.user.id,
        });
        await audit(tx, ctx.actor.user.id, 'create', created);
        return created;
      });
      return present(row, null);
    },

    async update(ctx: ServiceContext, id: string, input: DocumentUpdate): Promise<DocumentOut> {
      const workspaceId = ctx.membership.workspaceId;
      const actorId = ctx.actor.user.id;
      const review = await db.transaction(async (tx) => {
        const before = await lockDocument(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (input.version !== before.version) throw new AppError('CONFLICT', { params: { version: before.version } });
        await assertCampaign(tx, workspaceId, input.campaignId);
        const mode = (input.mode ?? before.mode) as DocumentMode;
        const settings: DocumentSettings = { ...settingsOf(before) };
        const changes: Partial<DocumentInsert> = {};
        const changed = new Set<string>();
        const set = <K extends keyof DocumentInsert>(key: K, value: DocumentInsert[K], name: string = key) => {
          if (JSON.stringify(value) === JSON.stringify(before[key as keyof DocumentRow])) return;
          changes[key] = value;
          changed.add(name);
        };
        if (input.title !== undefined) set('title', input.title as LocalizedText);
        if (input.subtitle !== undefined) set('subtitle', input.subtitle as LocalizedText);
        if (input.layout !== undefined) set('layout', input.layout);
        if (input.mode !== undefined) set('mode', input.mode);
        if (input.bodies !== undefined) {
          const bodies: DocumentBodies = { ...bodiesOf(before) };
          for (const lang of ['ar', 'fr'] as const) {
            const body = input.bodies[lang];
            if (body === null) delete bodies[lang];
            else if (body !== undefined) bodies[lang] = body;
          }
          set('body', bodies as Record<string, unknown>);
        }
        const order = orderFor(mode, input.languages, settingsOf(before).languages ?? ['ar', 'fr']);
        if (JSON.stringify(order) !== JSON.stringify(settings.languages)) {
          settings.languages = order;
          changed.add('languages');
        }
        if (input.bodyStatus !== undefined) {
          settings.bodyStatus = { ...settings.bodyStatus, ...input.bodyStatus };
          changed.add('bodyStatus');
        }
        if (input.cover !== undefined && input.cover.imageAssetId !== (settings.cover?.imageAssetId ?? null)) {
          settings.cover = { imageAssetId: input.cover.imageAssetId };
          changed.add('cover');
        }
        if (JSON.stringify(settings) !== JSON.stringify(before.settings)) changes.settings = settings as DocumentInsert['settings'];
        if (input.campaignId !== undefined) set('campaignId', input.campaignId);
        if (Object.keys(changes).length === 0) return undefined;
        if (changes.title || changes.subtitle) {
          changes.searchText = searchTextOf(changes.title ?? before.title, changes.subtitle ?? before.subtitle);
        }
        const updated = await updateDocumentRow(tx, workspaceId, id, changes);
        if (!updated) throw new AppError('NOT_FOUND');
        await audit(tx, actorId, 'update', updated, before);
        const isContent = CONTENT_KEYS.some((key) => changed.has(key));
        return isContent ? contentChanged(tx, workspaceId, STUDIO_DOCUMENT_CONTENT_TYPE, id, actorId) : undefined;
      });
      if (review && review.fromState !== 'in_review') await notifyReviewers(ctx, id);
      return presentById(workspaceId, id);
    },

    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await lockDocument(tx, workspaceId, id);
        if (!before || !(await deleteDocumentRow(tx, workspaceId, id))) throw new AppError('NOT_FOUND');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: STUDIO_DOCUMENT_CONTENT_TYPE,
          entityId: id,
          before: auditedDocument(before),
        });
      });
    },

    /**
     * The saved document as a PDF: rendered now and stored (`ready`), or — when long, or asked for in
     * the background — queued as a job (`queued`) unless the same render is already in the store.
     */
    async exportDocument(ctx: ServiceContext, id: string, input: DocumentExportRequest): Promise<DocumentExport> {
      const row = await loadOwned(ctx, id);
      const composed = await composeDocumentRender({ db, storage }, row);
      const renderer = await sharedRenderer();
      const prepared = (() => {
        try {
          return renderer.prepare({ ...composed.request, format: 'pdf' });
        } catch (error) {
          return documentFields(error);
        }
      })();
      const estimate = prepared.template.manifest.estimatePages?.(JSON.parse(prepared.dataJson)) ?? 1;
      const imagePages = Object.keys(composed.assetKeys).filter((slot) => slot.startsWith('image-')).length / 3;
      const isLong = estimate + imagePages > DOCUMENT_INLINE_MAX_PAGES;
      const isStored = await storage.exists(renderStorageKey(prepared.cacheKey, 'pdf', row.workspaceId));
      if ((input.background || isLong) && !isStored) {
        await setExportState(db, row.workspaceId, row.id, { requestedAt: new Date(), error: null });
        await platform.jobs.send(
          DOCUMENT_EXPORT_JOB,
          { workspaceId: row.workspaceId, documentId: row.id, userId: ctx.actor.user.id },
          { singletonKey: `${row.id}:${row.version}` },
        );
        return { state: 'queued', version: row.version, warnings: composed.warnings };
      }
      const result = await renderTemplate(platform, { ...composed.request, format: 'pdf' }).catch(documentFields);
      const exported = await recordExport(row, result.bytes, ctx.actor.user.id);
      return {
        state: 'ready',
        fileId: exported.fileId,
        pages: exported.pages,
        downloadUrl: downloadUrlOf(row, exported.fileId),
        version: row.version,
        warnings: composed.warnings,
      };
    },

    /** The export job's work: render the document as it is now and store it (see documents.jobs.ts). */
    async runExportJob(job: { workspaceId: string; documentId: string; userId: string | null }, isLastAttempt: boolean) {
      const row = await findDocumentById(db, job.workspaceId, job.documentId);
      if (!row) return { skipped: 'deleted' };
      try {
        const { result } = await render(row, 'pdf');
        const exported = await recordExport(row, result.bytes, job.userId);
        return { fileId: exported.fileId, pages: exported.pages, version: row.version };
      } catch (error) {
        if (isLastAttempt) {
          const reason =
            error instanceof AppError ? `${error.code}${error.params?.reason ? `: ${error.params.reason}` : ''}` : String(error);
          await setExportState(db, row.workspaceId, row.id, { requestedAt: null, error: reason.slice(0, 2000) });
        }
        throw error;
      }
    },

    /** The last exported PDF, as a file to download. */
    async download(ctx: ServiceContext, id: string) {
      const row = await loadOwned(ctx, id);
      const file = row.lastRenderFileId ? await findFile(db, row.workspaceId, row.lastRenderFileId) : undefined;
      if (!file) throw new AppError('NOT_FOUND');
      return { bytes: await storage.get(file.storageKey), fileName: file.originalName, contentType: file.contentType };
    },

    /** One page of the saved document as a PNG at the editor's width, and the page count. */
    async preview(ctx: ServiceContext, id: string, query: DocumentPreviewQuery): Promise<{ bytes: Buffer; pages: number }> {
      const row = await loadOwned(ctx, id);
      const { result } = await render(row, 'svg');
      const pages = pagesOfSvg(result);
      const page = query.page ?? 1;
      if (page > pages) throw new AppError('VALIDATION_FAILED', { fields: { page: 'OUT_OF_RANGE' } });
      const width = query.width ?? DOCUMENT_API_LIMITS.previewWidthDefault;
      const bytes = await previewPng(storage, {
        svg: result,
        width,
        page: PAGE_PIXELS,
        allPages: false,
        pageNumber: page,
        workspaceId: row.workspaceId,
      });
      return { bytes, pages };
    },
  };
}

export type DocumentsService = ReturnType<typeof createDocumentsService>;
