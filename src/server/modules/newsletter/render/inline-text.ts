/**
 * The text an officer types, turned into email HTML and plain text: paragraphs on blank lines, URLs
 * made links (with the UTM parameters), `**bold**`, and merge fields.
 *
 * Decisions (docs/newsletter/composer.md):
 * - Everything typed is HTML-escaped; `**bold**` is the only markup.
 * - `{{name}}`, `{{first_name|ami·e}}`, `{{attr.city|Tunis}}`… (MERGE_FIELDS and `attr.<key>`) stay
 *   placeholders for the sending engine. Any other `{{…}}` is shown literally: in HTML its braces
 *   become `&#123;`, in plain text a word joiner (U+2060) splits them, so the engine never fills it.
 * - A fallback never carries `<` or `>`: the template is HTML and may be read before it is filled.
 */

import { isAllowedLink } from '../../../../shared/newsletter/issue-api.schema.js';
import { escapeHtml, MERGE_FIELDS } from '../../../../shared/newsletter/merge-fields.js';

export interface UtmParameters {
  source: string;
  medium: string;
  campaign: string;
}

type Token =
  | { kind: 'text'; value: string }
  | { kind: 'url'; url: string }
  | { kind: 'field'; name: string; fallback: string | undefined }
  | { kind: 'bold'; tokens: Token[] };

const INLINE = /(https?:\/\/[^\s<>"'{}]+)|\{\{\s*([a-zA-Z_][a-zA-Z0-9_.-]*)\s*(?:\|([^}]*))?\}\}/g;
const TRAILING_PUNCTUATION = /[.,;:!?؟،؛)\]»”’'"]+$/;
const BOLD = /\*\*(?=\S)([\s\S]*?\S)\*\*/g;
const WORD_JOINER = '\u2060';

/** A field the engine knows how to fill (the per-message links are for the footer only). */
export function isKnownMergeField(name: string): boolean {
  return (MERGE_FIELDS as readonly string[]).includes(name) || /^attr\.[a-zA-Z0-9_-]+$/.test(name);
}

function plainTokens(raw: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  for (const match of raw.matchAll(INLINE)) {
    const start = match.index;
    let end = start + match[0].length;
    if (match[1]) {
      const url = match[1].replace(TRAILING_PUNCTUATION, '');
      end = start + url.length;
      if (start > last) tokens.push({ kind: 'text', value: raw.slice(last, start) });
      tokens.push(isAllowedLink(url) ? { kind: 'url', url } : { kind: 'text', value: url });
    } else {
      if (start > last) tokens.push({ kind: 'text', value: raw.slice(last, start) });
      const name = match[2] as string;
      tokens.push(
        isKnownMergeField(name)
          ? { kind: 'field', name, fallback: match[3]?.replace(/[<>]/g, '').trim() }
          : { kind: 'text', value: match[0] },
      );
    }
    last = end;
  }
  if (last < raw.length) tokens.push({ kind: 'text', value: raw.slice(last) });
  return tokens;
}

function tokenize(raw: string, withMarkup: boolean): Token[] {
  if (!withMarkup) return plainTokens(raw);
  const tokens: Token[] = [];
  let last = 0;
  for (const match of raw.matchAll(BOLD)) {
    if (match.index > last) tokens.push(...plainTokens(raw.slice(last, match.index)));
    tokens.push({ kind: 'bold', tokens: plainTokens(match[1] as string) });
    last = match.index + match[0].length;
  }
  if (last < raw.length) tokens.push(...plainTokens(raw.slice(last)));
  return tokens;
}

const fieldText = (name: string, fallback: string | undefined) => (fallback ? `{{${name}|${fallback}}}` : `{{${name}}}`);

/** The link with the UTM parameters added (those already in the URL are kept); mailto links as they are. */
export function withUtm(url: string, utm: UtmParameters): string {
  if (!/^https?:/i.test(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const pairs: Array<[string, string]> = [
    ['utm_source', utm.source],
    ['utm_medium', utm.medium],
    ['utm_campaign', utm.campaign],
  ];
  for (const [key, value] of pairs) if (value && !parsed.searchParams.has(key)) parsed.searchParams.set(key, value);
  return parsed.toString();
}

/** A URL safe inside an attribute of a template the engine fills: no brace can start a merge field. */
export function hrefAttribute(url: string): string {
  return escapeHtml(url.replaceAll('{', '%7B').replaceAll('}', '%7D'));
}

function tokensToHtml(tokens: Token[], options: InlineOptions): string {
  return tokens
    .map((token) => {
      switch (token.kind) {
        case 'text':
          return escapeHtml(token.value).replaceAll('{', '&#123;').replace(/\r?\n/g, '<br>');
        case 'url':
          return `<a href="${hrefAttribute(withUtm(token.url, options.utm))}" style="color:${options.linkColor};">${escapeHtml(token.url)}</a>`;
        case 'field':
          return fieldText(token.name, token.fallback);
        case 'bold':
          return `<strong>${tokensToHtml(token.tokens, options)}</strong>`;
        default:
          return assertNever(token);
      }
    })
    .join('');
}

function tokensToText(tokens: Token[], utm: UtmParameters): string {
  return tokens
    .map((token) => {
      switch (token.kind) {
        case 'text':
          return token.value.replaceAll('{{', `{${WORD_JOINER}{`);
        case 'url':
          return withUtm(token.url, utm);
        case 'field':
          return fieldText(token.name, token.fallback);
        case 'bold':
          return tokensToText(token.tokens, utm);
        default:
          return assertNever(token);
      }
    })
    .join('');
}

function assertNever(value: never): never {
  throw new Error(`Unexpected token ${JSON.stringify(value)}`);
}

export interface InlineOptions {
  utm: UtmParameters;
  linkColor: string;
}

/** One line of typed text (a heading, a title, a label) as HTML: escaped, links and merge fields, no bold. */
export function lineToHtml(raw: string, options: InlineOptions): string {
  return tokensToHtml(tokenize(raw, false), options);
}

/** One line of typed text as plain text (subjects, headings, labels). */
export function lineToText(raw: string, utm: UtmParameters): string {
  return tokensToText(tokenize(raw, false), utm);
}

/** Paragraphs of a text block (separated by blank lines; single line breaks kept). */
export function paragraphsOf(raw: string): string[] {
  return raw
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}

/** A paragraph as HTML, with `**bold**`. */
export function paragraphToHtml(raw: string, options: InlineOptions): string {
  return tokensToHtml(tokenize(raw, true), options);
}

/** A paragraph as plain text (bold markers dropped, links written out with their UTM parameters). */
export function paragraphToText(raw: string, utm: UtmParameters): string {
  return tokensToText(tokenize(raw, true), utm);
}
