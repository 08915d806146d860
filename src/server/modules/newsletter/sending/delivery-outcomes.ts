/**
 * Writing down what happened to messages: accepted ones marked `sent` in one statement, the others
 * retried, failed, bounced or left unconfirmed one by one (they are few). Without SMTP the outbox row
 * and the `sent` mark commit together, so a message in the outbox never needs confirming.
 */
import { normalizeEmail } from '../../../../shared/newsletter/subscriber-identity.js';
import type { Db } from '../../../platform/db/database.js';
import {
  type ClaimedDelivery,
  insertOutboxMessages,
  markFailed,
  markHardBounce,
  markRetry,
  markSent,
  markUnknown,
} from './deliveries.repo.js';
import { MAX_ATTEMPTS, retryDelayMs } from './smtp-outcome.js';
import type { OutgoingMessage, SendResult } from './smtp-sender.js';

export interface OutcomeCounts {
  sent: number;
  retried: number;
  failed: number;
  bounced: number;
  unknown: number;
}

export const noOutcomes = (): OutcomeCounts => ({ sent: 0, retried: 0, failed: 0, bounced: 0, unknown: 0 });

export function addOutcomes(total: OutcomeCounts, more: OutcomeCounts): void {
  for (const key of ['sent', 'retried', 'failed', 'bounced', 'unknown'] as const) total[key] += more[key];
}

/** A message's fate: an SMTP result, or the error that kept it from being built (it never left). */
export interface Settled {
  row: ClaimedDelivery;
  result: SendResult | Error;
}

export async function recordOutcomes(db: Db, workspaceId: string, settled: Settled[]): Promise<OutcomeCounts> {
  const counts = noOutcomes();
  counts.sent = await markSent(
    db,
    settled.filter(({ result }) => !(result instanceof Error) && result.kind === 'sent').map(({ row }) => row.id),
  );
  for (const { row, result } of settled) {
    if (result instanceof Error) {
      await markFailed(db, row.id, `message: ${result.message}`.slice(0, 500));
      counts.failed += 1;
    } else if (result.kind === 'retry' && row.attempts < MAX_ATTEMPTS) {
      await markRetry(db, row.id, retryDelayMs(row.attempts), result.error);
      counts.retried += 1;
    } else if (result.kind === 'retry' || result.kind === 'failed') {
      await markFailed(db, row.id, result.error);
      counts.failed += 1;
    } else if (result.kind === 'bounced') {
      const error = result.error;
      await db.transaction((tx) =>
        markHardBounce(tx, { id: row.id, workspaceId, subscriberId: row.subscriberId, emailNormalized: normalizeEmail(row.email), error }),
      );
      counts.bounced += 1;
    } else if (result.kind === 'unknown') {
      await markUnknown(db, row.id, result.error);
      counts.unknown += 1;
    }
  }
  return counts;
}

/** Without SMTP: the batch's messages into the outbox and their rows `sent`, in one transaction. */
export async function deliverToOutbox(
  db: Db,
  workspaceId: string,
  batch: Array<{ row: ClaimedDelivery; message: OutgoingMessage | Error }>,
): Promise<OutcomeCounts> {
  const ready = batch.flatMap(({ row, message }) => (message instanceof Error ? [] : [{ row, message }]));
  const counts = await db.transaction(async (tx) => {
    await insertOutboxMessages(
      tx,
      workspaceId,
      ready.map(({ message }) => ({ to: message.to, subject: message.subject, text: message.text, html: message.html })),
    );
    return {
      ...noOutcomes(),
      sent: await markSent(
        tx,
        ready.map(({ row }) => row.id),
      ),
    };
  });
  const broken = batch.flatMap(({ row, message }) => (message instanceof Error ? [{ row, result: message }] : []));
  if (broken.length > 0) addOutcomes(counts, await recordOutcomes(db, workspaceId, broken));
  return counts;
}
