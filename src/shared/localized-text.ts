/**
 * LocalizedText: the one shape of every user-facing text field (DESIGN: bilingual content model).
 * One entry per content language, each with its own status. Stored as jsonb, validated by one schema.
 */
import { z } from 'zod';
import { CONTENT_LANGUAGES, type ContentLanguage } from './languages.js';

export const TRANSLATION_STATUSES = ['missing', 'draft', 'translated', 'reviewed'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export const LocalizedEntrySchema = z.strictObject({
  value: z.string(),
  status: z.enum(TRANSLATION_STATUSES),
});
export type LocalizedEntry = z.infer<typeof LocalizedEntrySchema>;

export type LocalizedText = Partial<Record<ContentLanguage, LocalizedEntry>>;

/** Trims values and derives `missing` for empty ones, so status and value never disagree. */
function normalizeEntries(text: LocalizedText): LocalizedText {
  const out: LocalizedText = {};
  for (const [language, entry] of Object.entries(text) as Array<[ContentLanguage, LocalizedEntry]>) {
    const value = entry.value.normalize('NFC').trim();
    out[language] = { value, status: value === '' ? 'missing' : entry.status === 'missing' ? 'draft' : entry.status };
  }
  return out;
}

/**
 * Schema for a localized field. `required` asks for at least one language with a value;
 * `maxLength` bounds each value.
 */
export function localizedTextSchema(options: { required?: boolean; maxLength?: number } = {}) {
  const { required = false, maxLength = 500 } = options;
  const entry = z.strictObject({
    value: z.string().max(maxLength, { message: 'TOO_LONG' }),
    status: z.enum(TRANSLATION_STATUSES),
  });
  return z
    .partialRecord(z.enum(CONTENT_LANGUAGES), entry)
    .transform((text) => normalizeEntries(text as LocalizedText))
    .refine((text) => !required || Object.values(text).some((entry) => entry && entry.value !== ''), {
      message: 'LOCALIZED_REQUIRED',
    });
}

/** The value to show in `language`, falling back through the workspace's languages, then any. */
export function pickLocalized(
  text: LocalizedText | null | undefined,
  language: string,
  fallbacks: readonly string[] = [],
): { value: string; language: string } | undefined {
  if (!text) return undefined;
  for (const candidate of [language, ...fallbacks, ...Object.keys(text)]) {
    const entry = text[candidate as ContentLanguage];
    if (entry?.value) return { value: entry.value, language: candidate };
  }
  return undefined;
}

/** Builds a LocalizedText from plain values (seeds, imports, tests). */
export function localized(values: Partial<Record<ContentLanguage, string>>, status: TranslationStatus = 'reviewed'): LocalizedText {
  const out: LocalizedText = {};
  for (const [language, value] of Object.entries(values) as Array<[ContentLanguage, string]>) {
    out[language] = { value, status: value ? status : 'missing' };
  }
  return out;
}

/**
 * Folds Arabic and Latin text for search: case, Latin accents, Arabic diacritics (tashkeel),
 * tatweel, and the letter variants people type interchangeably (أ إ آ ٱ → ا, ى → ي, ة → ه).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, '')
    .replace(/\u0640/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** All values of a localized text folded into one searchable string. */
export function searchTextOf(...texts: Array<LocalizedText | string | null | undefined>): string {
  const parts: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    if (typeof text === 'string') parts.push(text);
    else for (const entry of Object.values(text)) if (entry?.value) parts.push(entry.value);
  }
  return foldForSearch(parts.join(' '));
}
