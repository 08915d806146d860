/**
 * A small iCalendar (RFC 5545) writer for the private feed: one VCALENDAR of all-day or UTC events.
 * TEXT values are escaped (§3.3.11), lines are folded at 75 octets without cutting a UTF-8 sequence
 * (§3.1), and every line ends with CRLF. Timed events are written in UTC, so no VTIMEZONE is needed.
 */
import { addDays, type CalendarDate } from '../../../shared/planning/calendar-date.js';

const CRLF = '\r\n';
const LINE_OCTETS_MAX = 75;

export type IcsEventTime = { allDay: true; firstDate: CalendarDate; lastDate: CalendarDate } | { allDay: false; start: Date; end: Date };

export interface IcsEvent {
  uid: string;
  summary: string;
  description?: string;
  url?: string;
  status?: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  categories?: string[];
  time: IcsEventTime;
}

export interface IcsCalendar {
  name: string;
  timeZone: string;
  /** DTSTAMP of every event: when the feed was produced. */
  now: Date;
  events: IcsEvent[];
}

/** Escapes a TEXT value: backslash, semicolon, comma, and any line break as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into CRLF-joined parts of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let currentOctets = 0;
  for (const character of line) {
    const octets = Buffer.byteLength(character, 'utf8');
    // The leading space of a continuation line counts towards its 75 octets.
    const limit = parts.length === 0 ? LINE_OCTETS_MAX : LINE_OCTETS_MAX - 1;
    if (currentOctets + octets > limit) {
      parts.push(current);
      current = '';
      currentOctets = 0;
    }
    current += character;
    currentOctets += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** `2026-03-14` → `20260314` */
export function formatIcsDate(date: CalendarDate): string {
  return date.replaceAll('-', '');
}

/** An instant as a UTC DATE-TIME: `20260314T083000Z`. */
export function formatIcsUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function timeLines(time: IcsEventTime): string[] {
  if (time.allDay) {
    // DTEND of a DATE event is exclusive: a task due on the 14th ends on the 15th.
    return [`DTSTART;VALUE=DATE:${formatIcsDate(time.firstDate)}`, `DTEND;VALUE=DATE:${formatIcsDate(addDays(time.lastDate, 1))}`];
  }
  return [`DTSTART:${formatIcsUtc(time.start)}`, `DTEND:${formatIcsUtc(time.end)}`];
}

function eventLines(event: IcsEvent, stamp: string): string[] {
  const lines = ['BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${stamp}`, ...timeLines(event.time), `SUMMARY:${escapeText(event.summary)}`];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.categories?.length) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  // A URI value is not TEXT: it is written as is (our URLs carry no line breaks).
  if (event.url) lines.push(`URL:${event.url}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.time.allDay) lines.push('TRANSP:TRANSPARENT');
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as a string with CRLF line endings (ending with one). */
export function serializeCalendar(calendar: IcsCalendar): string {
  const stamp = formatIcsUtc(calendar.now);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tawasul//Calendar feed//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${calendar.timeZone}`,
    ...calendar.events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
