/**
 * The SMTP side of a send: one nodemailer pool per (server, connection count, DKIM key) in each
 * process, closed after a minute unused. Each message reports whether its bytes were all handed to
 * the connection before a failure (see smtp-outcome.ts): the last step of the message stream marks
 * the moment the connection has read it all, after DKIM signing, so "not handed over" is certain.
 */
import type { Readable } from 'node:stream';
import nodemailer, { type Transporter } from 'nodemailer';
import DKIM from 'nodemailer/lib/dkim';
import type { SendMailOptions } from 'nodemailer/lib/mailer';
import { composeMime } from './mime-message.js';
import { classifySmtpError, type SmtpErrorLike, type SmtpOutcome } from './smtp-outcome.js';

export interface DkimKey {
  domainName: string;
  keySelector: string;
  privateKey: string;
}

export interface OutgoingMessage {
  /** The sender: an address, or a display name and address. */
  from: string | { name: string; address: string };
  /** MAIL FROM (the sender address). */
  envelopeFrom: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** With angle brackets. */
  messageId: string;
  /** Extra headers; `prepared` ones are written as given (already encoded). */
  headers: Record<string, string | { prepared: true; value: string }>;
}

/**
 * A message composed for the wire (mime-message.ts): only its bytes and envelope stay in memory while
 * it waits for its connection, not its HTML and text as strings — tens of kilobytes fewer per message
 * in flight for the garbage collector to carry into the old generation.
 */
export interface ComposedMessage {
  raw: Buffer;
  envelopeFrom: string;
  to: string;
  messageId: string;
}

/** The message composed for the wire when it can be (ASCII addresses), else as it is, for nodemailer to compose. */
export function forTheWire(message: OutgoingMessage): ComposedMessage | OutgoingMessage {
  const raw = composeMime(message);
  return raw ? { raw, envelopeFrom: message.envelopeFrom, to: message.to, messageId: message.messageId } : message;
}

export type SendResult = { kind: 'sent' } | SmtpOutcome;

interface Handover {
  isDone: boolean;
}

const IDLE_CLOSE_MS = 60_000;

export class SmtpSender {
  private readonly transporter: Transporter;
  private idleTimer: NodeJS.Timeout | undefined;
  private inFlight = 0;

  constructor(
    url: string,
    connections: number,
    dkim: DkimKey | undefined,
    private readonly onIdleClose: () => void,
  ) {
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: Math.max(1, connections),
      maxMessages: Number.POSITIVE_INFINITY,
      // Bounded waits: a live batch always ends within a few minutes, which is what lets a row left in
      // `sending` for longer be called stale (send.service.ts).
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
    });
    const signer = dkim ? new DKIM(dkim) : undefined;
    this.transporter.use('stream', (mail, done) => {
      const handover = (mail.data as { handover?: Handover }).handover;
      if (signer) mail.message.processFunc((input: Readable) => signer.sign(input));
      mail.message.processFunc((input: Readable) => {
        input.once('end', () => {
          if (handover) handover.isDone = true;
        });
        return input;
      });
      done();
    });
  }

  async send(input: OutgoingMessage | ComposedMessage): Promise<SendResult> {
    this.inFlight += 1;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    const handover: Handover = { isDone: false };
    const envelope = { from: input.envelopeFrom, to: [input.to] };
    try {
      const message = 'raw' in input ? input : forTheWire(input);
      if ('raw' in message)
        await this.transporter.sendMail({ raw: message.raw, envelope, messageId: message.messageId, handover } as SendMailOptions);
      else
        await this.transporter.sendMail({
          from: message.from,
          to: message.to,
          replyTo: message.replyTo,
          subject: message.subject,
          html: message.html,
          text: message.text,
          messageId: message.messageId,
          headers: message.headers,
          envelope,
          handover,
        } as SendMailOptions);
      return { kind: 'sent' };
    } catch (error) {
      return classifySmtpError(error as SmtpErrorLike, handover.isDone);
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0) {
        this.idleTimer = setTimeout(() => this.close(), IDLE_CLOSE_MS);
        this.idleTimer.unref();
      }
    }
  }

  close(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.transporter.close();
    this.onIdleClose();
  }
}

/** The pools of one process, by configuration. */
export class SmtpSenders {
  private readonly senders = new Map<string, SmtpSender>();

  get(url: string, connections: number, dkim: DkimKey | undefined): SmtpSender {
    const key = `${url}|${connections}|${dkim ? `${dkim.domainName}|${dkim.keySelector}|${dkim.privateKey}` : ''}`;
    let sender = this.senders.get(key);
    if (!sender) {
      sender = new SmtpSender(url, connections, dkim, () => {
        if (this.senders.get(key) === sender) this.senders.delete(key);
      });
      this.senders.set(key, sender);
    }
    return sender;
  }

  closeAll(): void {
    for (const sender of [...this.senders.values()]) sender.close();
  }
}
