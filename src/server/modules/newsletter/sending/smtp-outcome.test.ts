import { describe, expect, it } from 'vitest';
import { classifySmtpError, MAX_ATTEMPTS, retryDelayMs } from './smtp-outcome.js';

describe('what an SMTP failure means for the row', () => {
  it('retries a 4xx at any step, and a 5xx refusing the session rather than the message', () => {
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 451, command: 'DATA', response: '451 4.3.0 Try later' }, true).kind).toBe(
      'retry',
    );
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 452, command: 'RCPT TO' }, false).kind).toBe('retry');
    expect(classifySmtpError({ code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, false).kind).toBe('retry');
    expect(classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'MAIL FROM' }, false).kind).toBe('retry');
  });

  it('fails a 5xx refusal of the message, and calls an unknown mailbox a hard bounce', () => {
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 554, command: 'DATA', response: '554 5.7.1 Spam' }, true)).toEqual({
      kind: 'failed',
      error: '554 5.7.1 Spam',
    });
    expect(
      classifySmtpError({ code: 'EENVELOPE', responseCode: 550, command: 'RCPT TO', response: '550 5.1.1 <x@y>: User unknown' }, false)
        .kind,
    ).toBe('bounced');
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 550, command: 'DATA', message: 'No such mailbox here' }, true).kind).toBe(
      'bounced',
    );
    expect(classifySmtpError({ code: 'EMESSAGE', responseCode: 552, command: 'DATA', response: '552 Message too big' }, true).kind).toBe(
      'failed',
    );
  });

  it('never retries a connection lost after the whole message was handed over, and retries one lost before', () => {
    const lost = { code: 'ECONNECTION', message: 'Connection closed unexpectedly', command: 'CONN' };
    expect(classifySmtpError(lost, true).kind).toBe('unknown');
    expect(classifySmtpError(lost, false).kind).toBe('retry');
    expect(classifySmtpError({ code: 'ETIMEDOUT', message: 'Timeout' }, true).kind).toBe('unknown');
    expect(classifySmtpError({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' }, false).kind).toBe('retry');
    expect(classifySmtpError({ code: 'EENVELOPE', message: 'No recipients defined' }, false).kind).toBe('failed');
  });

  it('waits longer after each attempt, at most an hour', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(20)).toBe(3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });
});
