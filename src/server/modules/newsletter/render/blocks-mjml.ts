/**
 * Blocks of one language as MJML. Leaf blocks render to column content (mj-text, mj-image,
 * mj-button, mj-divider); runs of them share one section, and a two-column block is a section of
 * its own whose first column sits at the start side (on the right in Arabic: `direction="rtl"`).
 * Every typed text goes through inline-text.ts (escaped); attribute values through `attribute`.
 */
import type { LocalizedText } from '../../../../shared/localized-text.js';
import { escapeHtml } from '../../../../shared/newsletter/merge-fields.js';
import type { LeafBlock, NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import { hrefAttribute, lineToHtml, paragraphsOf, paragraphToHtml, withUtm } from './inline-text.js';
import { type LanguageContext, MUTED_COLOR, type RenderSettings, TEXT_COLOR } from './render-context.js';

/** The value of a localized field in one language (no fallback: a missing text is left out). */
export function textIn(text: LocalizedText | undefined, language: string): string {
  return (text as Record<string, { value: string } | undefined> | undefined)?.[language]?.value?.trim() ?? '';
}

const attribute = (value: string) => escapeHtml(value).replaceAll('{', '&#123;');

/** An absolute link with the issue's UTM parameters, or undefined when the field is empty. */
export function linkIn(text: LocalizedText | undefined, ctx: LanguageContext): string | undefined {
  const value = textIn(text, ctx.language);
  return value ? withUtm(value, ctx.utm) : undefined;
}

/** The image's absolute URL: a signed file-store link or the typed URL. */
export function imageSource(fileId: string | undefined, url: string | undefined, settings: RenderSettings): string | undefined {
  if (fileId) return settings.imageUrl(fileId);
  return url || undefined;
}

interface Spacing {
  /** Horizontal padding of elements: narrower inside a column. */
  side: number;
}

function textElement(ctx: LanguageContext, spacing: Spacing, inner: string, extra = ''): string {
  return `<mj-text align="${ctx.align}" font-family="${ctx.font}" padding="6px ${spacing.side}px"${extra}>${inner}</mj-text>`;
}

function link(href: string, label: string, ctx: LanguageContext): string {
  return `<a href="${hrefAttribute(href)}" style="color:${ctx.brandColor};font-weight:600;">${label}</a>`;
}

function heading(block: Extract<LeafBlock, { type: 'heading' }>, ctx: LanguageContext, spacing: Spacing): string {
  const text = textIn(block.text, ctx.language);
  if (!text) return '';
  const size = block.level === 1 ? 26 : 20;
  const tag = block.level === 1 ? 'h1' : 'h2';
  const inner = `<${tag} style="margin:0;font-size:${size}px;line-height:1.4;font-weight:700;color:${TEXT_COLOR};">${lineToHtml(text, ctx.inline)}</${tag}>`;
  return textElement(ctx, spacing, inner, ' padding-top="16px"');
}

function paragraphs(block: Extract<LeafBlock, { type: 'text' }>, ctx: LanguageContext, spacing: Spacing): string {
  const parts = paragraphsOf(textIn(block.text, ctx.language));
  if (parts.length === 0) return '';
  return textElement(ctx, spacing, parts.map((part) => `<p style="margin:0 0 12px;">${paragraphToHtml(part, ctx.inline)}</p>`).join(''));
}

function image(block: Extract<LeafBlock, { type: 'image' }>, ctx: LanguageContext, spacing: Spacing, settings: RenderSettings): string {
  const src = imageSource(block.fileId, block.url, settings);
  if (!src) return '';
  const href = linkIn(block.href, ctx);
  const alt = textIn(block.alt, ctx.language);
  const caption = textIn(block.caption, ctx.language);
  const element = `<mj-image src="${hrefAttribute(src)}" alt="${attribute(alt)}"${href ? ` href="${hrefAttribute(href)}"` : ''} padding="8px ${spacing.side}px" />`;
  const captionElement = caption
    ? textElement(ctx, spacing, `<span style="font-size:13px;color:${MUTED_COLOR};">${lineToHtml(caption, ctx.inline)}</span>`)
    : '';
  return element + captionElement;
}

function button(block: Extract<LeafBlock, { type: 'button' }>, ctx: LanguageContext, spacing: Spacing): string {
  const label = textIn(block.label, ctx.language);
  const href = linkIn(block.url, ctx);
  if (!label || !href) return '';
  return `<mj-button href="${hrefAttribute(href)}" align="${ctx.align}" background-color="${ctx.brandColor}" color="#ffffff" font-family="${ctx.font}" font-size="16px" font-weight="700" border-radius="4px" inner-padding="12px 24px" padding="12px ${spacing.side}px">${lineToHtml(label, ctx.inline)}</mj-button>`;
}

function article(block: Extract<LeafBlock, { type: 'article' }>, ctx: LanguageContext, spacing: Spacing, settings: RenderSettings): string {
  const title = textIn(block.title, ctx.language);
  const summary = textIn(block.summary, ctx.language);
  if (!title && !summary) return '';
  const href = linkIn(block.url, ctx);
  const src = imageSource(block.imageFileId, block.imageUrl, settings);
  const picture = src
    ? `<mj-image src="${hrefAttribute(src)}" alt=""${href ? ` href="${hrefAttribute(href)}"` : ''} padding="12px ${spacing.side}px 0" />`
    : '';
  const titleHtml = lineToHtml(title, ctx.inline);
  const parts = [
    title
      ? `<h3 style="margin:0 0 6px;font-size:18px;line-height:1.4;color:${TEXT_COLOR};">${href ? link(href, titleHtml, ctx) : titleHtml}</h3>`
      : '',
    ...paragraphsOf(summary).map((part) => `<p style="margin:0 0 8px;">${paragraphToHtml(part, ctx.inline)}</p>`),
    href ? `<p style="margin:0;">${link(href, escapeHtml(ctx.t('newsletter.email.readMore')), ctx)}</p>` : '',
  ];
  return picture + textElement(ctx, spacing, parts.join(''), ' padding-bottom="14px"');
}

function event(block: Extract<LeafBlock, { type: 'event' }>, ctx: LanguageContext, spacing: Spacing): string {
  const title = textIn(block.title, ctx.language);
  if (!title) return '';
  const place = textIn(block.place, ctx.language);
  const href = linkIn(block.url, ctx);
  // Email clients know no logical properties: the accent bar is drawn on the start side by hand.
  const edge = ctx.dir === 'rtl' ? 'right' : 'left';
  const parts = [
    `<div style="border-${edge}:4px solid ${ctx.brandColor};padding-${edge}:12px;">`,
    `<p style="margin:0 0 4px;font-size:13px;color:${MUTED_COLOR};">${escapeHtml(ctx.t('newsletter.email.event'))}</p>`,
    `<h3 style="margin:0 0 6px;font-size:18px;line-height:1.4;color:${TEXT_COLOR};">${lineToHtml(title, ctx.inline)}</h3>`,
    `<p style="margin:0 0 4px;font-weight:600;">${escapeHtml(ctx.formatEvent(block.startsAt, block.endsAt))}</p>`,
    place ? `<p style="margin:0 0 4px;">${lineToHtml(place, ctx.inline)}</p>` : '',
    href ? `<p style="margin:8px 0 0;">${link(href, escapeHtml(ctx.t('newsletter.email.eventDetails')), ctx)}</p>` : '',
    '</div>',
  ];
  return textElement(ctx, spacing, parts.join(''), ` padding="14px ${spacing.side}px"`);
}

function divider(spacing: Spacing): string {
  return `<mj-divider border-color="#d9dde3" border-width="1px" padding="14px ${spacing.side}px" />`;
}

/** A leaf block as column content ('' when it has nothing to show in this language). */
export function leafToMjml(block: LeafBlock, ctx: LanguageContext, settings: RenderSettings, spacing: Spacing = { side: 24 }): string {
  switch (block.type) {
    case 'heading':
      return heading(block, ctx, spacing);
    case 'text':
      return paragraphs(block, ctx, spacing);
    case 'image':
      return image(block, ctx, spacing, settings);
    case 'button':
      return button(block, ctx, spacing);
    case 'article':
      return article(block, ctx, spacing, settings);
    case 'event':
      return event(block, ctx, spacing);
    case 'divider':
      return divider(spacing);
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/** A section of one or two columns; two-column content sits 12 px in, so its edges align with full-width blocks. */
function section(ctx: LanguageContext, columns: string[]): string {
  const body = columns.map((content) => `<mj-column direction="${ctx.dir}">${content}</mj-column>`).join('');
  return `<mj-section direction="${ctx.dir}" padding="${columns.length > 1 ? '0 12px' : '0'}">${body}</mj-section>`;
}

/** Every block of the issue in one language, as the sections of its wrapper. */
export function blocksToMjml(blocks: readonly NewsletterBlock[], ctx: LanguageContext, settings: RenderSettings): string {
  const sections: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) sections.push(section(ctx, [run.join('')]));
    run = [];
  };
  for (const block of blocks) {
    if (block.type !== 'columns') {
      const content = leafToMjml(block, ctx, settings);
      if (content) run.push(content);
      continue;
    }
    flush();
    const columns = block.columns.map((column) => column.map((leaf) => leafToMjml(leaf, ctx, settings, { side: 12 })).join(''));
    if (columns.some(Boolean)) sections.push(section(ctx, columns));
  }
  flush();
  return sections.join('');
}
