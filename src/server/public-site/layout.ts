/**
 * The shell every public page renders into: `<html lang dir>`, hreflang alternates for each content
 * language plus x-default, canonical, description, brand colour and logo, a header with the site name
 * and the language switch, and a footer. No script, one inline stylesheet in the head (the shell's
 * rules, then the page's own `extraCss`): a page is one request.
 */
import { directionOf } from '../../shared/languages.js';
import { html, SafeHtml } from './html.js';
import type { PublicContext } from './public-context.js';
import { PUBLIC_CSS } from './public-site.css.js';

/** Public route of the workspace logo. */
export const LOGO_PATH = '/brand/logo';

export interface PageContent {
  /** Path of the page without query (`/`, `/news`); alternates and canonical derive from it. */
  path: string;
  title: string;
  description: string;
  body: SafeHtml;
  /** Not-found and other error pages are not indexed. */
  isIndexable?: boolean;
  /** The page's own rules (trusted CSS, never visitor input), after the shell's in the head's stylesheet. */
  extraCss?: string;
}

/** The URL of `path` in `language`. */
export function pageUrl(path: string, language: string): string {
  return `${path}?lang=${encodeURIComponent(language)}`;
}

/** Text in another language than the page's carries its own lang/dir, so screen readers and bidi get it right. */
export function inLanguage(text: { value: string; language: string }, pageLang: string, tag = 'span'): SafeHtml {
  if (text.language === pageLang) return html`${text.value}`;
  const open = new SafeHtml(`<${tag} lang="${text.language}" dir="${directionOf(text.language)}">`);
  return html`${open}${text.value}${new SafeHtml(`</${tag}>`)}`;
}

function languageSwitch(ctx: PublicContext, path: string): SafeHtml {
  const links = ctx.languages.map((language) => {
    const label = ctx.t(`public.languageName.${language}`);
    const current = language === ctx.lang ? new SafeHtml(' aria-current="true"') : '';
    return html`<li><a href="${pageUrl(path, language)}" hreflang="${language}" lang="${language}" dir="${directionOf(language)}"${current}>${label}</a></li>`;
  });
  return html`<nav class="languages" aria-label="${ctx.t('public.languageSwitch')}"><ul>${links}</ul></nav>`;
}

/** Rules that cannot close the `<style>` element they are written into. */
function cssText(css = ''): string {
  return css.replace(/<\/style/gi, '');
}

function head(ctx: PublicContext, page: PageContent): SafeHtml {
  const absolute = (language: string) => `${ctx.publicUrl}${pageUrl(page.path, language)}`;
  const alternates = ctx.languages.map((language) => html`<link rel="alternate" hreflang="${language}" href="${absolute(language)}">\n`);
  const hasLogo = Boolean(ctx.workspace?.logoFileId);
  return html`<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title}</title>
<meta name="description" content="${page.description}">
${page.isIndexable === false ? new SafeHtml('<meta name="robots" content="noindex">\n') : ''}<link rel="canonical" href="${absolute(ctx.lang)}">
${alternates}<link rel="alternate" hreflang="x-default" href="${ctx.publicUrl}${page.path}">
<meta name="theme-color" content="${ctx.brandColor}">
${hasLogo ? html`<link rel="icon" href="${LOGO_PATH}">\n` : ''}<style>${new SafeHtml(PUBLIC_CSS)}:root{--brand:${ctx.brandColor}}${new SafeHtml(cssText(page.extraCss))}</style>`;
}

/** Renders a full page in the shell. */
export function renderLayout(ctx: PublicContext, page: PageContent): string {
  const logo = ctx.workspace?.logoFileId ? html`<img class="logo" src="${LOGO_PATH}" alt="" width="40" height="40">` : '';
  const year = ctx.formatYear(new Date());
  const document = html`<!doctype html>
<html lang="${ctx.lang}" dir="${ctx.dir}">
<head>
${head(ctx, page)}
</head>
<body>
<a class="skip" href="#main">${ctx.t('public.skipToContent')}</a>
<header class="site-header"><div class="wrap">
<a class="brand" href="${pageUrl('/', ctx.lang)}">${logo}<bdi>${inLanguage(ctx.siteName, ctx.lang)}</bdi></a>
${languageSwitch(ctx, page.path)}
</div></header>
<main id="main" class="wrap">
${page.body}
</main>
<footer class="site-footer"><div class="wrap"><p>© ${year} <bdi>${inLanguage(ctx.siteName, ctx.lang)}</bdi> · ${ctx.t('public.footer')}</p></div></footer>
</body>
</html>
`;
  return document.value;
}
