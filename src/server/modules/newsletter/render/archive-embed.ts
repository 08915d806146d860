/**
 * A rendered email placed inside a public-site page: its body, and its stylesheet with MJML's
 * global resets (`body`, `p`, `img`, `table`) scoped to the email's container so they never touch
 * the site's own header and footer. Outlook-only conditional comments are dropped.
 */

export const ARCHIVE_EMAIL_CLASS = 'tw-archive-email';

function scopeSelector(selector: string, scope: string): string {
  const trimmed = selector.trim();
  if (!trimmed) return trimmed;
  if (/^(html|body)$/i.test(trimmed)) return scope;
  return `${scope} ${trimmed}`;
}

/** Prefixes every top-level rule with the scope; @media and other at-rules are kept as they are (MJML's use class selectors). */
export function scopeCss(css: string, scope: string): string {
  let out = '';
  let index = 0;
  while (index < css.length) {
    const open = css.indexOf('{', index);
    if (open < 0) break;
    const prelude = css.slice(index, open);
    let depth = 1;
    let close = open + 1;
    while (close < css.length && depth > 0) {
      if (css[close] === '{') depth += 1;
      else if (css[close] === '}') depth -= 1;
      close += 1;
    }
    const block = css.slice(open, close);
    out += prelude.trim().startsWith('@')
      ? `${prelude.trim()}${block}\n`
      : `${prelude
          .split(',')
          .map((selector) => scopeSelector(selector, scope))
          .join(', ')}${block}\n`;
    index = close;
  }
  return out;
}

/** The stylesheet and the body of an MJML email, ready to sit inside another page. */
export function embedEmail(html: string): { css: string; body: string } {
  const withoutConditionals = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/g, '');
  const head = withoutConditionals.match(/<head[^>]*>([\s\S]*?)<\/head>/i)?.[1] ?? '';
  const css = [...head.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)]
    .map((match) => scopeCss(match[1] ?? '', `.${ARCHIVE_EMAIL_CLASS}`))
    .join('\n');
  const body = withoutConditionals.match(/<body[^>]*>([\s\S]*?)<\/body>/i)?.[1] ?? '';
  return { css, body: body.trim() };
}
