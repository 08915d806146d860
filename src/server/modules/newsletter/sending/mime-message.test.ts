import { simpleParser } from 'mailparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import { describe, expect, it } from 'vitest';
import { composeMime } from './mime-message.js';
import type { OutgoingMessage } from './smtp-sender.js';

const message: OutgoingMessage = {
  from: { name: 'ألترمد AlterMed', address: 'lettre@altermed.example' },
  envelopeFrom: 'lettre@altermed.example',
  to: 'hind.benali@example.org',
  replyTo: 'contact@altermed.example',
  subject: 'نشرة الشبكة — مرحباً هند، أخبار منتدى صفاقس وورشات التدريب لشهر أكتوبر',
  html: `<html><body dir="rtl"><p>مرحباً هند،</p>\n${'<p>.نص طويل بالعربية et du français accentué — é à ç</p>\n'.repeat(200)}</body></html>`,
  text: `مرحباً هند،\n\n.Une ligne qui commence par un point\n${'نص '.repeat(300)}`,
  messageId: '<tw.42.1.0b8f@altermed.example>',
  headers: {
    'List-Unsubscribe': `<mailto:contact@altermed.example?subject=unsubscribe>, <https://tawasul.example.org/n/unsubscribe/${'a'.repeat(120)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'List-Id': { prepared: true, value: '=?UTF-8?B?2KPZhNiq2LHZhdiv?= <newsletter.altermed.tawasul.example.org>' },
  },
};

async function nodemailerComposed(value: OutgoingMessage): Promise<Buffer> {
  return new MailComposer({ ...value, envelope: { from: value.envelopeFrom, to: [value.to] } }).compile().build();
}

describe('composing a newsletter message', () => {
  it('reads back as nodemailer’s own composition does: headers, both parts, Arabic intact', async () => {
    const raw = composeMime(message, new Date('2026-10-01T08:00:00Z')) as Buffer;
    const ours = await simpleParser(raw);
    const theirs = await simpleParser(await nodemailerComposed(message));
    expect(ours.from?.value).toEqual(theirs.from?.value);
    expect(ours.from?.value[0]).toEqual({ address: 'lettre@altermed.example', name: 'ألترمد AlterMed' });
    for (const key of ['subject', 'text', 'html', 'messageId'] as const) expect(ours[key]).toEqual(theirs[key]);
    expect(ours.replyTo?.text).toBe('contact@altermed.example');
    expect(ours.to && 'text' in ours.to ? ours.to.text : '').toBe('hind.benali@example.org');
    expect(ours.date?.toISOString()).toBe('2026-10-01T08:00:00.000Z');
    for (const key of ['list-unsubscribe-post', 'list']) expect(ours.headers.get(key)).toEqual(theirs.headers.get(key));
    expect(ours.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\r\n\s*/g, ' ')).toBe(
      theirs.headerLines.find((line) => line.key === 'list-unsubscribe')?.line.replace(/\r\n\s*/g, ' '),
    );
  });

  it('is ASCII with CRLF line ends, short lines, and no line an SMTP server would read as the end', () => {
    const raw = composeMime(message) as Buffer;
    expect(raw.every((byte) => byte < 0x80)).toBe(true);
    const text = raw.toString('latin1');
    // Written into a buffer of the size computed beforehand: it ends exactly with the closing boundary.
    expect(text).toMatch(/\r\n--[^\r\n]+--\r\n$/);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    // Longer than 78 characters: only what nodemailer leaves long too (the unsubscribe URL, the prepared List-Id).
    const long = lines.filter((line) => line.length > 78);
    expect(long.map((line) => (line.startsWith('List-Id: ') ? 'List-Id' : line.trim().slice(0, 31)))).toEqual([
      '<https://tawasul.example.org/n/',
      'List-Id',
    ]);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(998);
    expect(lines.some((line) => line.startsWith('.'))).toBe(false);
  });

  it('leaves internationalised addresses and header values with line breaks to nodemailer', () => {
    expect(composeMime({ ...message, to: 'hind@مثال.تونس' })).toBeUndefined();
    expect(composeMime({ ...message, from: 'Hind <hind@example.org>' })).toBeUndefined();
    expect(composeMime({ ...message, headers: { 'X-Note': 'a\r\nBcc: x@example.org' } })).toBeUndefined();
    expect(composeMime({ ...message, from: 'lettre@altermed.example' })).toBeInstanceOf(Buffer);
  });
});
