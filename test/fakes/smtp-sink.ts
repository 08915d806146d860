/**
 * A real SMTP server on loopback that keeps what it receives, parsed, so tests exercise the mailer's
 * actual SMTP conversation (nodemailer → smtp-server) instead of a mock. It can be told to fail the
 * next deliveries: answer DATA with a 4xx/5xx, or drop the connection in the middle of DATA.
 */
import type { Socket } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | false;
  parsed: ParsedMail;
}

export type SinkFailure = { kind: 'reject'; code: number; message?: string } | { kind: 'drop' };

export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  readonly messages: ReceivedMail[];
  /** Fails the next `times` messages (default: until `recover()`). */
  fail(failure: SinkFailure, times?: number): void;
  recover(): void;
  /** Messages that reached DATA but were refused or cut (for "it was attempted" assertions). */
  readonly attempts: number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  let failure: SinkFailure | undefined;
  let failuresLeft = Number.POSITIVE_INFINITY;
  let attempts = 0;

  function takeFailure(): SinkFailure | undefined {
    if (!failure) return undefined;
    const current = failure;
    failuresLeft -= 1;
    if (failuresLeft <= 0) failure = undefined;
    return current;
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      attempts += 1;
      const current = takeFailure();
      if (current?.kind === 'drop') {
        // Cut every open connection once the first chunk of the message arrived: the client sees
        // the socket close in the middle of DATA, never a reply.
        stream.once('data', () => {
          for (const socket of sockets) socket.destroy();
        });
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (current?.kind === 'reject') {
          const error = new Error(current.message ?? 'Refused by the test sink') as Error & { responseCode: number };
          error.responseCode = current.code;
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks)).then(
          (parsed) => {
            messages.push({
              from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: parsed.html ?? false,
              parsed,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.on('error', () => {
    // Dropped connections surface here; they are the point of the "drop" failure.
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get attempts() {
      return attempts;
    },
    fail(next, times = Number.POSITIVE_INFINITY) {
      failure = next;
      failuresLeft = times;
    },
    recover() {
      failure = undefined;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
