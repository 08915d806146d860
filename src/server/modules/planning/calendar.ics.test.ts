import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, formatIcsUtc, type IcsEvent, serializeCalendar } from './calendar.ics.js';

const NOW = new Date('2026-03-01T09:30:05.123Z');

function calendarOf(events: IcsEvent[]) {
  return serializeCalendar({ name: 'Tawasul · AlterMed', timeZone: 'Africa/Casablanca', now: NOW, events });
}

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

describe('iCalendar TEXT escaping', () => {
  it('escapes backslash, semicolon, comma and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('leaves colons, quotes and Arabic as they are', () => {
    expect(escapeText('Réunion: "bilan" — اجتماع')).toBe('Réunion: "bilan" — اجتماع');
  });
});

describe('line folding', () => {
  it('keeps a short line whole', () => {
    expect(foldLine('SUMMARY:Court')).toBe('SUMMARY:Court');
  });

  it('folds at 75 octets with a space starting each continuation line', () => {
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBe(3);
    expect(octets(lines[0] as string)).toBe(75);
    for (const line of lines.slice(1)) {
      expect(line.startsWith(' ')).toBe(true);
      expect(octets(line)).toBeLessThanOrEqual(75);
    }
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(`SUMMARY:${'x'.repeat(200)}`);
  });

  it('never cuts an Arabic letter (two octets) or an emoji (four octets) in half', () => {
    const value = `SUMMARY:${'إطلاق الحملة 🎉 '.repeat(12)}`;
    const lines = foldLine(value).split('\r\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      // A cut inside a UTF-8 sequence would decode to U+FFFD.
      expect(Buffer.from(line, 'utf8').toString('utf8')).not.toContain('\uFFFD');
      expect(line).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(lines.map((line, index) => (index === 0 ? line : line.slice(1))).join('')).toBe(value);
  });
});

describe('serializeCalendar', () => {
  const allDay: IcsEvent = {
    uid: 'task-1@tawasul',
    summary: 'Visuels; affiche, dépliant / المطويات',
    url: 'http://tawasul.test/app/w/1/tasks/1',
    status: 'CONFIRMED',
    time: { allDay: true, firstDate: '2026-02-27', lastDate: '2026-02-28' },
  };

  it('writes the calendar header, CRLF endings and a UTC DTSTAMP', () => {
    const text = calendarOf([allDay]);
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    for (const line of ['CALSCALE:GREGORIAN', 'METHOD:PUBLISH', 'X-WR-TIMEZONE:Africa/Casablanca', 'DTSTAMP:20260301T093005Z']) {
      expect(text).toContain(`\r\n${line}\r\n`);
    }
    expect(formatIcsUtc(NOW)).toBe('20260301T093005Z');
  });

  it('ends an all-day event on the day after its last day (exclusive DTEND), across a month end', () => {
    const text = calendarOf([allDay]);
    expect(text).toContain('\r\nDTSTART;VALUE=DATE:20260227\r\nDTEND;VALUE=DATE:20260301\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component);
    expect(event.startDate.isDate).toBe(true);
    expect(event.startDate.toString()).toBe('2026-02-27');
    expect(event.endDate.toString()).toBe('2026-03-01');
    expect(event.summary).toBe('Visuels; affiche, dépliant / المطويات');
  });

  it('writes a timed event in UTC', () => {
    const text = calendarOf([
      {
        uid: 'event-2@tawasul',
        summary: 'Forum',
        time: { allDay: false, start: new Date('2026-06-10T08:00:00Z'), end: new Date('2026-06-10T17:30:00Z') },
      },
    ]);
    expect(text).toContain('\r\nDTSTART:20260610T080000Z\r\nDTEND:20260610T173000Z\r\n');
  });

  it('reads back a long Arabic and French summary through an independent parser, unfolded', () => {
    const summary = `${'الندوة الختامية للمشروع حول المقاولات الاجتماعية في المغرب العربي'}, ${'Conférence de presse de clôture; bilan'}\nligne 2`;
    const text = calendarOf([{ ...allDay, summary, description: 'a\\b' }]);
    expect(text.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent') as ICAL.Component;
    expect(vevent.getFirstPropertyValue('summary')).toBe(summary);
    expect(vevent.getFirstPropertyValue('description')).toBe('a\\b');
    expect(vevent.getFirstPropertyValue('uid')).toBe('task-1@tawasul');
  });
});
