/**
 * Everything a public page needs to speak the visitor's language: the published workspace, the page
 * language (`?lang=`, then Accept-Language, then the workspace's first content language), a
 * translator and Intl formatters bound to that language and the workspace's digit choice (STYLE G10).
 */
import { type ArabicDigits, intlLocale, type Translate } from '../../shared/i18n/translator.js';
import { directionOf, UI_LOCALES, type UiLocale } from '../../shared/languages.js';
import { pickLocalized } from '../../shared/localized-text.js';
import { findAllWorkspaces, type WorkspaceRow } from '../modules/workspaces/workspaces.repo.js';
import type { Db } from '../platform/db/database.js';
import { translatorFor } from '../platform/i18n.js';

const DEFAULT_LANGUAGES = ['ar', 'fr'];
const DEFAULT_BRAND = '#0f766e';

export interface PublicContext {
  /** The workspace whose site this is (the first one created); undefined on an empty install. */
  workspace: WorkspaceRow | undefined;
  /** Content languages of the site, in the workspace's order. */
  languages: string[];
  lang: string;
  dir: 'rtl' | 'ltr';
  t: Translate;
  siteName: { value: string; language: string };
  brandColor: string;
  publicUrl: string;
  formatNumber(value: number): string;
  formatDate(value: Date): string;
  formatYear(value: Date): string;
  /** The name of a region (ISO 3166 code) in the page language. */
  regionName(code: string): string;
  /** Compares two strings in the page language's collation order. */
  compare(a: string, b: string): number;
}

/** Primary language subtags of an Accept-Language header, best first (q-values honoured, q=0 dropped). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().split(';');
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
      return { tag: tag.trim().toLowerCase().split('-')[0] ?? '', q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && entry.tag !== '*' && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}

/** The page language among the site's languages. */
export function resolvePublicLanguage(languages: string[], query: string | undefined, acceptLanguage: string | undefined): string {
  const candidates = [query?.toLowerCase(), ...parseAcceptLanguage(acceptLanguage)];
  return candidates.find((candidate) => candidate && languages.includes(candidate)) ?? languages[0] ?? 'fr';
}

/** The published workspace: the oldest one (a consortium install publishes one site). */
export async function findPublishedWorkspace(db: Db): Promise<WorkspaceRow | undefined> {
  const [workspace] = await findAllWorkspaces(db).limit(1);
  return workspace;
}

/** Builds the context of one public request. */
export async function createPublicContext(
  db: Db,
  options: { lang?: unknown; acceptLanguage?: string; publicUrl: string },
): Promise<PublicContext> {
  const workspace = await findPublishedWorkspace(db);
  const languages = workspace?.contentLanguages.length ? workspace.contentLanguages : DEFAULT_LANGUAGES;
  const lang = resolvePublicLanguage(languages, typeof options.lang === 'string' ? options.lang : undefined, options.acceptLanguage);
  // Content languages and interface catalogs are separate lists; words come from the closest catalog.
  const uiLocale: UiLocale = (UI_LOCALES as readonly string[]).includes(lang) ? (lang as UiLocale) : 'fr';
  const digits: ArabicDigits = workspace?.arabicDigits === 'arab' ? 'arab' : 'latn';
  const tag = intlLocale(lang, digits);
  const numbers = new Intl.NumberFormat(tag);
  const dates = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const years = new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' });
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const others = languages.filter((language) => language !== lang);
  return {
    workspace,
    languages,
    lang,
    dir: directionOf(lang),
    t: translatorFor(uiLocale, digits),
    siteName: pickLocalized(workspace?.name, lang, others) ?? { value: 'Tawasul', language: 'en' },
    // The colour lands inside a <style> element, so only a plain hex value is accepted.
    brandColor: /^#[0-9a-f]{6}$/i.test(workspace?.brandColor ?? '') ? (workspace?.brandColor as string) : DEFAULT_BRAND,
    publicUrl: options.publicUrl,
    formatNumber: (value) => numbers.format(value),
    formatDate: (value) => dates.format(value),
    formatYear: (value) => years.format(value),
    regionName: (code) => {
      try {
        return regions.of(code) ?? code;
      } catch {
        return code;
      }
    },
    compare: (a, b) => collator.compare(a, b),
  };
}
