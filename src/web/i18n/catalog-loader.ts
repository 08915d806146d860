/**
 * Loads one language's catalog on demand. Every namespace file (`src/shared/i18n/<lang>/<ns>.json`)
 * becomes its own chunk, so a French user never downloads Arabic words; keys are flattened to
 * `<namespace>.<key>` exactly as the server does (src/server/platform/i18n.ts).
 */
import type { Catalog } from '../../shared/i18n/translator.js';
import { UI_LOCALES, type UiLocale } from '../../shared/languages.js';

type NamespaceLoader = () => Promise<Record<string, string>>;

const NAMESPACE_FILES = import.meta.glob<Record<string, string>>('../../shared/i18n/*/*.json', { import: 'default' });

/** `{ '../../shared/i18n/ar/web.json': loader }` → `{ web: loader }` for one language. */
export function namespaceLoadersOf(files: Record<string, NamespaceLoader>, locale: string): Array<[string, NamespaceLoader]> {
  const prefix = `/i18n/${locale}/`;
  return Object.entries(files)
    .filter(([file]) => file.includes(prefix))
    .map(([file, load]): [string, NamespaceLoader] => [file.slice(file.lastIndexOf('/') + 1).replace(/\.json$/, ''), load])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** Merges namespace files into one flat catalog. */
export function flattenNamespaces(namespaces: Array<[string, Record<string, string>]>): Catalog {
  const catalog: Catalog = {};
  for (const [namespace, entries] of namespaces) {
    for (const [key, value] of Object.entries(entries)) catalog[`${namespace}.${key}`] = value;
  }
  return catalog;
}

const cache = new Map<UiLocale, Promise<Catalog>>();

/** The flat catalog of `locale`, loaded once. */
export function loadCatalog(locale: UiLocale, files: Record<string, NamespaceLoader> = NAMESPACE_FILES): Promise<Catalog> {
  if (!(UI_LOCALES as readonly string[]).includes(locale)) return Promise.reject(new Error(`Unknown locale ${locale}`));
  let pending = files === NAMESPACE_FILES ? cache.get(locale) : undefined;
  if (!pending) {
    pending = Promise.all(
      namespaceLoadersOf(files, locale).map(async ([namespace, load]) => [namespace, await load()] as [string, Record<string, string>]),
    ).then(flattenNamespaces);
    if (files === NAMESPACE_FILES) cache.set(locale, pending);
  }
  return pending;
}
