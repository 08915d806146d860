/** How the inbox words a post: the paragraph of its excerpt in the reader's language (a bilingual post has both), shortened. */
import { type CommentLanguage, detectCommentLanguage } from '../../../../shared/social/comment-language.js';

export interface ExcerptLine {
  text: string;
  language: CommentLanguage | null;
}

/** The excerpt's paragraph in `locale` when it has one, else its first; null for a post without text. */
export function postExcerptIn(excerpt: string, locale: string): ExcerptLine | null {
  const lines = excerpt
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((text) => ({ text, language: detectCommentLanguage(text) }));
  return lines.find((line) => line.language === locale) ?? lines[0] ?? null;
}

/** At most `limit` characters (whole code points), with an ellipsis when cut. */
export function shorten(text: string, limit: number): string {
  const characters = Array.from(text);
  return characters.length > limit ? `${characters.slice(0, limit - 1).join('')}…` : text;
}
