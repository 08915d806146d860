/**
 * ICU message formatting shared by server (errors, emails, public site) and web. One translator per
 * language per call site (STYLE G10): nothing sets a global locale.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { UiLocale } from '../languages.js';

export type Catalog = Record<string, string>;
export type Translate = (key: string, params?: Record<string, unknown>) => string;

/** Digits for Arabic: Western (0–9, the Maghreb default) or Eastern Arabic (٠–٩). */
export type ArabicDigits = 'latn' | 'arab';

/** BCP 47 tag with the numbering system made explicit, so Intl never guesses the digits. */
export function intlLocale(locale: UiLocale | string, arabicDigits: ArabicDigits = 'latn'): string {
  if (locale === 'ar') return `ar-${arabicDigits === 'arab' ? 'EG' : 'MA'}-u-nu-${arabicDigits}`;
  if (locale === 'fr') return 'fr-FR';
  return locale === 'en' ? 'en-GB' : locale;
}

/** Creates a translator over a catalog; unknown keys render as the key so gaps are visible, never fatal. */
export function createTranslator(locale: UiLocale, catalog: Catalog, arabicDigits: ArabicDigits = 'latn'): Translate {
  const tag = intlLocale(locale, arabicDigits);
  const compiled = new Map<string, IntlMessageFormat>();
  return (key, params) => {
    const source = catalog[key];
    if (source === undefined) return key;
    let message = compiled.get(key);
    if (!message) {
      message = new IntlMessageFormat(source, tag);
      compiled.set(key, message);
    }
    return String(message.format(params as Record<string, string>));
  };
}

/** Formats a date per locale (and per the workspace's digit choice). */
export function formatDate(
  date: Date | string,
  locale: UiLocale,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' },
  arabicDigits: ArabicDigits = 'latn',
): string {
  return new Intl.DateTimeFormat(intlLocale(locale, arabicDigits), options).format(typeof date === 'string' ? new Date(date) : date);
}

/** Formats a number per locale (and per the workspace's digit choice). */
export function formatNumber(value: number, locale: UiLocale, arabicDigits: ArabicDigits = 'latn'): string {
  return new Intl.NumberFormat(intlLocale(locale, arabicDigits)).format(value);
}

/** Wraps text in Unicode first-strong isolates so a French name inside Arabic (or the reverse) keeps its order. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
