/**
 * The delivery loop of one `newsletter.send-batch` job: for a few seconds, claim rows (they become
 * `sending` first), build and hand the messages to SMTP (or to the outbox when no SMTP is configured),
 * and record each outcome; then queue the lane's next job — now, at the next retry time, or when the
 * rolling window frees a slot — or finish the issue when no row is pending or sending.
 */
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Platform } from '../../../platform/platform.js';
import { findWorkspaceById } from '../../workspaces/workspaces.repo.js';
import { loadNewsletterSettings, type NewsletterSettingsRow } from '../newsletter-settings.repo.js';
import { type ClaimedMessage, claimDeliveries, lockWorkspaceWindow } from './deliveries.repo.js';
import { addOutcomes, deliverToOutbox, noOutcomes, recordOutcomes, type Settled } from './delivery-outcomes.js';
import { buildMessage, CompiledVariants, type SendSettings, sendSettingsOf } from './message-builder.js';
import type { CompiledVariant } from './message-template.js';
import { findIssue, moveIssue } from './send.repo.js';
import { countLiveSendWorkers, ensureLaneJobs, type LaneJob, SLICE_MS } from './send-lanes.js';
import { hasOpenDeliveries, nthSentSince, pendingOutlook, windowUsage } from './send-progress.repo.js';
import { forTheWire, SmtpSenders } from './smtp-sender.js';
import { TokenBucket } from './throttle.js';

/** Rows claimed at once, at most (fewer when the rate is lower: a second's worth). */
export const MAX_BATCH = 200;
/** Settled messages recorded together (or every 100 ms). */
const FLUSH_EVERY = 25;

export interface SendEngineOptions {
  /** The clock of the rolling window (tests move it forward instead of waiting hours). */
  now?: () => number;
  sliceMs?: number;
  /** Another SMTP server than SMTP_URL (tests point one send at a misbehaving server). */
  smtpUrl?: string;
}

export interface SliceReport {
  sent: number;
  retried: number;
  failed: number;
  bounced: number;
  unknown: number;
  /** Why the slice ended. */
  end: 'stopped' | 'window' | 'slice' | 'idle';
  windowUntil?: string;
}

type Claim = { rows: ClaimedMessage[]; windowUntil?: Date };

export class SendEngine {
  readonly senders = new SmtpSenders();
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly compiled = new CompiledVariants();

  constructor(
    private readonly platform: Platform,
    private options: SendEngineOptions = {},
  ) {}

  configure(options: SendEngineOptions): void {
    this.options = { ...this.options, ...options };
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private bucketOf(workspaceId: string, rate: number): TokenBucket {
    let bucket = this.buckets.get(workspaceId);
    if (!bucket) {
      bucket = new TokenBucket(rate);
      this.buckets.set(workspaceId, bucket);
    } else if (bucket.rate !== rate) bucket.setRate(rate);
    return bucket;
  }

  /**
   * Claims up to `limit` rows after `afterId` (see `claimDeliveries`), within the workspace's rolling
   * window when it has one.
   */
  private async claim(
    job: LaneJob,
    settings: NewsletterSettingsRow,
    messageIdDomain: string,
    limit: number,
    afterId: number | undefined,
  ): Promise<Claim> {
    const db = this.platform.database.db;
    const input = { issueId: job.issueId, workerId: this.platform.jobs.workerId, limit, messageIdDomain, afterId };
    if (settings.windowMessages <= 0) return { rows: await claimDeliveries(db, input) };
    return db.transaction(async (tx) => {
      // One claim at a time per workspace, so two processes cannot both see the last free slots.
      await lockWorkspaceWindow(tx, job.workspaceId);
      const windowMs = settings.windowHours * 3_600_000;
      const since = new Date(this.now() - windowMs);
      const used = await windowUsage(tx, job.workspaceId, since);
      const capacity = settings.windowMessages - used;
      if (capacity <= 0) {
        const leaving = await nthSentSince(tx, job.workspaceId, since, used - settings.windowMessages);
        // Rows in flight have no send time yet: look again in a minute.
        const until = leaving ? new Date(leaving.getTime() + windowMs + 1000) : new Date(Date.now() + 60_000);
        return { rows: [], windowUntil: until };
      }
      return { rows: await claimDeliveries(tx, { ...input, limit: Math.min(limit, capacity) }) };
    });
  }

  /** The messages of a claimed batch (an Error for one that could not be built: it never leaves). */
  private buildBatch(claimed: ClaimedMessage[], variants: Map<string, CompiledVariant>, send: SendSettings) {
    const { config } = this.platform;
    const signer = { secretKey: config.secretKey, publicUrl: config.publicUrl };
    return claimed.map(({ delivery, recipient }) => {
      try {
        return { row: delivery, message: buildMessage({ delivery, recipient, variants, settings: send, signer }) };
      } catch (error) {
        return { row: delivery, message: error instanceof Error ? error : new Error(String(error)) };
      }
    });
  }

  /**
   * One slice of a lane's work (the handler of `newsletter.send-batch`). Over SMTP it is a pipeline:
   * claims keep about `inFlightLimit` messages between "claimed" and "settled" — enough to keep every
   * connection busy, few enough that a crash leaves few messages to confirm — and settled ones are
   * recorded every `FLUSH_EVERY` messages or 100 ms while the next ones are on the wire.
   */
  async runSlice(job: LaneJob): Promise<SliceReport> {
    const { database, config } = this.platform;
    const db = database.db;
    const report: SliceReport = { ...noOutcomes(), end: 'stopped' };
    const workspace = await findWorkspaceById(db, job.workspaceId);
    if (!workspace) return report;
    const settingsRow = await loadNewsletterSettings(db, job.workspaceId);
    const send = sendSettingsOf(settingsRow, workspace, config);
    const smtpUrl = this.options.smtpUrl ?? config.smtpUrl;
    const sender = smtpUrl ? this.senders.get(smtpUrl, settingsRow.smtpConnections, send.dkim) : undefined;
    const inFlightLimit = sender ? Math.min(MAX_BATCH, Math.max(10, 10 * settingsRow.smtpConnections)) : MAX_BATCH;
    const deadline = Date.now() + (this.options.sliceMs ?? SLICE_MS);
    const inFlight = new Set<Promise<void>>();
    const settled: Settled[] = [];
    let flushedAt = Date.now();
    const flush = async () => {
      flushedAt = Date.now();
      if (settled.length > 0) addOutcomes(report, await recordOutcomes(db, job.workspaceId, settled.splice(0)));
    };
    let checkedAt = 0;
    // The last row this slice claimed: the next claim starts after it (keyset), so a claim reads a
    // batch's worth of rows however far the send has gone, instead of passing over every row sent.
    let after: number | undefined;
    let variants = new Map<string, CompiledVariant>();
    let rate = 0;
    for (;;) {
      // The issue's status (pause, cancel) and the processes sharing the rate, once a second at most.
      if (Date.now() - checkedAt >= 1000) {
        checkedAt = Date.now();
        const issue = await findIssue(db, job.workspaceId, job.issueId);
        if (issue?.status !== 'sending' || !issue.renderedVariants) {
          report.end = 'stopped';
          break;
        }
        variants = this.compiled.of(issue.id, issue.renderedVariants, send);
        rate =
          settingsRow.messagesPerSecond > 0 ? settingsRow.messagesPerSecond / (await countLiveSendWorkers(database, job.workspaceId)) : 0;
      }
      if (settled.length >= FLUSH_EVERY || (settled.length > 0 && Date.now() - flushedAt >= 100)) await flush();
      const room = inFlightLimit - inFlight.size;
      if (room < inFlightLimit / 2) {
        await Promise.race(inFlight);
        continue;
      }
      const wanted = rate > 0 ? Math.max(1, Math.min(room, Math.floor(rate))) : room;
      const bucket = rate > 0 ? this.bucketOf(job.workspaceId, rate) : undefined;
      const taken = bucket ? await bucket.take(wanted) : wanted;
      let claim = await this.claim(job, settingsRow, send.messageIdDomain, taken, after);
      if (claim.rows.length === 0 && !claim.windowUntil && after !== undefined) {
        // The keyset reached the end: look once from the start, for rows that came due behind it
        // (retries, rows an admin re-queued, rows another worker claimed and rolled back).
        after = undefined;
        claim = await this.claim(job, settingsRow, send.messageIdDomain, taken, after);
      }
      after = claim.rows.at(-1)?.delivery.id ?? after;
      bucket?.giveBack(taken - claim.rows.length);
      if (claim.windowUntil && inFlight.size + settled.length > 0) {
        // Our own messages in flight fill the window: once recorded, they say when it frees.
        await Promise.all(inFlight);
        await flush();
        continue;
      }
      if (claim.windowUntil) {
        report.end = 'window';
        report.windowUntil = claim.windowUntil.toISOString();
        break;
      }
      if (claim.rows.length === 0) {
        report.end = 'idle';
        break;
      }
      const batch = this.buildBatch(claim.rows, variants, send);
      if (!sender) addOutcomes(report, await deliverToOutbox(db, job.workspaceId, batch));
      else {
        for (const { row, message } of batch) {
          if (message instanceof Error) {
            settled.push({ row, result: message });
            continue;
          }
          // Composed now, so only its bytes wait for a connection (see ComposedMessage).
          const sending = sender.send(forTheWire(message)).then((result) => {
            settled.push({ row, result });
            inFlight.delete(sending);
          });
          inFlight.add(sending);
        }
      }
      if (Date.now() >= deadline) {
        report.end = 'slice';
        break;
      }
    }
    // Messages on the wire finish (every SMTP wait is bounded), and all of them are recorded.
    await Promise.all(inFlight);
    await flush();
    await this.scheduleNext(job, report);
    return report;
  }

  /** Queues the lane's next job when there is more to do, or finishes the issue. */
  private async scheduleNext(job: LaneJob, report: SliceReport): Promise<void> {
    const { jobs, database } = this.platform;
    const lane = { workspaceId: job.workspaceId, issueId: job.issueId, lanes: [job.lane] };
    if (report.end === 'stopped') return;
    if (report.end === 'window') {
      await ensureLaneJobs(jobs, { ...lane, startAfter: new Date(report.windowUntil as string) });
      return;
    }
    if (report.end === 'slice') {
      await ensureLaneJobs(jobs, lane);
      return;
    }
    const outlook = await pendingOutlook(database.db, job.issueId);
    if (outlook.isDueNow) await ensureLaneJobs(jobs, lane);
    else if (outlook.nextRetryAt) await ensureLaneJobs(jobs, { ...lane, startAfter: outlook.nextRetryAt });
    else await finishIfDone(this.platform, job.workspaceId, job.issueId);
  }

  close(): void {
    this.senders.closeAll();
  }
}

/** Marks the issue `sent` once it was prepared and no row is pending or sending; true when it did. */
export async function finishIfDone(platform: Pick<Platform, 'database'>, workspaceId: string, issueId: string): Promise<boolean> {
  const db = platform.database.db;
  const issue = await findIssue(db, workspaceId, issueId);
  if (issue?.status !== 'sending' || issue.recipientCount === null) return false;
  if (await hasOpenDeliveries(db, issueId)) return false;
  return db.transaction(async (tx) => {
    const finished = await moveIssue(tx, workspaceId, issueId, ['sending'], { status: 'sent', finishedAt: new Date() });
    if (!finished) return false;
    await recordAudit(tx, {
      workspaceId,
      actorUserId: null,
      action: 'newsletter.send-finished',
      entityType: 'newsletter.issue',
      entityId: issueId,
      before: { status: 'sending' },
      after: { status: 'sent', recipientCount: finished.recipientCount },
    });
    return true;
  });
}

const engines = new WeakMap<Platform, SendEngine>();

/** The send engine of this process for `platform` (its SMTP pools, rate buckets and compiled templates). */
export function sendEngineOf(platform: Platform): SendEngine {
  let engine = engines.get(platform);
  if (!engine) {
    engine = new SendEngine(platform);
    engines.set(platform, engine);
  }
  return engine;
}
