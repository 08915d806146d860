/**
 * The plain-text part, written from the blocks themselves (never by stripping the HTML), so the
 * Arabic text arrives as typed. Links of buttons, cards and images are numbered `[1]` and listed at
 * the end of the language's section; URLs typed in the text stay where they are.
 */
import type { LeafBlock, NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import { linkIn, textIn } from './blocks-mjml.js';
import { lineToText, paragraphsOf, paragraphToText } from './inline-text.js';
import type { LanguageContext } from './render-context.js';

export const TEXT_RULE = '────────────────────';

class LinkList {
  readonly urls: string[] = [];

  /** The reference of `url`, numbered in order of first use. */
  ref(url: string): string {
    let index = this.urls.indexOf(url);
    if (index < 0) index = this.urls.push(url) - 1;
    return `[${index + 1}]`;
  }
}

function leafToText(block: LeafBlock, ctx: LanguageContext, links: LinkList): string {
  const line = (value: string) => lineToText(value, ctx.utm);
  switch (block.type) {
    case 'heading': {
      const text = textIn(block.text, ctx.language);
      return text ? line(text) : '';
    }
    case 'text':
      return paragraphsOf(textIn(block.text, ctx.language))
        .map((paragraph) => paragraphToText(paragraph, ctx.utm))
        .join('\n\n');
    case 'image': {
      const alt = textIn(block.alt, ctx.language);
      const caption = textIn(block.caption, ctx.language);
      const href = linkIn(block.href, ctx);
      const first = alt ? `[${line(alt)}]${href ? ` ${links.ref(href)}` : ''}` : href ? links.ref(href) : '';
      return [first, caption ? line(caption) : ''].filter(Boolean).join('\n');
    }
    case 'button': {
      const label = textIn(block.label, ctx.language);
      const href = linkIn(block.url, ctx);
      return label && href ? `${line(label)} ${links.ref(href)}` : '';
    }
    case 'article': {
      const title = textIn(block.title, ctx.language);
      const summary = textIn(block.summary, ctx.language);
      if (!title && !summary) return '';
      const href = linkIn(block.url, ctx);
      return [
        title ? line(title) : '',
        ...paragraphsOf(summary).map((paragraph) => paragraphToText(paragraph, ctx.utm)),
        href ? `${ctx.t('newsletter.email.readMore')} ${links.ref(href)}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'event': {
      const title = textIn(block.title, ctx.language);
      if (!title) return '';
      const place = textIn(block.place, ctx.language);
      const href = linkIn(block.url, ctx);
      return [
        `${ctx.t('newsletter.email.event')} — ${line(title)}`,
        ctx.formatEvent(block.startsAt, block.endsAt),
        place ? line(place) : '',
        href ? `${ctx.t('newsletter.email.eventDetails')} ${links.ref(href)}` : '',
      ]
        .filter(Boolean)
        .join('\n');
    }
    case 'divider':
      return '* * *';
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

/** One language's blocks as plain text, with its list of links. */
export function blocksToText(blocks: readonly NewsletterBlock[], ctx: LanguageContext): string {
  const links = new LinkList();
  const parts: string[] = [];
  for (const block of blocks) {
    const leaves = block.type === 'columns' ? block.columns.flat() : [block];
    for (const leaf of leaves) {
      const text = leafToText(leaf, ctx, links);
      if (text) parts.push(text);
    }
  }
  if (links.urls.length > 0) {
    parts.push(`${ctx.t('newsletter.email.links')}\n${links.urls.map((url, index) => `[${index + 1}] ${url}`).join('\n')}`);
  }
  return parts.join('\n\n');
}
