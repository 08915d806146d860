/**
 * An issue rendered with MJML 5, once per variant (never per recipient): each language alone
 * (`<html lang dir>` of that language) or both in one email, each section with its own `lang`,
 * `dir`, font and alignment. Merge fields stay `{{…}}` placeholders for the sending engine, which
 * fills them per recipient; links carry the issue's UTM parameters; images have absolute URLs.
 */
import type mjml2html from 'mjml';
import { CONTENT_LANGUAGES, type ContentLanguage, directionOf } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { escapeHtml } from '../../../../shared/newsletter/merge-fields.js';
import type { Variant } from '../../../../shared/newsletter/newsletter.schema.js';
import { AppError } from '../../../platform/errors.js';
import type { Platform } from '../../../platform/platform.js';
import type { NewsletterIssueRow } from '../issues.repo.js';
import { blocksToMjml, textIn } from './blocks-mjml.js';
import { blocksToText, TEXT_RULE } from './blocks-text.js';
import { footerMjml, footerText, headerMjml } from './frame-mjml.js';
import { lineToText } from './inline-text.js';
import {
  type FooterKind,
  type IssueContent,
  LATIN_FONTS,
  type LanguageContext,
  languageContext,
  PAGE_COLOR,
  type RenderSettings,
  safeBrandColor,
  TEXT_COLOR,
} from './render-context.js';
import { loadRenderSettings } from './render-settings.js';

export interface RenderedVariant {
  subject: string;
  html: string;
  text: string;
}

const NO_UTM = { source: '', medium: '', campaign: '' };

/** Languages the issue is written in (its subject has a value there), the bilingual order's first. */
export function issueLanguages(issue: Pick<IssueContent, 'subject' | 'bilingualOrder'>): ContentLanguage[] {
  const order = [...issue.bilingualOrder, ...CONTENT_LANGUAGES].filter(
    (language, index, all): language is ContentLanguage =>
      (CONTENT_LANGUAGES as readonly string[]).includes(language) && all.indexOf(language) === index,
  );
  return order.filter((language) => textIn(issue.subject, language) !== '');
}

/**
 * The variants an issue needs. Per-language mode: one per language, plus the bilingual email when
 * there are two languages or more, for subscribers whose languages the issue lacks (`variantFor`).
 */
export function issueVariants(issue: Pick<IssueContent, 'subject' | 'bilingualOrder' | 'sendMode'>): Variant[] {
  const languages = issueLanguages(issue);
  if (issue.sendMode === 'bilingual') return ['bilingual'];
  return languages.length > 1 ? [...languages, 'bilingual'] : languages;
}

/** The languages of a variant's sections, in order. */
export function variantLanguages(issue: Pick<IssueContent, 'subject' | 'bilingualOrder'>, variant: Variant): ContentLanguage[] {
  if (variant !== 'bilingual') return [variant];
  const written = issueLanguages(issue);
  const ordered = issue.bilingualOrder.filter((language): language is ContentLanguage => written.includes(language as ContentLanguage));
  const rest = written.filter((language) => !ordered.includes(language));
  const languages = [...ordered, ...rest].slice(0, 2);
  return languages.length > 0 ? languages : (issue.bilingualOrder.slice(0, 2) as ContentLanguage[]);
}

/** Subject or preheader as plain text, merge fields kept, in the variant's languages joined by " | ". */
function joinedLine(text: LocalizedText, languages: ContentLanguage[]): string {
  return languages
    .map((language) => textIn(text, language))
    .filter(Boolean)
    .map((value) => lineToText(value, NO_UTM))
    .join(' | ');
}

/** Gives each language wrapper its `lang` and `dir` (MJML has no attribute for them). */
function markLanguageWrappers(html: string): string {
  return html.replace(
    /class="(tw-lang-(ar|fr|en)(?: [^"]*)?)"/g,
    (_match, classes: string, language: string) => `class="${classes}" lang="${language}" dir="${directionOf(language)}"`,
  );
}

function languageSection(
  ctx: LanguageContext,
  issue: IssueContent,
  settings: RenderSettings,
  position: number,
  isLabelled: boolean,
): string {
  const label = isLabelled
    ? `<mj-section direction="${ctx.dir}" padding="0"><mj-column direction="${ctx.dir}"><mj-text align="${ctx.align}" font-family="${ctx.font}" font-size="13px" color="${ctx.brandColor}" font-weight="700" padding="4px 24px">${escapeHtml(ctx.t(`public.languageName.${ctx.language}`))}</mj-text></mj-column></mj-section>`
    : '';
  // The second language's section opens with a band of the brand colour, so the switch is seen.
  const border = position > 0 ? ` border-top="4px solid ${ctx.brandColor}"` : '';
  return `<mj-wrapper css-class="tw-lang-${ctx.language}" direction="${ctx.dir}" background-color="#ffffff" padding="16px 0"${border}>${label}${blocksToMjml(issue.blocks, ctx, settings)}</mj-wrapper>`;
}

let mjml: Promise<typeof mjml2html> | undefined;

/**
 * MJML is loaded on the first render: it holds ~55 MiB, which a `tawasul worker` that sends
 * already-rendered issues never needs (the process that starts a send renders it, see send-start.ts).
 */
function loadMjml(): Promise<typeof mjml2html> {
  mjml ??= import('mjml').then((module) => module.default);
  return mjml;
}

/** Renders one variant of an issue (also for previews of variants the issue does not send). */
export async function renderVariant(
  issue: IssueContent,
  variant: Variant,
  settings: RenderSettings,
  options: { footer?: FooterKind } = {},
): Promise<RenderedVariant> {
  const footer = options.footer ?? 'email';
  const languages = variantLanguages(issue, variant);
  const contexts = languages.map((language) => languageContext(language, issue, settings));
  const first = contexts[0] as LanguageContext;
  const isBilingual = contexts.length > 1;
  const subject = joinedLine(issue.subject, languages);
  const preheader = joinedLine(issue.preheader, languages);
  const brand = safeBrandColor(settings.brandColor);
  const document = [
    `<mjml lang="${first.language}" dir="${first.dir}"><mj-head>`,
    `<mj-title>${escapeHtml(subject)}</mj-title>`,
    preheader ? `<mj-preview>${escapeHtml(preheader)}</mj-preview>` : '',
    `<mj-attributes><mj-all font-family="${LATIN_FONTS}" /><mj-text font-size="16px" line-height="1.6" color="${TEXT_COLOR}" /></mj-attributes>`,
    `<mj-style>a { color: ${brand}; } h1, h2, h3 { font-family: inherit; }</mj-style>`,
    `</mj-head><mj-body width="600px" background-color="${PAGE_COLOR}">`,
    headerMjml(first, settings, contexts),
    ...contexts.map((ctx, position) => languageSection(ctx, issue, settings, position, isBilingual)),
    ...contexts.map((ctx) => footerMjml(ctx, settings, footer)),
    '</mj-body></mjml>',
  ].join('');
  let result: Awaited<ReturnType<typeof mjml2html>>;
  try {
    result = await (await loadMjml())(document, { validationLevel: 'strict', fonts: {}, keepComments: false });
  } catch (error) {
    throw new AppError('RENDER_FAILED', { params: { reason: error instanceof Error ? error.message : String(error) }, cause: error });
  }
  if (result.errors.length > 0) {
    throw new AppError('RENDER_FAILED', { params: { reason: result.errors.map((error) => error.formattedMessage).join('; ') } });
  }
  const sections = contexts.map((ctx) => {
    const body = blocksToText(issue.blocks, ctx);
    return isBilingual ? `${ctx.t(`public.languageName.${ctx.language}`)}\n\n${body}` : body;
  });
  const text = [
    contexts.map((ctx) => textIn(settings.siteName, ctx.language) || textIn(settings.siteName, 'fr')).find(Boolean) ?? '',
    ...sections,
    contexts.map((ctx) => footerText(ctx, settings, footer)).join('\n\n'),
  ]
    .filter(Boolean)
    .join(`\n\n${TEXT_RULE}\n\n`);
  return { subject, html: markLanguageWrappers(result.html), text: `${text}\n` };
}

/** Every variant the issue needs, ready for the sending engine (rendered once each). */
export async function renderIssueVariants(
  platform: Pick<Platform, 'database' | 'config'>,
  issue: NewsletterIssueRow,
): Promise<Partial<Record<Variant, RenderedVariant>>> {
  const settings = await loadRenderSettings(platform, issue.workspaceId);
  const out: Partial<Record<Variant, RenderedVariant>> = {};
  for (const variant of issueVariants(issue)) out[variant] = await renderVariant(issue, variant, settings);
  return out;
}
