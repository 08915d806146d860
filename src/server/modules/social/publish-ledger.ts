/**
 * One publication through the ledger — the no-duplicate algorithm (docs/social/posts-and-publishing.md):
 *
 * 1. `sending` and `request_sent_at` are written (and committed) BEFORE the network is called.
 * 2. Success: the external id is stored → `published`; then the first comment, the same way.
 * 3. A lost answer (timeout, reset, 5xx after the write: `outcome-unknown`, or any unexpected error
 *    once the request may have left) is never re-sent blindly: the page is read over the window
 *    [request_sent_at − skew, answered_at + late arrival] and each post's normalized-text fingerprint
 *    compared. Found → `verified_present` with its id. Not found once the window is fully past →
 *    `verified_absent`, then sent again. Not found yet, or the page unreadable → still
 *    `outcome_unknown`, read again later (back-off).
 * 4. A `sending` row older than the longest a request can live (its worker died) is outcome unknown.
 * 5. `throttled` waits `retryAfterMs`; `transient` retries with back-off, a bounded number of times;
 *    `duplicate-content` and `invalid-request` fail; `needs-reconnection`/`permission-missing` hold
 *    the channel. Requests the network refused before acting do not count as attempts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { normalizeForFingerprint } from '../../../shared/social/compose-message.js';
import type { Db } from '../../platform/db/database.js';
import { type Channel, type ChannelAccount, ChannelError, type PublishRequest } from './channels/channel.js';
import { findClaimedExternalIds, moveFirstComment, movePublication } from './publish.repo.js';
import type { SocialPublicationRow } from './social.tables.js';

/** SHA-256 of the normalized message: how a post is recognized on the page. */
export function contentFingerprint(message: string): string {
  return createHash('sha256').update(normalizeForFingerprint(message), 'utf8').digest('hex');
}

export const newIdempotencyKey = () => `tawasul:${randomUUID()}`;

export interface LedgerTimings {
  /** Requests sent to the network per publication before it fails (transient errors only count). */
  maxSendAttempts: number;
  /** First retry delay; doubled each time, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How far before `request_sent_at` the page is read (clock differences). */
  verifySkewMs: number;
  /** How long after the lost answer a request may still be carried out by the network. */
  lateArrivalMs: number;
  /** A `sending` row older than this had its worker die (longer than any request's timeout). */
  staleSendingMs: number;
  /** A first comment is retried for this long after its post went out, then given up. */
  commentRetryWindowMs: number;
}

export const DEFAULT_LEDGER_TIMINGS: LedgerTimings = {
  maxSendAttempts: 5,
  retryBaseMs: 60_000,
  retryMaxMs: 60 * 60_000,
  verifySkewMs: 60_000,
  lateArrivalMs: 2 * 60_000,
  staleSendingMs: 5 * 60_000,
  commentRetryWindowMs: 6 * 60 * 60_000,
};

export type LedgerStep =
  | { kind: 'done' }
  | { kind: 'failed'; reason: string }
  | { kind: 'defer'; until: Date }
  | { kind: 'throttled'; until: Date }
  | { kind: 'hold'; error: ChannelError };

export interface LedgerContext {
  db: Db;
  channel: Channel;
  account: ChannelAccount;
  channelId: string;
  now: () => Date;
  timings: LedgerTimings;
  /** The request of a publication (photos read and resized here, once it is about to be sent). */
  buildRequest: (publication: SocialPublicationRow) => Promise<Omit<PublishRequest, 'idempotencyKey'> | { refused: string }>;
}

const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

function backoff(timings: LedgerTimings, attempt: number): number {
  return Math.min(timings.retryMaxMs, timings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
}

/** Anything thrown once a request may have left is an unknown outcome, never a reason to resend. */
function asChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelError) return error;
  return new ChannelError('outcome-unknown', error instanceof Error ? error.message : String(error), { cause: error });
}

const errorColumns = (error: ChannelError) => ({ lastErrorKind: error.kind, lastNetworkCode: error.networkCode ?? null });

/** The step a blocking error asks for, or undefined when the error is about this publication only. */
function channelWide(error: ChannelError, now: Date): LedgerStep | undefined {
  if (error.kind === 'needs-reconnection' || error.kind === 'permission-missing') return { kind: 'hold', error };
  if (error.kind === 'throttled') return { kind: 'throttled', until: later(now, error.retryAfterMs ?? 15 * 60_000) };
  return undefined;
}

export function createLedger(ctx: LedgerContext) {
  const { db, timings } = ctx;

  async function send(publication: SocialPublicationRow): Promise<LedgerStep> {
    const now = ctx.now();
    if (publication.attempts >= timings.maxSendAttempts) {
      await movePublication(db, publication.id, ['pending', 'verified_absent'], { state: 'failed', lastErrorKind: 'attempts-exhausted' });
      return { kind: 'failed', reason: publication.lastErrorKind ?? 'transient' };
    }
    const usage = ctx.channel.usage(ctx.account);
    if (usage && usage.highestPercent >= 95) return { kind: 'throttled', until: later(now, usage.resetAfterMs ?? 10 * 60_000) };
    const request = await ctx.buildRequest(publication);
    if ('refused' in request) {
      await movePublication(db, publication.id, ['pending', 'verified_absent'], { state: 'failed', lastErrorKind: request.refused });
      return { kind: 'failed', reason: request.refused };
    }
    // The row says `sending` before the network hears anything: a crash from here on is an unknown outcome.
    const sending = await movePublication(db, publication.id, ['pending', 'verified_absent'], {
      state: 'sending',
      requestSentAt: now,
      answeredAt: null,
      attempts: publication.attempts + 1,
      nextAttemptAt: null,
    });
    if (!sending) return { kind: 'defer', until: later(now, timings.retryBaseMs) };
    try {
      const published = await ctx.channel.publish(ctx.account, { ...request, idempotencyKey: sending.idempotencyKey });
      const done = await movePublication(db, sending.id, ['sending'], {
        state: 'published',
        externalPostId: published.externalId,
        permalinkUrl: published.permalinkUrl ?? null,
        publishedAt: published.publishedAt,
        answeredAt: ctx.now(),
        lastErrorKind: null,
        lastNetworkCode: null,
        firstCommentState: sending.firstComment ? 'pending' : 'none',
      });
      return done ? advanceComment(done) : { kind: 'done' };
    } catch (thrown) {
      return afterSendError(sending, asChannelError(thrown));
    }
  }

  async function afterSendError(sending: SocialPublicationRow, error: ChannelError): Promise<LedgerStep> {
    const now = ctx.now();
    const base = { answeredAt: now, ...errorColumns(error) };
    switch (error.kind) {
      case 'outcome-unknown': {
        const unknown = await movePublication(db, sending.id, ['sending'], { ...base, state: 'outcome_unknown' });
        return unknown ? verify(unknown) : { kind: 'done' };
      }
      case 'transient': {
        if (sending.attempts >= timings.maxSendAttempts) {
          await movePublication(db, sending.id, ['sending'], { ...base, state: 'failed' });
          return { kind: 'failed', reason: 'transient' };
        }
        const until = later(now, backoff(timings, sending.attempts));
        await movePublication(db, sending.id, ['sending'], { ...base, state: 'pending', nextAttemptAt: until });
        return { kind: 'defer', until };
      }
      case 'duplicate-content':
      case 'invalid-request':
        await movePublication(db, sending.id, ['sending'], { ...base, state: 'failed' });
        return { kind: 'failed', reason: error.kind };
      case 'throttled':
      case 'needs-reconnection':
      case 'permission-missing': {
        // Refused before acting: not an attempt.
        const step = channelWide(error, now) as LedgerStep;
        await movePublication(db, sending.id, ['sending'], {
          ...base,
          state: 'pending',
          attempts: Math.max(0, sending.attempts - 1),
          nextAttemptAt: step.kind === 'throttled' ? step.until : null,
        });
        return step;
      }
      default: {
        const unknown: never = error.kind;
        throw new Error(`Unknown channel error kind ${String(unknown)}`);
      }
    }
  }

  /** Looks for an answer-lost publication on the page; sends again only when it is certainly absent. */
  async function verify(publication: SocialPublicationRow): Promise<LedgerStep> {
    const now = ctx.now();
    const sentAt = publication.requestSentAt ?? publication.updatedAt;
    const since = later(sentAt, -timings.verifySkewMs);
    const until = later(publication.answeredAt ?? sentAt, timings.lateArrivalMs);
    let remote: Awaited<ReturnType<Channel['findPublished']>>;
    try {
      remote = await ctx.channel.findPublished(ctx.account, { since, until });
    } catch (thrown) {
      const error = thrown instanceof ChannelError ? thrown : new ChannelError('transient', String(thrown), { cause: thrown });
      const wide = channelWide(error, now);
      if (wide) return wide;
      const retryAt = later(now, backoff(timings, publication.verifyAttempts + 1));
      await movePublication(db, publication.id, ['outcome_unknown'], {
        verifyAttempts: publication.verifyAttempts + 1,
        nextAttemptAt: retryAt,
        ...errorColumns(error),
      });
      return { kind: 'defer', until: retryAt };
    }
    const matching = remote
      .filter((post) => post.createdAt >= since && post.createdAt <= until && contentFingerprint(post.message) === publication.fingerprint)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const claimed = await findClaimedExternalIds(
      db,
      ctx.channelId,
      publication.id,
      matching.map((post) => post.externalId),
    );
    const found = matching.find((post) => !claimed.has(post.externalId));
    if (found) {
      const present = await movePublication(db, publication.id, ['outcome_unknown'], {
        state: 'verified_present',
        externalPostId: found.externalId,
        permalinkUrl: found.permalinkUrl ?? null,
        publishedAt: found.createdAt,
        nextAttemptAt: null,
        firstCommentState: publication.firstComment ? 'pending' : 'none',
      });
      return present ? advanceComment(present) : { kind: 'done' };
    }
    // Absent so far, but the window is not over: the request may still be carried out.
    if (now.getTime() <= until.getTime()) {
      await movePublication(db, publication.id, ['outcome_unknown'], { nextAttemptAt: later(until, 1000) });
      return { kind: 'defer', until: later(until, 1000) };
    }
    const absent = await movePublication(db, publication.id, ['outcome_unknown'], { state: 'verified_absent', nextAttemptAt: null });
    return absent ? send(absent) : { kind: 'done' };
  }

  async function sendComment(publication: SocialPublicationRow): Promise<LedgerStep> {
    const now = ctx.now();
    const sending = await moveFirstComment(db, publication.id, ['pending'], {
      firstCommentState: 'sending',
      firstCommentSentAt: now,
      nextAttemptAt: null,
    });
    if (!sending?.externalPostId || !sending.firstComment) return { kind: 'done' };
    try {
      const created = await ctx.channel.comment(ctx.account, { targetExternalId: sending.externalPostId, message: sending.firstComment });
      await moveFirstComment(db, sending.id, ['sending'], { firstCommentState: 'posted', firstCommentExternalId: created.externalId });
      return { kind: 'done' };
    } catch (thrown) {
      const error = asChannelError(thrown);
      if (error.kind === 'outcome-unknown') {
        const unknown = await moveFirstComment(db, sending.id, ['sending'], {
          firstCommentState: 'outcome_unknown',
          answeredAt: ctx.now(),
        });
        return unknown ? verifyComment(unknown) : { kind: 'done' };
      }
      return commentRetry(sending, ['sending'], error);
    }
  }

  /** A first comment that could not be posted now: retried within its window, else given up (the post stays out). */
  async function commentRetry(publication: SocialPublicationRow, from: string[], error: ChannelError): Promise<LedgerStep> {
    const now = ctx.now();
    const wide = channelWide(error, now);
    const isFinal = error.kind === 'duplicate-content' || error.kind === 'invalid-request';
    const publishedAt = publication.publishedAt ?? now;
    if (!wide && (isFinal || now.getTime() - publishedAt.getTime() > timings.commentRetryWindowMs)) {
      await moveFirstComment(db, publication.id, from, { firstCommentState: 'failed', ...errorColumns(error) });
      return { kind: 'done' };
    }
    const until = wide?.kind === 'throttled' ? wide.until : later(now, backoff(timings, 1));
    await moveFirstComment(db, publication.id, from, { firstCommentState: 'pending', nextAttemptAt: until, ...errorColumns(error) });
    return wide ?? { kind: 'defer', until };
  }

  async function verifyComment(publication: SocialPublicationRow): Promise<LedgerStep> {
    const now = ctx.now();
    const sentAt = publication.firstCommentSentAt ?? now;
    const until = later(publication.answeredAt ?? sentAt, timings.lateArrivalMs);
    const fingerprint = contentFingerprint(publication.firstComment ?? '');
    try {
      const comments = await ctx.channel.listComments(ctx.account, {
        postExternalId: publication.externalPostId as string,
        since: later(sentAt, -timings.verifySkewMs),
      });
      const found = comments.find((comment) => comment.fromPage && contentFingerprint(comment.message) === fingerprint);
      if (found) {
        await moveFirstComment(db, publication.id, ['outcome_unknown'], {
          firstCommentState: 'posted',
          firstCommentExternalId: found.externalId,
        });
        return { kind: 'done' };
      }
      if (now.getTime() <= until.getTime()) {
        await moveFirstComment(db, publication.id, ['outcome_unknown'], { nextAttemptAt: later(until, 1000) });
        return { kind: 'defer', until: later(until, 1000) };
      }
      await moveFirstComment(db, publication.id, ['outcome_unknown'], { firstCommentState: 'pending' });
      const fresh = { ...publication, firstCommentState: 'pending' };
      return sendComment(fresh);
    } catch (thrown) {
      const error = thrown instanceof ChannelError ? thrown : new ChannelError('transient', String(thrown), { cause: thrown });
      const wide = channelWide(error, now);
      if (wide) return wide;
      const retryAt = later(now, backoff(timings, 1));
      await moveFirstComment(db, publication.id, ['outcome_unknown'], { nextAttemptAt: retryAt });
      return { kind: 'defer', until: retryAt };
    }
  }

  /** The first comment's next step, once its publication is on the page. */
  async function advanceComment(publication: SocialPublicationRow): Promise<LedgerStep> {
    const now = ctx.now();
    switch (publication.firstCommentState) {
      case 'none':
      case 'posted':
      case 'failed':
        return { kind: 'done' };
      case 'pending':
        if (publication.nextAttemptAt && publication.nextAttemptAt > now) return { kind: 'defer', until: publication.nextAttemptAt };
        return sendComment(publication);
      case 'sending': {
        const sentAt = publication.firstCommentSentAt ?? now;
        if (now.getTime() - sentAt.getTime() < timings.staleSendingMs)
          return { kind: 'defer', until: later(sentAt, timings.staleSendingMs) };
        const unknown = await moveFirstComment(db, publication.id, ['sending'], { firstCommentState: 'outcome_unknown', answeredAt: now });
        return unknown ? verifyComment(unknown) : { kind: 'done' };
      }
      case 'outcome_unknown':
        if (publication.nextAttemptAt && publication.nextAttemptAt > now) return { kind: 'defer', until: publication.nextAttemptAt };
        return verifyComment(publication);
      default:
        return { kind: 'done' };
    }
  }

  return {
    /** Takes one publication as far as it can go now. */
    async advance(publication: SocialPublicationRow): Promise<LedgerStep> {
      const now = ctx.now();
      switch (publication.state) {
        case 'published':
        case 'verified_present':
          return advanceComment(publication);
        case 'failed':
          return { kind: 'failed', reason: publication.lastErrorKind ?? 'failed' };
        case 'sending': {
          const sentAt = publication.requestSentAt ?? now;
          // Its request may still be on the wire (a slow worker): wait until it cannot be.
          if (now.getTime() - sentAt.getTime() < timings.staleSendingMs)
            return { kind: 'defer', until: later(sentAt, timings.staleSendingMs) };
          const unknown = await movePublication(db, publication.id, ['sending'], {
            state: 'outcome_unknown',
            answeredAt: later(sentAt, timings.staleSendingMs),
            lastErrorKind: 'worker-lost',
          });
          return unknown ? verify(unknown) : { kind: 'done' };
        }
        case 'outcome_unknown':
          if (publication.nextAttemptAt && publication.nextAttemptAt > now) return { kind: 'defer', until: publication.nextAttemptAt };
          return verify(publication);
        case 'pending':
        case 'verified_absent':
          if (publication.nextAttemptAt && publication.nextAttemptAt > now) return { kind: 'defer', until: publication.nextAttemptAt };
          return send(publication);
        default:
          return { kind: 'failed', reason: `unknown-state:${publication.state}` };
      }
    },
  };
}
