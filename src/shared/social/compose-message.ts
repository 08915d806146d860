/**
 * The text a post sends to the network, composed from its languages (pure, shared by the server that
 * publishes and the composer's live preview).
 *
 * Direction. A network shows a post as plain text: each line is a bidi paragraph whose direction a
 * reader guesses from its first strong letter, or the whole post takes the direction of its first
 * letter. Either guess mangles a bilingual post (a French sentence laid out right to left ends with
 * its full stop on the left; an Arabic line that starts with "AlterMed" reads left to right). So a
 * line is wrapped in a Unicode isolate (… PDI) where needed:
 * - a line whose language runs in the other direction than the post's first language, or
 * - a line whose first strong letter would make a reader guess the wrong direction for its language.
 * The isolate is FSI (first strong isolate) when the line's first letter already gives its
 * direction, and the explicit RLI/LRI otherwise (FSI would guess wrong there). Nothing else of the
 * text changes: the user's letters, diacritics and line breaks reach the network as typed.
 *
 * Hashtags come after each language's text, as a line of their own, `#tag` separated by spaces.
 * Languages follow the workspace's order of content languages and are separated by a blank line.
 */
import { directionOf } from '../languages.js';

export const LANGUAGE_MODES = ['together', 'per_language'] as const;
export type LanguageMode = (typeof LANGUAGE_MODES)[number];

/** What a publication carries: every language in one post, or one language. */
export type ComposeTarget = 'together' | string;

/** The parts of a post the composer reads (a stored row and a form both fit). */
export interface ComposablePost {
  languageMode: LanguageMode;
  text: Partial<Record<string, { value: string } | undefined>>;
  hashtags?: Partial<Record<string, readonly string[] | undefined>>;
  firstComment?: Partial<Record<string, { value: string } | undefined>>;
}

export const FSI = '\u2068';
export const LRI = '\u2066';
export const RLI = '\u2067';
export const PDI = '\u2069';

const ISOLATE_OPENERS = new Set([FSI, LRI, RLI]);
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;

/** Direction of the first strong character, skipping isolated runs (UAX #9, rule P2); undefined when none. */
export function firstStrongDirection(line: string): 'rtl' | 'ltr' | undefined {
  let depth = 0;
  for (const character of line) {
    if (ISOLATE_OPENERS.has(character)) depth += 1;
    else if (character === PDI) depth = Math.max(0, depth - 1);
    else if (depth > 0) continue;
    else if (character === '\u200E') return 'ltr';
    else if (character === '\u200F' || character === '\u061C') return 'rtl';
    else if (LETTER.test(character)) return RTL_LETTER.test(character) ? 'rtl' : 'ltr';
  }
  return undefined;
}

/** One line of `language` in a post whose first language runs `baseDirection`. */
function isolateLine(line: string, language: string, baseDirection: 'rtl' | 'ltr'): string {
  if (line.trim() === '') return line;
  const direction = directionOf(language);
  const first = firstStrongDirection(line);
  const isMisread = first !== undefined && first !== direction;
  if (direction === baseDirection && !isMisread) return line;
  const opener = first === direction ? FSI : direction === 'rtl' ? RLI : LRI;
  return `${opener}${line}${PDI}`;
}

const textOf = (entry: { value: string } | undefined) => entry?.value.trim() ?? '';

/** `#tag #tag` of a language, or '' when it has none. */
export function hashtagLine(tags: readonly string[] | undefined): string {
  return (tags ?? [])
    .map((tag) => tag.trim().replace(/^#+/, ''))
    .filter(Boolean)
    .map((tag) => `#${tag}`)
    .join(' ');
}

/** The post's languages that have text, in the workspace's order (then any other, alphabetically). */
export function postLanguages(post: Pick<ComposablePost, 'text'>, workspaceOrder: readonly string[]): string[] {
  const written = Object.keys(post.text).filter((language) => textOf(post.text[language]) !== '');
  const known = workspaceOrder.filter((language) => written.includes(language));
  return [...known, ...written.filter((language) => !known.includes(language)).sort()];
}

/** What a post publishes: one `together` post, or one per written language. */
export function publicationTargets(post: ComposablePost, workspaceOrder: readonly string[]): ComposeTarget[] {
  const languages = postLanguages(post, workspaceOrder);
  if (languages.length === 0) return [];
  return post.languageMode === 'together' ? ['together'] : languages;
}

function composeBlocks(blocks: Array<{ language: string; parts: string[] }>, baseDirection: 'rtl' | 'ltr'): string {
  return blocks
    .map(({ language, parts }) =>
      parts
        .filter((part) => part !== '')
        .join('\n\n')
        .split(/\r?\n/)
        .map((line) => isolateLine(line, language, baseDirection))
        .join('\n'),
    )
    .filter((block) => block !== '')
    .join('\n\n');
}

function languagesOf(post: ComposablePost, target: ComposeTarget, workspaceOrder: readonly string[]): string[] {
  const languages = postLanguages(post, workspaceOrder);
  return target === 'together' ? languages : languages.filter((language) => language === target);
}

/**
 * The message of one publication: `together` (every written language, in `workspaceOrder`) or one
 * language. Empty when the post has no text for the target.
 */
export function composeMessage(post: ComposablePost, target: ComposeTarget, workspaceOrder: readonly string[]): string {
  const languages = languagesOf(post, target, workspaceOrder);
  const first = languages[0];
  if (!first) return '';
  return composeBlocks(
    languages.map((language) => ({ language, parts: [textOf(post.text[language]), hashtagLine(post.hashtags?.[language])] })),
    directionOf(first),
  );
}

/** The first comment of one publication, composed like the message (no hashtags); '' when none. */
export function composeFirstComment(post: ComposablePost, target: ComposeTarget, workspaceOrder: readonly string[]): string {
  const languages = languagesOf(post, target, workspaceOrder).filter((language) => textOf(post.firstComment?.[language]) !== '');
  const first = languages[0];
  if (!first) return '';
  return composeBlocks(
    languages.map((language) => ({ language, parts: [textOf(post.firstComment?.[language])] })),
    directionOf(first),
  );
}

const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/**
 * The text a fingerprint is taken of: what a network may change on the way (direction marks and
 * isolates, line endings, runs of spaces, Unicode composition) is taken out, the words stay.
 */
export function normalizeForFingerprint(message: string): string {
  return message.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\s+/gu, ' ').trim();
}

/**
 * One extended grapheme cluster (UAX #29) as far as Arabic, Latin and emoji need: a character with
 * its marks (Arabic vowels, accents, variation selectors, skin tones, tags), joined emoji, a flag's
 * pair of regional indicators, CR LF. Indic conjuncts and Hangul syllables are not joined.
 * `Intl.Segmenter` gives the same counts but takes seconds on a post near the limit (it is far from
 * linear in V8), so a form could not check it on every keystroke.
 */
const GRAPHEME =
  /\r\n|\p{Regional_Indicator}{2}|[\s\S](?:\u200D\p{Extended_Pictographic}|[\p{M}\p{Emoji_Modifier}\u{E0020}-\u{E007F}\u200C\u200D])*/gu;

/** Characters as a reader counts them (grapheme clusters: an emoji, a letter with its diacritics). */
export function countGraphemes(text: string): number {
  let count = 0;
  GRAPHEME.lastIndex = 0;
  while (GRAPHEME.exec(text)) count += 1;
  return count;
}
