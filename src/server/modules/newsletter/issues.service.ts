/**
 * Rules of newsletter issues: officers (and contributors) compose drafts; every write is audited;
 * an edit of the text after submission clears the approvals (the platform's `contentChanged`) and
 * takes a scheduled issue back to draft; once a send has started the issue is frozen.
 */
import type { z } from 'zod';
import {
  type IssueCreateSchema,
  type IssueDetail,
  type IssueListQuery,
  type IssuePage,
  type IssueUpdateSchema,
  NEWSLETTER_ISSUE_CONTENT_TYPE,
} from '../../../shared/newsletter/issue-api.schema.js';
import type { NewsletterBlock } from '../../../shared/newsletter/newsletter.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { contentChanged } from '../../platform/review/content-changed.js';
import { findDeciderIds } from '../../platform/review/review.repo.js';
import { isCampaignOwned } from '../planning/needs.repo.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { newsletterIssueContent } from './issue.review.js';
import { isIssueEditable, presentIssue, presentIssueSummary } from './issues.presenter.js';
import {
  deleteDraftIssue,
  findIssueById,
  findIssues,
  findOwnedListIds,
  findWorkspaceFiles,
  insertIssue,
  isSegmentOwned,
  lockIssue,
  type NewsletterIssueInsert,
  type NewsletterIssueRow,
  updateIssueRow,
} from './issues.repo.js';
import { EMAIL_IMAGE_TYPES } from './render/image-links.js';

export type IssueCreateInput = z.output<typeof IssueCreateSchema>;
export type IssueUpdateInput = z.output<typeof IssueUpdateSchema>;
type IssueFields = Omit<IssueUpdateInput, 'expectedUpdatedAt'>;

/** Fields whose change is a change of the reviewed content (the audience and UTM are not). */
const CONTENT_FIELDS = ['subject', 'preheader', 'blocks', 'sendMode', 'bilingualOrder'] as const;
const FIELDS = [...CONTENT_FIELDS, 'listIds', 'segmentId', 'utmSource', 'utmMedium', 'utmCampaign', 'campaignId'] as const;

/** Every image file an issue's blocks use, with the field path to report a problem at. */
function imageFileRefs(blocks: readonly NewsletterBlock[]): Array<{ fileId: string; path: string }> {
  const refs: Array<{ fileId: string; path: string }> = [];
  const visit = (block: NewsletterBlock, path: string) => {
    if (block.type === 'image' && block.fileId) refs.push({ fileId: block.fileId, path: `${path}.fileId` });
    if (block.type === 'article' && block.imageFileId) refs.push({ fileId: block.imageFileId, path: `${path}.imageFileId` });
    if (block.type !== 'columns') return;
    for (const [side, column] of block.columns.entries()) {
      for (const [position, leaf] of column.entries()) visit(leaf, `${path}.columns.${side}.${position}`);
    }
  };
  for (const [index, block] of blocks.entries()) visit(block, `blocks.${index}`);
  return refs;
}

/** Every id the input references must be of this workspace; images must be images email clients show. */
async function assertReferences(db: DbOrTransaction, workspaceId: string, input: IssueFields): Promise<void> {
  const fields: Record<string, string> = {};
  if (input.blocks) {
    const refs = imageFileRefs(input.blocks);
    const found = new Map((await findWorkspaceFiles(db, workspaceId, [...new Set(refs.map((ref) => ref.fileId))])).map((f) => [f.id, f]));
    for (const ref of refs) {
      const file = found.get(ref.fileId);
      if (!file) fields[ref.path] = 'UNKNOWN_FILE';
      else if (!(EMAIL_IMAGE_TYPES as readonly string[]).includes(file.contentType)) fields[ref.path] = 'NOT_AN_IMAGE';
    }
  }
  if (input.listIds?.length) {
    const owned = await findOwnedListIds(db, workspaceId, input.listIds);
    input.listIds.forEach((id, index) => {
      if (!owned.has(id)) fields[`listIds.${index}`] = 'UNKNOWN_LIST';
    });
  }
  if (input.segmentId && !(await isSegmentOwned(db, workspaceId, input.segmentId))) fields.segmentId = 'UNKNOWN_SEGMENT';
  if (input.campaignId && !(await isCampaignOwned(db, workspaceId, input.campaignId))) fields.campaignId = 'UNKNOWN_CAMPAIGN';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
}

function pickFields(input: IssueFields): Partial<NewsletterIssueInsert> {
  const out: Record<string, unknown> = {};
  for (const key of FIELDS) if (input[key] !== undefined) out[key] = input[key];
  return out as Partial<NewsletterIssueInsert>;
}

function isContentChange(before: NewsletterIssueRow, changes: Partial<NewsletterIssueInsert>): boolean {
  return CONTENT_FIELDS.some((key) => changes[key] !== undefined && JSON.stringify(changes[key]) !== JSON.stringify(before[key]));
}

/** The audited shape of an issue (its content and audience, not the rendered HTML). */
function auditShape(row: NewsletterIssueRow) {
  const { renderedVariants: _rendered, ...rest } = row;
  return rest;
}

export function createIssuesService(platform: Pick<Platform, 'database' | 'mailer' | 'config'>) {
  const db = platform.database.db;

  async function present(workspaceId: string, id: string): Promise<IssueDetail> {
    const row = await findIssueById(db, workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return presentIssue(row, row.reviewState);
  }

  /** Reviewers hear of an approved issue edited since, as a new request (like campaign briefs). */
  async function notifyReviewers(ctx: ServiceContext, issueId: string) {
    const workspaceId = ctx.membership.workspaceId;
    const item = await newsletterIssueContent.load(db, workspaceId, issueId);
    const reviewers = (await findDeciderIds(db, workspaceId)).filter((id) => id !== ctx.actor.user.id);
    await notify(platform, {
      workspaceId,
      userIds: reviewers,
      kind: 'review-requested',
      params: { title: item?.title ?? '', actor: ctx.actor.user.name },
      link: item?.link,
      email: true,
    });
  }

  async function insertAudited(ctx: ServiceContext, tx: DbOrTransaction, values: NewsletterIssueInsert, action: string, extra = {}) {
    const created = await insertIssue(tx, values);
    await recordAudit(tx, {
      workspaceId: values.workspaceId,
      actorUserId: ctx.actor.user.id,
      action,
      entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
      entityId: created.id,
      after: { ...auditShape(created), ...extra },
    });
    return created;
  }

  return {
    /** Issues newest first, by keyset on (created_at, id). */
    async list(ctx: ServiceContext, query: IssueListQuery): Promise<IssuePage> {
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const rows = await findIssues(db, ctx.membership.workspaceId, query, cursor);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => presentIssueSummary(row.issue, row.reviewState)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.issue.id }) : null,
      };
    },

    get: (ctx: ServiceContext, id: string) => present(ctx.membership.workspaceId, id),

    async create(ctx: ServiceContext, input: IssueCreateInput): Promise<IssueDetail> {
      const workspaceId = ctx.membership.workspaceId;
      const workspace = await findWorkspaceById(db, workspaceId);
      const languages = workspace?.contentLanguages ?? [];
      const created = await db.transaction(async (tx) => {
        await assertReferences(tx, workspaceId, input);
        return insertAudited(
          ctx,
          tx,
          {
            workspaceId,
            subject: {},
            ...(languages.length >= 2 ? { bilingualOrder: languages.slice(0, 2) } : {}),
            ...pickFields(input),
            createdBy: ctx.actor.user.id,
          },
          'create',
        );
      });
      return present(workspaceId, created.id);
    },

    async update(ctx: ServiceContext, id: string, input: IssueUpdateInput): Promise<IssueDetail> {
      const workspaceId = ctx.membership.workspaceId;
      const actorId = ctx.actor.user.id;
      const review = await db.transaction(async (tx) => {
        const before = await lockIssue(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (!isIssueEditable(before.status)) throw new AppError('INVALID_STATE', { params: { state: before.status } });
        if (input.expectedUpdatedAt && new Date(input.expectedUpdatedAt).getTime() !== before.updatedAt.getTime()) {
          throw new AppError('CONFLICT');
        }
        await assertReferences(tx, workspaceId, input);
        const changes = pickFields(input);
        const isContent = isContentChange(before, changes);
        // A scheduled issue whose text changes needs a new approval before any send: back to draft.
        if (isContent && before.status === 'scheduled') Object.assign(changes, { status: 'draft', scheduledAt: null });
        const updated = (await updateIssueRow(tx, workspaceId, id, changes)) as NewsletterIssueRow;
        await recordAudit(tx, {
          workspaceId,
          actorUserId: actorId,
          action: 'update',
          entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
          entityId: id,
          before: auditShape(before),
          after: auditShape(updated),
        });
        return isContent ? contentChanged(tx, workspaceId, NEWSLETTER_ISSUE_CONTENT_TYPE, id, actorId) : undefined;
      });
      if (review && review.fromState !== 'in_review') await notifyReviewers(ctx, id);
      return present(workspaceId, id);
    },

    /** A new draft with the same content and audience (its review starts afresh). */
    async duplicate(ctx: ServiceContext, id: string): Promise<IssueDetail> {
      const workspaceId = ctx.membership.workspaceId;
      const created = await db.transaction(async (tx) => {
        const source = await findIssueById(tx, workspaceId, id);
        if (!source) throw new AppError('NOT_FOUND');
        const { subject, preheader, blocks, sendMode, bilingualOrder, listIds, segmentId, utmSource, utmMedium, utmCampaign, campaignId } =
          source;
        return insertAudited(
          ctx,
          tx,
          {
            workspaceId,
            ...{ subject, preheader, blocks, sendMode, bilingualOrder, listIds, segmentId, utmSource, utmMedium, utmCampaign, campaignId },
            createdBy: ctx.actor.user.id,
          },
          'duplicate',
          { duplicateOf: id },
        );
      });
      return present(workspaceId, created.id);
    },

    /** Only a draft can be deleted: anything sent or scheduled stays for the record. */
    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await lockIssue(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.status !== 'draft' || !(await deleteDraftIssue(tx, workspaceId, id))) {
          throw new AppError('INVALID_STATE', { params: { state: before.status } });
        }
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: NEWSLETTER_ISSUE_CONTENT_TYPE,
          entityId: id,
          before: auditShape(before),
        });
      });
    },
  };
}

export type IssuesService = ReturnType<typeof createIssuesService>;
