/** Helpers for editing LocalizedText in forms: empty values, derived status, and the payload sent. */
import type { ContentLanguage } from '../../shared/languages.js';
import type { LocalizedEntry, LocalizedText, TranslationStatus } from '../../shared/localized-text.js';

/** Statuses a person can choose; `missing` is never chosen, it follows from an empty value. */
export const EDITABLE_STATUSES = ['draft', 'translated', 'reviewed'] as const satisfies readonly TranslationStatus[];

/** The status shown for an entry: `missing` when empty, `draft` when text arrives without a status. */
export function deriveStatus(entry: LocalizedEntry | undefined): TranslationStatus {
  if (!entry || entry.value.trim() === '') return 'missing';
  return entry.status === 'missing' ? 'draft' : entry.status;
}

/** The entry after the person typed `value` in it. */
export function withValue(entry: LocalizedEntry | undefined, value: string): LocalizedEntry {
  const status = value.trim() === '' ? 'missing' : entry && entry.status !== 'missing' ? entry.status : 'draft';
  return { value, status };
}

/** A LocalizedText with every language of the workspace present (loaded values kept). */
export function completeLocalized(
  text: Record<string, { value: string; status: string }> | undefined,
  languages: readonly string[],
): LocalizedText {
  const out: LocalizedText = {};
  for (const language of languages) {
    const entry = text?.[language];
    out[language as ContentLanguage] = { value: entry?.value ?? '', status: deriveStatus(entry as LocalizedEntry | undefined) };
  }
  return out;
}

/** Badge colours per status, dark enough for white text to keep a 4.5:1 contrast. */
export const STATUS_COLOR: Record<TranslationStatus, string> = {
  missing: 'red.9',
  draft: 'gray.7',
  translated: 'blue.9',
  reviewed: 'teal.9',
};
