/**
 * The language of a comment, for the inbox's filter: `ar` when most of its letters are Arabic script,
 * `fr` when most are not (the page's other language; Latin-script darija counts as `fr`), and null
 * when it has no letter at all (emoji, a number, a sticker's empty text).
 */
import type { ContentLanguage } from '../languages.js';

export type CommentLanguage = Extract<ContentLanguage, 'ar' | 'fr'>;

export const COMMENT_LANGUAGES = ['ar', 'fr'] as const satisfies readonly CommentLanguage[];

const LETTER = /\p{L}/u;
const ARABIC_LETTER = /\p{Script=Arabic}/u;

/** `ar` when at least half of the letters are Arabic script, `fr` otherwise, null without letters. */
export function detectCommentLanguage(text: string): CommentLanguage | null {
  let letters = 0;
  let arabic = 0;
  for (const character of text) {
    if (!LETTER.test(character)) continue;
    letters += 1;
    if (ARABIC_LETTER.test(character)) arabic += 1;
  }
  if (letters === 0) return null;
  return arabic * 2 >= letters ? 'ar' : 'fr';
}
