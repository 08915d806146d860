/**
 * A rendered variant (subject, HTML, text with `{{…}}` merge fields) compiled once per process, then
 * filled per recipient: subscriber fields (HTML-escaped in the HTML part), the per-message links, and,
 * when the workspace tracks them, click redirects on every http(s) link and an open pixel. Tracked
 * links become placeholders at compile time, so a message costs string joins and one HMAC per link,
 * never a scan of 20 KB of HTML.
 */
import { type CompiledTemplate, compileMergeTemplate, escapeHtml, type MergeValues } from '../../../../shared/newsletter/merge-fields.js';
import { NEWSLETTER_PUBLIC_PATHS } from '../newsletter-links.js';

export interface VariantContent {
  subject: string;
  html: string;
  text: string;
}

export interface CompiledVariant {
  subject: CompiledTemplate;
  html: CompiledTemplate;
  text: CompiledTemplate;
  /** Targets of tracked links, in placeholder order (a target may hold merge fields). */
  links: CompiledTemplate[];
  hasOpenPixel: boolean;
}

export interface TrackingOptions {
  trackClicks: boolean;
  trackOpens: boolean;
}

const HREF = /(\bhref\s*=\s*)(["'])\s*(https?:\/\/[^"']*)\2/gi;
/** Our own per-message links (unsubscribe, preferences) are never wrapped in a click redirect. */
const OWN_LINK = new RegExp(
  [NEWSLETTER_PUBLIC_PATHS.unsubscribe, NEWSLETTER_PUBLIC_PATHS.preferences].map((path) => path.replace(':token', '')).join('|'),
);
const linkField = (index: number) => `__link_${index}`;
const OPEN_PIXEL_FIELD = '__open_pixel';

function decodeAttribute(value: string): string {
  return value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

export function compileVariant(content: VariantContent, tracking: TrackingOptions): CompiledVariant {
  const links: CompiledTemplate[] = [];
  let html = content.html;
  if (tracking.trackClicks) {
    html = html.replace(HREF, (whole, prefix: string, quote: string, url: string) => {
      if (OWN_LINK.test(url)) return whole;
      links.push(compileMergeTemplate(decodeAttribute(url)));
      return `${prefix}${quote}{{${linkField(links.length - 1)}}}${quote}`;
    });
  }
  if (tracking.trackOpens) {
    const pixel = `<img src="{{${OPEN_PIXEL_FIELD}}}" width="1" height="1" alt="" style="display:block;width:1px;height:1px;border:0" />`;
    const end = html.toLowerCase().lastIndexOf('</body>');
    html = end >= 0 ? `${html.slice(0, end)}${pixel}${html.slice(end)}` : `${html}${pixel}`;
  }
  return {
    subject: compileMergeTemplate(content.subject),
    html: compileMergeTemplate(html),
    text: compileMergeTemplate(content.text),
    links,
    hasOpenPixel: tracking.trackOpens,
  };
}

/** What a subscriber brings to a message. */
export interface RecipientFields {
  email: string;
  name: string;
  country: string | null;
  organisation: string;
  attributes: Record<string, string>;
}

export interface MessageLinks {
  unsubscribeUrl: string;
  preferencesUrl: string;
  archiveUrl: string;
}

/** The merge values of one message (fields of `MERGE_FIELDS`, `attr.<key>`, and the link fields). */
export function mergeValuesOf(recipient: RecipientFields, links: MessageLinks): Record<string, string> {
  const name = recipient.name.trim();
  const values: Record<string, string> = {
    name,
    first_name: name.split(/\s+/)[0] ?? '',
    email: recipient.email,
    country: recipient.country ?? '',
    organisation: recipient.organisation,
    unsubscribe_url: links.unsubscribeUrl,
    preferences_url: links.preferencesUrl,
    archive_url: links.archiveUrl,
  };
  for (const [key, value] of Object.entries(recipient.attributes ?? {})) {
    if (typeof value === 'string') values[`attr.${key}`] = value;
  }
  return values;
}

export interface FilledMessage {
  subject: string;
  html: string;
  text: string;
}

/** Fills a compiled variant; `track` turns a target URL into its signed click URL. */
export function fillVariant(
  variant: CompiledVariant,
  values: MergeValues,
  tracking: { clickUrl?: (target: string) => string; openPixelUrl?: string } = {},
): FilledMessage {
  let htmlValues: MergeValues = values;
  if (variant.links.length > 0 || variant.hasOpenPixel) {
    const extra: Record<string, string | undefined> = { ...values };
    variant.links.forEach((target, index) => {
      const url = target(values);
      extra[linkField(index)] = tracking.clickUrl ? tracking.clickUrl(url) : url;
    });
    if (variant.hasOpenPixel) extra[OPEN_PIXEL_FIELD] = tracking.openPixelUrl;
    htmlValues = extra;
  }
  return {
    // A subject is a header: nodemailer encodes it, and line breaks from a field must not start a new header.
    subject: variant.subject(values).replace(/[\r\n]+/g, ' '),
    html: variant.html(htmlValues, escapeHtml),
    text: variant.text(values),
  };
}
