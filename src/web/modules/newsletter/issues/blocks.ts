/**
 * The composer's block helpers, pure so they are tested apart from the screens: new empty blocks of
 * each type (every text present in each content language), moves, and event times shown and typed
 * as the workspace's wall clock.
 */
import { type ContentLanguage, directionOf } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { LeafBlock, NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import { addDays, type CalendarDate, calendarDateAt, zonedDateTimeToInstant } from '../../../../shared/planning/calendar-date.js';
import { completeLocalized } from '../../../components/localized-text.js';

export const BLOCK_TYPES = ['heading', 'text', 'image', 'button', 'article', 'event', 'divider', 'columns'] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];
export const LEAF_TYPES = BLOCK_TYPES.filter((type): type is LeafBlock['type'] => type !== 'columns');

let counter = 0;

/** A block id unique in the issue (the server refuses duplicates). */
export function newBlockId(type: string): string {
  counter += 1;
  return `${type}-${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

const empty = (languages: readonly string[]): LocalizedText => completeLocalized({}, languages);

/** The instant shown as `YYYY-MM-DDTHH:MM` on the wall clock of `timeZone` (for a datetime-local input). */
export function toWallTime(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return `${calendarDateAt(instant, timeZone)}T${parts.hour}:${parts.minute}`;
}

/** What a datetime-local input typed in the workspace's time zone means, as an ISO instant. */
export function fromWallTime(value: string, timeZone: string): string | undefined {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(value);
  if (!match) return undefined;
  return zonedDateTimeToInstant(match[1] as CalendarDate, match[2] as string, timeZone).toISOString();
}

/** A new, empty leaf block; an event starts a week from today at 09:00 in the workspace's time zone. */
export function newLeafBlock(type: LeafBlock['type'], languages: readonly string[], timeZone: string): LeafBlock {
  const id = newBlockId(type);
  switch (type) {
    case 'heading':
      return { type, id, level: 2, text: empty(languages) };
    case 'text':
      return { type, id, text: empty(languages) };
    case 'image':
      return { type, id, alt: empty(languages), caption: empty(languages), href: empty(languages) };
    case 'button':
      return { type, id, label: empty(languages), url: empty(languages) };
    case 'article':
      return { type, id, title: empty(languages), summary: empty(languages), url: empty(languages) };
    case 'event': {
      const startsAt = zonedDateTimeToInstant(addDays(calendarDateAt(new Date(), timeZone), 7), '09:00', timeZone).toISOString();
      return { type, id, title: empty(languages), startsAt, place: empty(languages), url: empty(languages) };
    }
    case 'divider':
      return { type, id };
    default: {
      const unknown: never = type;
      throw new Error(`Unknown block type ${String(unknown)}`);
    }
  }
}

export function newBlock(type: BlockType, languages: readonly string[], timeZone: string): NewsletterBlock {
  if (type === 'columns') return { type, id: newBlockId(type), columns: [[], []] };
  return newLeafBlock(type, languages, timeZone);
}

/** The list with the item at `index` moved by `delta` places (unchanged at the edges). */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

/** A short description of a block for its header: the first text it has, in the interface language first. */
export function blockExcerpt(block: NewsletterBlock, languages: readonly string[]): { value: string; dir: 'rtl' | 'ltr' } | undefined {
  const texts: Array<LocalizedText | undefined> =
    block.type === 'heading' || block.type === 'text'
      ? [block.text]
      : block.type === 'button'
        ? [block.label]
        : block.type === 'article' || block.type === 'event'
          ? [block.title]
          : block.type === 'image'
            ? [block.alt, block.caption]
            : [];
  for (const text of texts) {
    for (const language of languages) {
      const value = text?.[language as ContentLanguage]?.value.trim();
      if (value) return { value: value.length > 60 ? `${value.slice(0, 60)}…` : value, dir: directionOf(language) };
    }
  }
  return undefined;
}

/** Links are the same in every language unless the officer says otherwise: one value, marked reviewed. */
export function sameLinkEverywhere(url: string, languages: readonly string[]): LocalizedText {
  const out: LocalizedText = {};
  for (const language of languages) out[language as ContentLanguage] = { value: url, status: url.trim() ? 'reviewed' : 'missing' };
  return out;
}

/** Whether a link field holds different values across languages (then each language gets its own input). */
export function hasDistinctLinks(text: LocalizedText | undefined, languages: readonly string[]): boolean {
  const values = new Set(languages.map((language) => text?.[language as ContentLanguage]?.value ?? ''));
  return values.size > 1;
}
