/** The interface language before sign-in: kept in localStorage and mirrored in a cookie the server reads for error messages. */
import { pickUiLocale, type UiLocale } from '../../shared/languages.js';

const STORAGE_KEY = 'tawasul.locale';
const EXPLICIT_KEY = 'tawasul.locale-explicit';

/** The stored choice, else the browser's languages, else French. */
export function initialLocale(): UiLocale {
  const query = new URLSearchParams(window.location.search).get('lang');
  return pickUiLocale(query, safeGet(STORAGE_KEY), navigator.languages?.join(','), navigator.language);
}

/** Whether the person picked the language themselves on this device (then it wins over the account's). */
export function isLocaleExplicit(): boolean {
  return safeGet(EXPLICIT_KEY) === 'true';
}

export function storeLocale(locale: UiLocale, isExplicit: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
    if (isExplicit) localStorage.setItem(EXPLICIT_KEY, 'true');
  } catch {
    // Private browsing may refuse storage; the language still applies to this page.
  }
  // biome-ignore lint/suspicious/noDocumentCookie: one plain preference cookie, no need for the Cookie Store API.
  document.cookie = `tawasul_lang=${locale}; path=/; max-age=31536000; samesite=lax`;
}

/** Forgets the explicit flag once the account holds the choice. */
export function clearExplicitLocale(): void {
  try {
    localStorage.removeItem(EXPLICIT_KEY);
  } catch {
    // Nothing to clear without storage.
  }
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
