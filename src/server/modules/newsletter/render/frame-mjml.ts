/**
 * The frame around an issue's blocks: the brand band (logo and name) on top, and one footer per
 * language — the postal address, why the reader gets this email, and the per-recipient
 * preferences and unsubscribe links (placeholders the engine fills), or, in the public archive, an
 * invitation to subscribe.
 */
import { escapeHtml } from '../../../../shared/newsletter/merge-fields.js';
import { textIn } from './blocks-mjml.js';
import { type FooterKind, type LanguageContext, MUTED_COLOR, type RenderSettings } from './render-context.js';

const attribute = (value: string) => escapeHtml(value).replaceAll('{', '&#123;');

function siteNameIn(settings: RenderSettings, language: string): string {
  return textIn(settings.siteName, language) || textIn(settings.siteName, 'fr') || textIn(settings.siteName, 'ar') || 'Tawasul';
}

/** The brand band; in a bilingual email the names in both languages, each marked with its own. */
export function headerMjml(first: LanguageContext, settings: RenderSettings, contexts: LanguageContext[]): string {
  const names = contexts
    .map((ctx) => ({ ctx, name: siteNameIn(settings, ctx.language) }))
    .filter((entry, index, all) => all.findIndex((other) => other.name === entry.name) === index);
  const label = names
    .map(({ ctx, name }) => `<span lang="${ctx.language}" dir="${ctx.dir}">${escapeHtml(name).replaceAll('{', '&#123;')}</span>`)
    .join(' · ');
  const logo = settings.logoUrl
    ? `<mj-image src="${attribute(settings.logoUrl)}" alt="" width="56px" align="${first.align}" padding="0 0 8px" />`
    : '';
  return `<mj-section background-color="${first.brandColor}" direction="${first.dir}" padding="20px 24px"><mj-column direction="${first.dir}">${logo}<mj-text align="${first.align}" color="#ffffff" font-size="20px" font-weight="700" line-height="1.4" font-family="${first.font}" padding="0">${label}</mj-text></mj-column></mj-section>`;
}

function addressHtml(settings: RenderSettings): string {
  const address = settings.postalAddress.trim();
  // The address is in whichever script it was typed: its direction is its own, not the footer's.
  return address
    ? `<p dir="auto" style="margin:0 0 8px;">${escapeHtml(address).replaceAll('{', '&#123;').replace(/\r?\n/g, '<br>')}</p>`
    : '';
}

function footerLinks(ctx: LanguageContext, settings: RenderSettings, footer: FooterKind): Array<{ href: string; label: string }> {
  if (footer === 'archive') {
    return [{ href: `${settings.publicUrl}/newsletter?lang=${ctx.language}`, label: ctx.t('newsletter.email.subscribe') }];
  }
  return [
    { href: '{{preferences_url}}', label: ctx.t('newsletter.email.preferences') },
    { href: '{{unsubscribe_url}}', label: ctx.t('newsletter.email.unsubscribe') },
  ];
}

/** One language's footer, in its own wrapper (so it carries that language's `lang` and `dir`). */
export function footerMjml(ctx: LanguageContext, settings: RenderSettings, footer: FooterKind): string {
  const site = siteNameIn(settings, ctx.language);
  const why = footer === 'archive' ? ctx.t('newsletter.email.archiveNote', { site }) : ctx.t('newsletter.email.why', { site });
  const links = footerLinks(ctx, settings, footer)
    .map(
      (link) =>
        `<a href="${link.href.startsWith('{{') ? link.href : attribute(link.href)}" style="color:${MUTED_COLOR};text-decoration:underline;">${escapeHtml(link.label)}</a>`,
    )
    .join(' · ');
  const inner = `<p style="margin:0 0 8px;">${escapeHtml(why).replaceAll('{', '&#123;')}</p>${addressHtml(settings)}<p style="margin:0;">${links}</p>`;
  return `<mj-wrapper css-class="tw-lang-${ctx.language} tw-footer" direction="${ctx.dir}" padding="8px 0"><mj-section direction="${ctx.dir}" padding="0"><mj-column direction="${ctx.dir}"><mj-text align="${ctx.align}" font-family="${ctx.font}" font-size="13px" line-height="1.6" color="${MUTED_COLOR}" padding="8px 24px">${inner}</mj-text></mj-column></mj-section></mj-wrapper>`;
}

/** The footer as plain text, links written out. */
export function footerText(ctx: LanguageContext, settings: RenderSettings, footer: FooterKind): string {
  const site = siteNameIn(settings, ctx.language);
  const why = footer === 'archive' ? ctx.t('newsletter.email.archiveNote', { site }) : ctx.t('newsletter.email.why', { site });
  const links = footerLinks(ctx, settings, footer).map((link) => ctx.t('newsletter.email.linkLine', { label: link.label, url: link.href }));
  // Typed text never becomes a merge field (see inline-text.ts): a word joiner splits its braces.
  const typed = (value: string) => value.replaceAll('{{', '{\u2060{');
  return [typed(why), typed(settings.postalAddress.trim()), ...links].filter(Boolean).join('\n');
}
