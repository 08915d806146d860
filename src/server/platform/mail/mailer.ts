/**
 * Outgoing mail. Every message is first written to `mail_outbox` (so nothing is lost), then either
 * handed to SMTP by the `platform.send-mail` job, or — with no SMTP configured — kept in the outbox
 * that admins read in the app, so invitations and resets work out of the box.
 */
import { eq } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../db/database.js';
import { defineJob, type JobQueue } from '../jobs/job-queue.js';
import { mailOutbox } from '../platform.tables.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  workspaceId?: string | null;
}

export const SEND_MAIL_JOB = 'platform.send-mail';
const SEND_MAIL_RETRY_LIMIT = 5;

export class Mailer {
  private transporter: Transporter | undefined;

  constructor(
    private readonly db: Db,
    private readonly options: { smtpUrl?: string; from: string },
    private readonly jobs?: JobQueue,
  ) {}

  get isSmtpConfigured(): boolean {
    return Boolean(this.options.smtpUrl);
  }

  /** Records the message and queues its delivery; returns the outbox id. */
  async send(message: MailMessage): Promise<string> {
    const [row] = await this.db
      .insert(mailOutbox)
      .values({
        workspaceId: message.workspaceId ?? null,
        toAddress: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        status: this.isSmtpConfigured && this.jobs ? 'queued' : 'outbox',
      })
      .returning({ id: mailOutbox.id });
    const id = (row as { id: string }).id;
    if (this.isSmtpConfigured && this.jobs) await this.jobs.send(SEND_MAIL_JOB, { outboxId: id }, { singletonKey: id });
    return id;
  }

  /** Delivers one outbox message over SMTP (the job handler). Sent messages are never sent again. */
  async deliver(outboxId: string, options: { isLastAttempt?: boolean } = {}): Promise<'sent' | 'skipped'> {
    const [row] = await this.db.select().from(mailOutbox).where(eq(mailOutbox.id, outboxId));
    if (!row || row.status === 'sent') return 'skipped';
    this.transporter ??= nodemailer.createTransport(
      `${this.options.smtpUrl}${this.options.smtpUrl?.includes('?') ? '&' : '?'}pool=true&maxConnections=3`,
    );
    try {
      await this.transporter.sendMail({
        from: this.options.from,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody ?? undefined,
      });
    } catch (error) {
      await this.db
        .update(mailOutbox)
        // After the last retry the row says so, so the outbox page shows what will never arrive.
        .set({ error: error instanceof Error ? error.message : String(error), ...(options.isLastAttempt ? { status: 'failed' } : {}) })
        .where(eq(mailOutbox.id, outboxId));
      throw error;
    }
    await this.db.update(mailOutbox).set({ status: 'sent', sentAt: new Date(), error: null }).where(eq(mailOutbox.id, outboxId));
    return 'sent';
  }

  close(): void {
    this.transporter?.close();
  }
}

/** The job that delivers queued mail, with retries and backoff. */
export function sendMailJob(mailer: Mailer) {
  return defineJob({
    name: SEND_MAIL_JOB,
    schema: z.object({ outboxId: z.string().uuid() }),
    handler: ({ outboxId }, context) => mailer.deliver(outboxId, { isLastAttempt: context.retryCount >= SEND_MAIL_RETRY_LIMIT }),
    retryLimit: SEND_MAIL_RETRY_LIMIT,
    retryDelay: 30,
    retryBackoff: true,
    policy: 'stately',
    isSending: true,
  });
}
