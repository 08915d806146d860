/**
 * Rules of social posts (T1): drafts written by members with social:write, checked as the network
 * will count them (graphemes, per language and together), photos consent-checked for social use,
 * words reviewed through the approval workflow. An edit of the words, hashtags or attachments after
 * approval sends the post back to review (`contentChanged`) and takes it off the schedule; a post
 * going out or out is frozen. Every write is audited in its transaction.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import type { LanguageMode } from '../../../shared/social/compose-message.js';
import {
  characterIssues,
  EDITABLE_POST_STATUSES,
  SOCIAL_POST_CONTENT_TYPE,
  type StoredPostStatus,
} from '../../../shared/social/posts.schema.js';
import type { PostCreate, PostDetail, PostListQuery, PostPage, PostUpdate } from '../../../shared/social/posts-api.schema.js';
import { type DbOrTransaction, recordAudit } from '../../platform/audit/audit.js';
import { decodeKeysetCursor, encodeCursor, TIMESTAMP_SORT_KEY } from '../../platform/db/pagination.js';
import { AppError, type FieldErrors } from '../../platform/errors.js';
import type { ServiceContext } from '../../platform/http/guards.js';
import type { Platform } from '../../platform/platform.js';
import { contentChanged } from '../../platform/review/content-changed.js';
import { findCampaignById } from '../planning/campaigns.repo.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { assertPostPhotos, checkPostPhotos } from './post-photos.js';
import { composableOf, presentPost, presentPostDetail } from './posts.presenter.js';
import {
  deletePostRow,
  deleteUnsentPublications,
  findChannelOfWorkspace,
  findPostById,
  findPosts,
  findPublicationsOfPost,
  insertPost,
  lockPost,
  type PostInsert,
  type PostWithReview,
  updatePostRow,
} from './posts.repo.js';
import type { SocialPostRow } from './social.tables.js';

/** Publication states that mean the page has (or may have) the post: its words can no longer change. */
const REACHED_STATES = new Set(['sending', 'outcome_unknown', 'published', 'verified_present']);

/** What the workspace decides for every post: its languages' order and its clock. */
export async function postSettingsOf(db: DbOrTransaction, workspaceId: string) {
  const workspace = await findWorkspaceById(db, workspaceId);
  if (!workspace) throw new AppError('NOT_FOUND');
  return { timeZone: workspace.timeZone, languageOrder: workspace.contentLanguages };
}

type Content = Pick<SocialPostRow, 'languageMode' | 'text' | 'hashtags' | 'firstComment' | 'assetIds' | 'linkUrl' | 'linkPreview'>;

/** Every check of a post's content and links that needs the database; throws VALIDATION_FAILED with all fields at once. */
async function assertContent(
  db: DbOrTransaction,
  workspaceId: string,
  content: Content & { channelId: string; campaignId: string | null },
  languageOrder: readonly string[],
) {
  const fields: FieldErrors = {};
  for (const issue of characterIssues(composableOf(content), languageOrder)) fields[issue.path.join('.')] ??= issue.message;
  const unknownLanguage = Object.keys(content.text as LocalizedText).find(
    (language) => (content.text as LocalizedText)[language as 'ar']?.value && !languageOrder.includes(language),
  );
  if (unknownLanguage) fields[`text.${unknownLanguage}`] = 'INVALID_VALUE';
  if (!(await findChannelOfWorkspace(db, workspaceId, content.channelId))) fields.channelId = 'UNKNOWN_CHANNEL';
  if (content.campaignId && !(await findCampaignById(db, workspaceId, content.campaignId))) fields.campaignId = 'UNKNOWN_CAMPAIGN';
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields });
  await assertPostPhotos(db, workspaceId, content.assetIds);
}

function contentOf(input: PostCreate | PostUpdate, before?: SocialPostRow): Content {
  const link = input.link === undefined ? undefined : input.link;
  return {
    languageMode: (input.languageMode ?? before?.languageMode ?? 'together') as LanguageMode,
    text: (input.text ?? before?.text ?? {}) as LocalizedText,
    hashtags: input.hashtags ?? before?.hashtags ?? {},
    firstComment: (input.firstComment ?? before?.firstComment ?? {}) as LocalizedText,
    assetIds: input.assetIds ?? before?.assetIds ?? [],
    linkUrl: link === undefined ? (before?.linkUrl ?? null) : (link?.url ?? null),
    linkPreview: link === undefined ? (before?.linkPreview ?? null) : (link?.preview ?? null),
  };
}

const CONTENT_KEYS = ['languageMode', 'text', 'hashtags', 'firstComment', 'assetIds', 'linkUrl', 'linkPreview'] as const;

function isContentChange(before: SocialPostRow, after: Content): boolean {
  return CONTENT_KEYS.some((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

const auditView = (row: SocialPostRow) => ({
  channelId: row.channelId,
  campaignId: row.campaignId,
  languageMode: row.languageMode,
  text: row.text,
  hashtags: row.hashtags,
  firstComment: row.firstComment,
  assetIds: row.assetIds,
  linkUrl: row.linkUrl,
  status: row.status,
  scheduledAt: row.scheduledAt?.toISOString() ?? null,
  version: row.version,
});

export function createPostsService(platform: Pick<Platform, 'database'>) {
  const db = platform.database.db;

  async function detail(workspaceId: string, row: PostWithReview): Promise<PostDetail> {
    const [settings, publications, photos] = await Promise.all([
      postSettingsOf(db, workspaceId),
      findPublicationsOfPost(db, row.id),
      checkPostPhotos(db, workspaceId, row.assetIds),
    ]);
    return presentPostDetail(row, publications, { ...settings, photoProblems: photos.problems });
  }

  async function reload(workspaceId: string, id: string): Promise<PostDetail> {
    const row = await findPostById(db, workspaceId, id);
    if (!row) throw new AppError('NOT_FOUND');
    return detail(workspaceId, row);
  }

  return {
    /** Posts newest first by keyset on (created_at, id), or the next to go out first on (scheduled_at, id). */
    async list(ctx: ServiceContext, query: PostListQuery): Promise<PostPage> {
      const workspaceId = ctx.membership.workspaceId;
      const cursor = decodeKeysetCursor(query.cursor, { sortKey: TIMESTAMP_SORT_KEY });
      const [rows, settings] = await Promise.all([findPosts(db, workspaceId, query, cursor), postSettingsOf(db, workspaceId)]);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(({ post, reviewState }) => presentPost({ ...post, reviewState }, settings.timeZone)),
        nextCursor: rows.length > query.limit && last ? encodeCursor({ sortKey: last.sortKey, id: last.post.id }) : null,
      };
    },

    async get(ctx: ServiceContext, id: string): Promise<PostDetail> {
      return reload(ctx.membership.workspaceId, id);
    },

    async create(ctx: ServiceContext, input: PostCreate): Promise<PostDetail> {
      const workspaceId = ctx.membership.workspaceId;
      const row = await db.transaction(async (tx) => {
        const settings = await postSettingsOf(tx, workspaceId);
        const content = contentOf(input);
        const values: PostInsert = {
          workspaceId,
          channelId: input.channelId,
          campaignId: input.campaignId ?? null,
          ...content,
          createdBy: ctx.actor.user.id,
        };
        await assertContent(
          tx,
          workspaceId,
          { ...content, channelId: input.channelId, campaignId: values.campaignId ?? null },
          settings.languageOrder,
        );
        const created = await insertPost(tx, values);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'create',
          entityType: SOCIAL_POST_CONTENT_TYPE,
          entityId: created.id,
          after: auditView(created),
        });
        return created;
      });
      return reload(workspaceId, row.id);
    },

    /**
     * Edits a post not yet on its way: the version must be the one the editor read. A change of
     * content clears the workflow's approvals (back to review) and takes the post off the schedule;
     * publications that never reached the page are dropped (they held the old words).
     */
    async update(ctx: ServiceContext, id: string, input: PostUpdate): Promise<PostDetail> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await lockPost(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.version !== input.version) throw new AppError('CONFLICT', { params: { version: before.version } });
        if (!EDITABLE_POST_STATUSES.includes(before.status as StoredPostStatus)) {
          throw new AppError('INVALID_STATE', { params: { state: before.status } });
        }
        const publications = await findPublicationsOfPost(tx, id);
        if (publications.some((publication) => REACHED_STATES.has(publication.state))) {
          throw new AppError('INVALID_STATE', { params: { state: 'published' } });
        }
        const settings = await postSettingsOf(tx, workspaceId);
        const content = contentOf(input, before);
        const channelId = input.channelId ?? before.channelId;
        const campaignId = input.campaignId === undefined ? before.campaignId : input.campaignId;
        await assertContent(tx, workspaceId, { ...content, channelId, campaignId }, settings.languageOrder);
        const isContent = isContentChange(before, content);
        const changes: Partial<PostInsert> = { ...content, channelId, campaignId };
        if (isContent || channelId !== before.channelId) await deleteUnsentPublications(tx, id);
        if (isContent) {
          await contentChanged(tx, workspaceId, SOCIAL_POST_CONTENT_TYPE, id, ctx.actor.user.id);
          // Approved words changed: the post waits for a new approval, off the schedule.
          if (before.status !== 'draft')
            Object.assign(changes, { status: 'draft', scheduledAt: null, nextAttemptAt: null, lastErrorKind: null });
        }
        const updated = await updatePostRow(tx, workspaceId, id, changes, { expectedVersion: input.version, bumpVersion: true });
        if (!updated) throw new AppError('CONFLICT');
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'update',
          entityType: SOCIAL_POST_CONTENT_TYPE,
          entityId: id,
          before: auditView(before),
          after: auditView(updated),
        });
      });
      return reload(workspaceId, id);
    },

    /** Deletes a post that never reached the page (its ledger rows, all unsent, go with it). */
    async remove(ctx: ServiceContext, id: string): Promise<void> {
      const workspaceId = ctx.membership.workspaceId;
      await db.transaction(async (tx) => {
        const before = await lockPost(tx, workspaceId, id);
        if (!before) throw new AppError('NOT_FOUND');
        if (before.status === 'publishing' || before.status === 'published') {
          throw new AppError('INVALID_STATE', { params: { state: before.status } });
        }
        const publications = await findPublicationsOfPost(tx, id);
        if (publications.some((publication) => REACHED_STATES.has(publication.state))) {
          throw new AppError('INVALID_STATE', { params: { state: 'published' } });
        }
        await deleteUnsentPublications(tx, id);
        await deletePostRow(tx, workspaceId, id);
        await recordAudit(tx, {
          workspaceId,
          actorUserId: ctx.actor.user.id,
          action: 'delete',
          entityType: SOCIAL_POST_CONTENT_TYPE,
          entityId: id,
          before: auditView(before),
        });
      });
    },
  };
}

export type PostsService = ReturnType<typeof createPostsService>;
