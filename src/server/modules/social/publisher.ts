/**
 * The publisher: claims due posts (SKIP LOCKED, leased), creates each post's ledger rows (one per
 * target, with the message composed now and its fingerprint), walks every publication through the
 * ledger (publish-ledger.ts), then settles the post — published, failed (the author is told, in
 * their language), held (the channel needs reconnection), or still publishing with the time of its
 * next step. Every write of a claimed post checks the claim, so a worker whose lease ran out while
 * it was stuck cannot overwrite the one that took over.
 */
import { randomUUID } from 'node:crypto';
import { composeFirstComment, composeMessage, publicationTargets } from '../../../shared/social/compose-message.js';
import { SOCIAL_POST_CONTENT_TYPE } from '../../../shared/social/posts.schema.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { notify } from '../../platform/notifications/notify.js';
import type { Platform } from '../../platform/platform.js';
import { findReview } from '../../platform/review/review.repo.js';
import { type ChannelAccess, type ChannelResolver, defaultChannelAccess } from './channel-access.js';
import { holdChannel } from './channel-holds.js';
import { reconnectionReasonOf } from './channel-status.js';
import { checkPostPhotos, loadPhotoAttachments } from './post-photos.js';
import { composableOf } from './posts.presenter.js';
import { postTitle } from './posts.review.js';
import { postSettingsOf } from './posts.service.js';
import { claimDuePosts, ensurePublicationRows, findChannelById, updateClaimedPost } from './publish.repo.js';
import {
  contentFingerprint,
  createLedger,
  DEFAULT_LEDGER_TIMINGS,
  type LedgerStep,
  type LedgerTimings,
  newIdempotencyKey,
} from './publish-ledger.js';
import type { SocialChannelRow, SocialPostRow, SocialPublicationRow } from './social.tables.js';

export interface PublisherOptions {
  now?: () => Date;
  /** The channel and opened account of a row (default: the registry's channel, the token opened from the secret box). */
  resolveChannel?: ChannelResolver;
  /** Posts taken per claim. */
  batchSize?: number;
  /** Claims per run (a run stops earlier when nothing is due). */
  maxClaims?: number;
  /** How long a claim is a worker's own before another may take the post over. */
  leaseMs?: number;
  timings?: Partial<LedgerTimings>;
}

export type PostOutcome = 'published' | 'failed' | 'held' | 'deferred' | 'withdrawn' | 'lost';

const FINAL_OK = new Set(['published', 'verified_present']);
const COMMENT_SETTLED = new Set(['none', 'posted', 'failed']);

export function createPublisher(platform: Platform, options: PublisherOptions = {}) {
  const db = platform.database.db;
  const now = options.now ?? (() => new Date());
  const timings: LedgerTimings = { ...DEFAULT_LEDGER_TIMINGS, ...options.timings };
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const resolveChannel = options.resolveChannel ?? ((row: SocialChannelRow) => defaultChannelAccess(platform, row));

  /** The ledger rows of a post: created the first time it is claimed, from its words as they are now. */
  async function publicationsOf(post: SocialPostRow, languageOrder: readonly string[]): Promise<SocialPublicationRow[]> {
    const composable = composableOf(post);
    const rows = publicationTargets(composable, languageOrder).map((target) => {
      const message = composeMessage(composable, target, languageOrder);
      const firstComment = composeFirstComment(composable, target, languageOrder);
      return {
        workspaceId: post.workspaceId,
        postId: post.id,
        channelId: post.channelId,
        target,
        idempotencyKey: newIdempotencyKey(),
        message,
        fingerprint: contentFingerprint(message),
        firstComment: firstComment || null,
      };
    });
    return ensurePublicationRows(db, post.id, rows);
  }

  async function tellAuthor(post: SocialPostRow, kind: string, params: Record<string, string>, languageOrder: readonly string[]) {
    if (!post.createdBy) return;
    await notify(platform, {
      workspaceId: post.workspaceId,
      userIds: [post.createdBy],
      kind,
      params: { title: postTitle(post, languageOrder), ...params },
      link: `/app/w/${post.workspaceId}/social/posts/${post.id}`,
      email: true,
    });
  }

  async function settle(
    post: SocialPostRow,
    claimToken: string,
    steps: LedgerStep[],
    publications: SocialPublicationRow[],
    languageOrder: readonly string[],
  ): Promise<PostOutcome> {
    const failures = steps.filter((step): step is Extract<LedgerStep, { kind: 'failed' }> => step.kind === 'failed');
    const waits = steps.flatMap((step) => (step.kind === 'defer' || step.kind === 'throttled' ? [step.until] : []));
    const isAllOut = publications.every((row) => FINAL_OK.has(row.state));
    const isCommentsSettled = publications.every((row) => COMMENT_SETTLED.has(row.firstCommentState));
    if (isAllOut && isCommentsSettled) {
      const publishedAt = publications.map((row) => row.publishedAt ?? now()).sort((a, b) => a.getTime() - b.getTime())[0] ?? now();
      const done = await updateClaimedPost(db, post.id, claimToken, {
        status: 'published',
        publishedAt,
        claimToken: null,
        nextAttemptAt: null,
        lastErrorKind: null,
      });
      if (!done) return 'lost';
      await recordAudit(db, {
        workspaceId: post.workspaceId,
        actorUserId: null,
        action: 'social.post.published',
        entityType: SOCIAL_POST_CONTENT_TYPE,
        entityId: post.id,
        after: {
          status: 'published',
          publications: publications.map((row) => ({ target: row.target, externalPostId: row.externalPostId, state: row.state })),
        },
      });
      if (publications.some((row) => row.firstCommentState === 'failed'))
        await tellAuthor(post, 'social-first-comment-failed', {}, languageOrder);
      return 'published';
    }
    if (failures.length > 0 && waits.length === 0) {
      const reason = failures[0]?.reason ?? 'failed';
      const failed = await updateClaimedPost(db, post.id, claimToken, {
        status: 'failed',
        claimToken: null,
        nextAttemptAt: null,
        lastErrorKind: reason,
      });
      if (!failed) return 'lost';
      await recordAudit(db, {
        workspaceId: post.workspaceId,
        actorUserId: null,
        action: 'social.post.failed',
        entityType: SOCIAL_POST_CONTENT_TYPE,
        entityId: post.id,
        after: { status: 'failed', reason, publications: publications.map((row) => ({ target: row.target, state: row.state })) },
      });
      await tellAuthor(post, 'social-post-failed', { reason: reason.replaceAll('-', '_') }, languageOrder);
      return 'failed';
    }
    const next = waits.sort((a, b) => a.getTime() - b.getTime())[0] ?? new Date(now().getTime() + timings.retryBaseMs);
    const deferred = await updateClaimedPost(db, post.id, claimToken, { claimToken: null, nextAttemptAt: next });
    return deferred ? 'deferred' : 'lost';
  }

  /** Takes one claimed post as far as it can go now. */
  async function processPost(post: SocialPostRow, claimToken: string): Promise<PostOutcome> {
    const channelRow = await findChannelById(db, post.channelId);
    if (!channelRow) return 'lost';
    if (channelRow.status !== 'connected') {
      await holdChannel(platform, channelRow, channelRow.statusReason ?? 'needs-reconnection', now());
      return 'held';
    }
    // The workflow is the authority on whether it may go out: an unschedule or an edit there withdraws it.
    const review = await findReview(db, post.workspaceId, SOCIAL_POST_CONTENT_TYPE, post.id);
    if (!review || (review.state !== 'scheduled' && review.state !== 'published')) {
      const withdrawn = await updateClaimedPost(db, post.id, claimToken, {
        status: 'draft',
        scheduledAt: null,
        claimToken: null,
        nextAttemptAt: null,
      });
      if (withdrawn) {
        await recordAudit(db, {
          workspaceId: post.workspaceId,
          actorUserId: null,
          action: 'social.post.withdrawn',
          entityType: SOCIAL_POST_CONTENT_TYPE,
          entityId: post.id,
          after: { status: 'draft', reviewState: review?.state ?? 'draft' },
        });
      }
      return 'withdrawn';
    }
    let access: ChannelAccess;
    try {
      access = await resolveChannel(channelRow);
    } catch {
      // A token the secret box cannot open (the secret key changed) needs a new connection like an expired one.
      await holdChannel(platform, channelRow, 'token-invalid', now());
      return 'held';
    }
    const settings = await postSettingsOf(db, post.workspaceId);
    const [firstLanguage = 'fr', ...otherLanguages] = settings.languageOrder;
    const ledger = createLedger({
      db,
      ...access,
      channelId: channelRow.id,
      now,
      timings,
      async buildRequest(publication) {
        if (post.linkUrl) return { message: publication.message, link: post.linkUrl };
        if (post.assetIds.length === 0) return { message: publication.message };
        // Consent is checked again at the moment of publishing: it may have expired since scheduling.
        const checked = await checkPostPhotos(db, post.workspaceId, post.assetIds, now());
        if (Object.keys(checked.problems).length > 0)
          return { refused: Object.values(checked.problems).includes('CONSENT_EXPIRED') ? 'consent-expired' : 'photo-unusable' };
        const language = publication.target === 'together' ? firstLanguage : publication.target;
        try {
          return {
            message: publication.message,
            photos: await loadPhotoAttachments(platform.storage, checked.rows, language, [firstLanguage, ...otherLanguages]),
          };
        } catch {
          return { refused: 'photo-unreadable' };
        }
      },
    });
    const steps: LedgerStep[] = [];
    for (const publication of await publicationsOf(post, settings.languageOrder)) {
      const step = await ledger.advance(publication);
      if (step.kind === 'hold') {
        await holdChannel(platform, channelRow, reconnectionReasonOf(step.error), now());
        return 'held';
      }
      steps.push(step);
      // A throttled page is left alone until its budget comes back.
      if (step.kind === 'throttled') break;
    }
    return settle(post, claimToken, steps, await publicationsOf(post, settings.languageOrder), settings.languageOrder);
  }

  return {
    processPost,

    /** Publishes what is due now; returns how each post ended this run (the job's output). */
    async runDue(): Promise<Record<PostOutcome, number>> {
      const report: Record<PostOutcome, number> = { published: 0, failed: 0, held: 0, deferred: 0, withdrawn: 0, lost: 0 };
      for (let claim = 0; claim < (options.maxClaims ?? 20); claim++) {
        const at = now();
        const claimToken = randomUUID();
        const posts = await claimDuePosts(db, {
          now: at,
          limit: options.batchSize ?? 5,
          claimToken,
          leaseUntil: new Date(at.getTime() + leaseMs),
        });
        if (posts.length === 0) break;
        for (const post of posts) report[await processPost(post, claimToken)] += 1;
      }
      return report;
    },
  };
}

export type Publisher = ReturnType<typeof createPublisher>;
