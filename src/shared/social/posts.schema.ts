/**
 * Social posts (T1): the words of the domain shared by the server, the OpenAPI document and the
 * composer — statuses, the publication ledger's states, limits, hashtags, and the checks of a post's
 * text that need more than a schema (characters counted as readers count them).
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES } from '../languages.js';
import { calendarDateAt } from '../planning/calendar-date.js';
import { type ComposablePost, composeFirstComment, composeMessage, countGraphemes, postLanguages } from './compose-message.js';

export { LANGUAGE_MODES, type LanguageMode } from './compose-message.js';

/** The approval workflow's name for a post. */
export const SOCIAL_POST_CONTENT_TYPE = 'social.post';

export const SOCIAL_POST_LIMITS = {
  /** Facebook's limit for a post's message, counted here in grapheme clusters. */
  messageCharacters: 63_206,
  /** Facebook's limit for a comment (the first comment). */
  commentCharacters: 8_000,
  photos: 10,
  /** Facebook refuses larger photos; the publisher resizes (never refuses) a bigger one. */
  photoBytes: 4 * 1024 * 1024,
  hashtagsPerLanguage: 30,
  hashtagLength: 100,
  linkLength: 2_000,
  previewTitleLength: 300,
  previewDescriptionLength: 1_000,
  /** Hard cap of a stored text in UTF-16 units, before the grapheme count (an emoji is up to ~10 units). */
  storedTextUnits: 63_206 * 4,
  /** A queue looks this many days ahead for a free slot. */
  queueSearchDays: 56,
  queueSlotsPerChannel: 50,
} as const;

/** What the posts table stores; review states (in review, approved…) live in the approval workflow. */
export const STORED_POST_STATUSES = ['draft', 'scheduled', 'publishing', 'published', 'failed', 'held'] as const;
export type StoredPostStatus = (typeof STORED_POST_STATUSES)[number];

/** What a reader sees: before scheduling, the workflow's state; from scheduling on, the post's own. */
export const POST_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'scheduled',
  'publishing',
  'published',
  'failed',
  'held',
] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

/** Posts whose content may change: not while going out, not once out. */
export const EDITABLE_POST_STATUSES: readonly StoredPostStatus[] = ['draft', 'scheduled', 'failed', 'held'];
/** Posts that may be (re)scheduled, once approved. */
export const SCHEDULABLE_POST_STATUSES: readonly StoredPostStatus[] = ['draft', 'scheduled', 'failed', 'held'];
/** Review states in which a post may go out (the workflow publishes a scheduled item at its time). */
export const RELEASED_REVIEW_STATES = ['approved', 'scheduled', 'published'] as const;

/**
 * One publication's journey in the ledger. `sending` is written before the network is called; an
 * answer lost after that is `outcome_unknown` until the page is read: `verified_present` (it is
 * there: done) or `verified_absent` (certainly not there: sent again).
 */
export const PUBLICATION_STATES = [
  'pending',
  'sending',
  'published',
  'failed',
  'outcome_unknown',
  'verified_absent',
  'verified_present',
] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const FIRST_COMMENT_STATES = ['none', 'pending', 'sending', 'posted', 'outcome_unknown', 'failed'] as const;
export type FirstCommentState = (typeof FIRST_COMMENT_STATES)[number];

/** Letters, marks, digits and underscores of any script: what a network links as a hashtag. */
const HASHTAG_PATTERN = /^[\p{L}\p{M}\p{N}_]+$/u;

export const HashtagSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/^#+/, '').normalize('NFC'))
  .pipe(
    z
      .string()
      .min(1, { message: 'HASHTAG_INVALID' })
      .max(SOCIAL_POST_LIMITS.hashtagLength, { message: 'TOO_LONG' })
      .regex(HASHTAG_PATTERN, { message: 'HASHTAG_INVALID' }),
  );

export const HashtagsSchema = z.partialRecord(
  z.enum(CONTENT_LANGUAGES),
  z.array(HashtagSchema).max(SOCIAL_POST_LIMITS.hashtagsPerLanguage, { message: 'TOO_MANY' }),
);
export type Hashtags = z.infer<typeof HashtagsSchema>;

export const LinkPreviewSchema = z.object({
  title: z.string().max(SOCIAL_POST_LIMITS.previewTitleLength),
  description: z.string().max(SOCIAL_POST_LIMITS.previewDescriptionLength),
  imageUrl: z.string().max(SOCIAL_POST_LIMITS.linkLength).nullable(),
});
export type LinkPreview = z.infer<typeof LinkPreviewSchema>;

/** http(s) only: what a network accepts as a link attachment. */
export function isPostableLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /[\s<>"]/.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

type Issue = { path: Array<string | number>; message: string };

/**
 * Character limits as the network applies them, on the composed text: each language's message (its
 * text and hashtags) and first comment, and, in `together` mode, the whole post.
 */
export function characterIssues(post: ComposablePost, workspaceOrder: readonly string[]): Issue[] {
  const issues: Issue[] = [];
  const languages = postLanguages(post, workspaceOrder);
  for (const language of languages) {
    if (countGraphemes(composeMessage(post, language, workspaceOrder)) > SOCIAL_POST_LIMITS.messageCharacters) {
      issues.push({ path: ['text', language, 'value'], message: 'TOO_LONG' });
    }
    if (countGraphemes(composeFirstComment(post, language, workspaceOrder)) > SOCIAL_POST_LIMITS.commentCharacters) {
      issues.push({ path: ['firstComment', language, 'value'], message: 'TOO_LONG' });
    }
  }
  if (post.languageMode === 'together' && languages.length > 1 && issues.length === 0) {
    if (countGraphemes(composeMessage(post, 'together', workspaceOrder)) > SOCIAL_POST_LIMITS.messageCharacters) {
      issues.push({ path: ['text'], message: 'TOGETHER_TOO_LONG' });
    }
    if (countGraphemes(composeFirstComment(post, 'together', workspaceOrder)) > SOCIAL_POST_LIMITS.commentCharacters) {
      issues.push({ path: ['firstComment'], message: 'TOGETHER_TOO_LONG' });
    }
  }
  return issues;
}

/** The wall-clock date and time (`HH:MM`) of an instant in a time zone. */
export function localDateTimeAt(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(instant);
  const hour = parts.find((part) => part.type === 'hour')?.value ?? '00';
  const minute = parts.find((part) => part.type === 'minute')?.value ?? '00';
  return { date: calendarDateAt(instant, timeZone), time: `${hour.padStart(2, '0')}:${minute.padStart(2, '0')}` };
}
