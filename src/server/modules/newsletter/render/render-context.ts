/**
 * What rendering one issue needs besides its blocks — the brand, the footer's address, absolute
 * image URLs — and what each language section needs: direction, alignment, font, words and dates.
 */
import { type ArabicDigits, intlLocale, type Translate } from '../../../../shared/i18n/translator.js';
import { type ContentLanguage, directionOf, UI_LOCALES, type UiLocale } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import { translatorFor } from '../../../platform/i18n.js';
import type { InlineOptions, UtmParameters } from './inline-text.js';

/** The content of an issue that rendering reads (a row of `newsletter_issue`, or a draft in tests). */
export interface IssueContent {
  subject: LocalizedText;
  preheader: LocalizedText;
  blocks: NewsletterBlock[];
  sendMode: string;
  bilingualOrder: string[];
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
}

export interface RenderSettings {
  siteName: LocalizedText;
  /** `#rrggbb`, used for the header band, buttons and links. */
  brandColor: string;
  /** Absolute URL of the logo, when the workspace has an image logo. */
  logoUrl?: string;
  timeZone: string;
  arabicDigits: ArabicDigits;
  /** Printed in every footer (anti-spam laws); may be empty. */
  postalAddress: string;
  /** Absolute URL of a file-store image (signed public link). */
  imageUrl(fileId: string): string;
  /** The public archive and sign-up pages (archive footers link to them). */
  publicUrl: string;
}

/** Email footers carry the per-recipient links; the archive footer invites to subscribe instead. */
export type FooterKind = 'email' | 'archive';

/** Font stacks go into attributes as they are: constants with single quotes only, never typed text. */
export const ARABIC_FONTS = "'Noto Naskh Arabic', 'Noto Sans Arabic', Tahoma, Arial, sans-serif";
export const LATIN_FONTS = "'Noto Sans', Arial, Helvetica, sans-serif";
export const TEXT_COLOR = '#1f2933';
export const MUTED_COLOR = '#52606d';
export const PAGE_COLOR = '#f1f3f5';
const DEFAULT_BRAND = '#0f766e';

export interface LanguageContext {
  language: ContentLanguage;
  dir: 'rtl' | 'ltr';
  /** The start side, for MJML's `align` (a physical value: email clients know no logical one). */
  align: 'right' | 'left';
  font: string;
  t: Translate;
  inline: InlineOptions;
  utm: UtmParameters;
  brandColor: string;
  /** An event's date and time (or range) in the workspace's time zone and this language. */
  formatEvent(startsAt: string, endsAt?: string): string;
}

export function safeBrandColor(value: string | undefined): string {
  return /^#[0-9a-f]{6}$/i.test(value ?? '') ? (value as string) : DEFAULT_BRAND;
}

export function utmOf(issue: IssueContent): UtmParameters {
  return { source: issue.utmSource, medium: issue.utmMedium, campaign: issue.utmCampaign };
}

export function languageContext(language: ContentLanguage, issue: IssueContent, settings: RenderSettings): LanguageContext {
  const dir = directionOf(language);
  const uiLocale: UiLocale = (UI_LOCALES as readonly string[]).includes(language) ? (language as UiLocale) : 'fr';
  const brandColor = safeBrandColor(settings.brandColor);
  const utm = utmOf(issue);
  const dates = new Intl.DateTimeFormat(intlLocale(language, settings.arabicDigits), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: settings.timeZone,
  });
  return {
    language,
    dir,
    align: dir === 'rtl' ? 'right' : 'left',
    font: language === 'ar' ? ARABIC_FONTS : LATIN_FONTS,
    t: translatorFor(uiLocale, settings.arabicDigits),
    inline: { utm, linkColor: brandColor },
    utm,
    brandColor,
    formatEvent(startsAt, endsAt) {
      const start = new Date(startsAt);
      if (!endsAt) return dates.format(start);
      return dates.formatRange(start, new Date(endsAt));
    },
  };
}
