/**
 * What an SMTP attempt means for a delivery row. The rule that keeps a send from repeating a message:
 * a failure is retried only when the server cannot have accepted the message — it answered with a
 * refusal, or the connection failed before the whole message (and so its final dot) was handed to the
 * socket. A connection lost after that is `unknown`: the row stays `sending` for an admin to decide.
 */

export type SmtpOutcome =
  /** Temporary: back to `pending` with a backoff (4xx, connection lost before the message was handed over). */
  | { kind: 'retry'; error: string }
  /** Permanent refusal of this message (5xx at RCPT TO or DATA). */
  | { kind: 'failed'; error: string }
  /** Permanent refusal saying the mailbox does not exist: a hard bounce, the subscriber is suppressed. */
  | { kind: 'bounced'; error: string }
  /** The server may have accepted it: never re-sent by itself. */
  | { kind: 'unknown'; error: string };

export interface SmtpErrorLike {
  message?: string;
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
}

/** Commands whose refusal concerns this message or recipient, not the session (AUTH, EHLO, MAIL FROM…). */
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);
/** Errors of the connection itself (nodemailer codes). */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EPROXY', 'EAUTH', 'ENOAUTH', 'EMAXLIMIT']);
/**
 * "No such mailbox" as servers say it: RFC 3463 enhanced codes 5.1.0–5.1.3 (bad mailbox, bad address
 * syntax, bad domain) and 5.1.10 (null MX), or the usual wordings.
 */
const USER_UNKNOWN =
  /\b5\.1\.(?:0|1|2|3|10)\b|user unknown|unknown user|no such (?:user|mailbox|recipient)|mailbox (?:unavailable|not found|does not exist)|recipient (?:address )?rejected|address rejected|does not exist|invalid recipient|unrouteable address/i;

function describe(error: SmtpErrorLike): string {
  const text = (error.response || error.message || String(error)).replace(/\s+/g, ' ').trim();
  return (error.responseCode && !text.startsWith(String(error.responseCode)) ? `${error.responseCode} ${text}` : text).slice(0, 500);
}

/** Classifies a failed attempt; `wasHandedOver` is true once the whole message was given to the connection. */
export function classifySmtpError(error: SmtpErrorLike, wasHandedOver: boolean): SmtpOutcome {
  const text = describe(error);
  const code = error.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 600) {
    const isAboutMessage = error.command ? MESSAGE_COMMANDS.has(error.command) : error.code === 'EENVELOPE' || error.code === 'EMESSAGE';
    // A 4xx, or a refusal of the session (authentication, sender, 421 closing), is temporary for this message.
    if (code < 500 || !isAboutMessage || code === 503) return { kind: 'retry', error: text };
    return USER_UNKNOWN.test(text) && code >= 550 && code <= 553 ? { kind: 'bounced', error: text } : { kind: 'failed', error: text };
  }
  if (wasHandedOver) return { kind: 'unknown', error: text };
  if (error.code && CONNECTION_CODES.has(error.code)) return { kind: 'retry', error: text };
  // Nothing reached the server and nothing will change by retrying (an unusable address, an empty message).
  return { kind: 'failed', error: text };
}

/** Attempts before a temporary failure becomes final. */
export const MAX_ATTEMPTS = 5;

/** Delay before attempt `attempts + 1`: 1, 2, 4, 8… minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60_000, 60_000 * 2 ** Math.max(0, attempts - 1));
}
