/** Languages of the interface (catalogs exist for each) and of content. */
export const UI_LOCALES = ['fr', 'ar', 'en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** Content languages a workspace may enable; more can be added here (X1). */
export const CONTENT_LANGUAGES = ['ar', 'fr', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** Direction is derived from the language, never stored (DESIGN: bilingual content model). */
export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL.has(language.split('-')[0] ?? language) ? 'rtl' : 'ltr';
}

/** Picks the best interface locale from an Accept-Language header or a stored preference. */
export function pickUiLocale(...candidates: Array<string | undefined | null>): UiLocale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const tag = part.split(';')[0]?.trim().toLowerCase().split('-')[0];
      if (tag && (UI_LOCALES as readonly string[]).includes(tag)) return tag as UiLocale;
    }
  }
  return 'fr';
}
