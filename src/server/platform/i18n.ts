/**
 * Server-side translations. Catalogs are split by namespace (`src/shared/i18n/<lang>/<namespace>.json`,
 * keys prefixed with the namespace) so modules own their words; they are loaded once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ArabicDigits, type Catalog, createTranslator, type Translate } from '../../shared/i18n/translator.js';
import { UI_LOCALES, type UiLocale } from '../../shared/languages.js';

export const CATALOG_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/i18n');

/** Reads every namespace file of one language into one flat catalog. */
export function loadCatalog(locale: string): Catalog {
  const folder = path.join(CATALOG_DIR, locale);
  const catalog: Catalog = {};
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const namespace = file.replace(/\.json$/, '');
    const entries = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(entries)) catalog[`${namespace}.${key}`] = value;
  }
  return catalog;
}

export const CATALOGS: Record<UiLocale, Catalog> = Object.fromEntries(UI_LOCALES.map((locale) => [locale, loadCatalog(locale)])) as Record<
  UiLocale,
  Catalog
>;

const translators = new Map<string, Translate>();

/** The translator for `locale` (cached; translators are pure). */
export function translatorFor(locale: UiLocale, arabicDigits: ArabicDigits = 'latn'): Translate {
  const key = `${locale}:${arabicDigits}`;
  let translate = translators.get(key);
  if (!translate) {
    translate = createTranslator(locale, CATALOGS[locale], arabicDigits);
    translators.set(key, translate);
  }
  return translate;
}
