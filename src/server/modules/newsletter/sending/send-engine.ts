/**
 * The delivery loop of one `newsletter.send-batch` job: for a few seconds, claim a batch (rows become
 * `sending` first), build and hand the messages to SMTP (or to the outbox when no SMTP is configured),
 * and record each outcome; then queue the lane's next job — now, at the next retry time, or when the
 * rolling window frees a slot — or finish the issue when no row is pending or sending.
 */
import { normalizeEmail } from '../../../../shared/newsletter/subscriber-identity.js';
import { recordAudit } from '../../../platform/audit/audit.js';
import type { Platform } from '../../../platform/platform.js';
import { findWorkspaceById } from '../../workspaces/workspaces.repo.js';
import { loadNewsletterSettings, type NewsletterSettingsRow } from '../newsletter-settings.repo.js';
import { buildMessage, CompiledVariants, type RecipientRow, type SendSettings, sendSettingsOf } from './message-builder.js';
import {
  type ClaimedDelivery,
  claimDeliveries,
  findIssue,
  findRecipientFields,
  insertOutboxMessages,
  lockWorkspaceWindow,
  markFailed,
  markHardBounce,
  markRetry,
  markSent,
  markUnknown,
  moveIssue,
} from './send.repo.js';
import { countLiveSendWorkers, ensureLaneJobs, type LaneJob, SLICE_MS } from './send-lanes.js';
import { hasOpenDeliveries, nthSentSince, pendingOutlook, windowUsage } from './send-progress.repo.js';
import { MAX_ATTEMPTS, retryDelayMs } from './smtp-outcome.js';
import type { OutgoingMessage, SendResult } from './smtp-sender.js';
import { SmtpSenders } from './smtp-sender.js';
import { TokenBucket } from './throttle.js';

/** Rows claimed at once, at most (fewer when the rate is lower: a second's worth). */
export const MAX_BATCH = 200;

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

type Claim = { rows: ClaimedDelivery[]; windowUntil?: Date };

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

  /** Claims up to `limit` rows, within the workspace's rolling window when it has one. */
  private async claim(job: LaneJob, settings: NewsletterSettingsRow, messageIdDomain: string, limit: number): Promise<Claim> {
    const db = this.platform.database.db;
    const input = { issueId: job.issueId, workerId: this.platform.jobs.workerId, limit, messageIdDomain };
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

  /** Hands the batch over and records every outcome; accepted rows are marked in one statement. */
  private async deliver(
    job: LaneJob,
    rows: ClaimedDelivery[],
    messages: Array<OutgoingMessage | Error>,
    send: SendSettings,
    smtpConnections: number,
  ) {
    const db = this.platform.database.db;
    const report = { sent: 0, retried: 0, failed: 0, bounced: 0, unknown: 0 };
    const smtpUrl = this.options.smtpUrl ?? this.platform.config.smtpUrl;
    const ready: Array<{ row: ClaimedDelivery; message: OutgoingMessage }> = [];
    for (const [index, row] of rows.entries()) {
      const message = messages[index];
      if (message && !(message instanceof Error)) ready.push({ row, message });
    }
    if (!smtpUrl) {
      // No SMTP: the outbox row and the `sent` mark commit together, so there is nothing to confirm.
      await db.transaction(async (tx) => {
        await insertOutboxMessages(
          tx,
          job.workspaceId,
          ready.map(({ message }) => ({ to: message.to, subject: message.subject, text: message.text, html: message.html })),
        );
        report.sent = await markSent(
          tx,
          ready.map(({ row }) => row.id),
        );
      });
    } else {
      const sender = this.senders.get(smtpUrl, smtpConnections, send.dkim);
      const results = await Promise.all(ready.map(({ message }) => sender.send(message)));
      report.sent = await markSent(
        db,
        ready.filter((_, index) => results[index]?.kind === 'sent').map(({ row }) => row.id),
      );
      for (const [index, { row }] of ready.entries()) {
        const result = results[index] as SendResult;
        if (result.kind === 'sent') continue;
        if (result.kind === 'retry' && row.attempts < MAX_ATTEMPTS) {
          await markRetry(db, row.id, retryDelayMs(row.attempts), result.error);
          report.retried += 1;
        } else if (result.kind === 'retry' || result.kind === 'failed') {
          await markFailed(db, row.id, result.error);
          report.failed += 1;
        } else if (result.kind === 'bounced') {
          await db.transaction((tx) =>
            markHardBounce(tx, {
              id: row.id,
              workspaceId: job.workspaceId,
              subscriberId: row.subscriberId,
              emailNormalized: normalizeEmail(row.email),
              error: result.error,
            }),
          );
          report.bounced += 1;
        } else {
          await markUnknown(db, row.id, result.error);
          report.unknown += 1;
        }
      }
    }
    // A message that could not be built never reached SMTP: failed, with the reason.
    for (const [index, row] of rows.entries()) {
      const message = messages[index];
      if (!(message instanceof Error)) continue;
      await markFailed(db, row.id, `message: ${message.message}`.slice(0, 500));
      report.failed += 1;
    }
    return report;
  }

  /** One slice of a lane's work (the handler of `newsletter.send-batch`). */
  async runSlice(job: LaneJob): Promise<SliceReport> {
    const { database, config } = this.platform;
    const db = database.db;
    const report: SliceReport = { sent: 0, retried: 0, failed: 0, bounced: 0, unknown: 0, end: 'stopped' };
    const workspace = await findWorkspaceById(db, job.workspaceId);
    if (!workspace) return report;
    const settingsRow = await loadNewsletterSettings(db, job.workspaceId);
    const send = sendSettingsOf(settingsRow, workspace, config);
    const signer = { secretKey: config.secretKey, publicUrl: config.publicUrl };
    const deadline = Date.now() + (this.options.sliceMs ?? SLICE_MS);
    for (;;) {
      const issue = await findIssue(db, job.workspaceId, job.issueId);
      if (issue?.status !== 'sending' || !issue.renderedVariants) {
        report.end = 'stopped';
        break;
      }
      const variants = this.compiled.of(issue.id, issue.renderedVariants, send);
      const workers = await countLiveSendWorkers(database, job.workspaceId);
      const rate = settingsRow.messagesPerSecond > 0 ? settingsRow.messagesPerSecond / workers : 0;
      const wanted = rate > 0 ? Math.max(1, Math.min(MAX_BATCH, Math.floor(rate))) : MAX_BATCH;
      const bucket = rate > 0 ? this.bucketOf(job.workspaceId, rate) : undefined;
      const taken = bucket ? await bucket.take(wanted) : wanted;
      const claim = await this.claim(job, settingsRow, send.messageIdDomain, taken);
      bucket?.giveBack(taken - claim.rows.length);
      if (claim.windowUntil) {
        report.end = 'window';
        report.windowUntil = claim.windowUntil.toISOString();
        break;
      }
      if (claim.rows.length === 0) {
        report.end = 'idle';
        break;
      }
      const fields = await findRecipientFields(
        db,
        claim.rows.map((row) => row.subscriberId),
      );
      const recipients = new Map<string, RecipientRow>(fields.map((row) => [row.id, row as RecipientRow]));
      const messages = claim.rows.map((delivery) => {
        try {
          return buildMessage({ delivery, recipient: recipients.get(delivery.subscriberId), variants, settings: send, signer });
        } catch (error) {
          return error instanceof Error ? error : new Error(String(error));
        }
      });
      const delivered = await this.deliver(job, claim.rows, messages, send, settingsRow.smtpConnections);
      for (const key of ['sent', 'retried', 'failed', 'bounced', 'unknown'] as const) report[key] += delivered[key];
      if (Date.now() >= deadline) {
        report.end = 'slice';
        break;
      }
    }
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
