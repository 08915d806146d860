/**
 * One definition of a subscriber's identity and of the email version they get, shared by the forms,
 * the import, the audience queries and the sending engine.
 */
import type { ContentLanguage } from '../languages.js';
import type { Variant } from './newsletter.schema.js';

/** The identity of an address: trimmed, NFC, lower case (the local part too: providers ignore case). */
export function normalizeEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

/** A pragmatic address check (one @, a dot in the domain, no spaces); the SMTP server has the last word. */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/.test(email);
}

/**
 * The variant a subscriber receives. Bilingual mode: everyone gets the bilingual email. Per-language
 * mode: the first of their languages the issue is written in; a subscriber whose languages the issue
 * lacks gets the bilingual email when there is one, else the issue's first language.
 */
export function variantFor(
  subscriberLanguages: readonly string[],
  issue: { sendMode: 'per_language' | 'bilingual'; languages: readonly ContentLanguage[] },
): Variant {
  if (issue.sendMode === 'bilingual') return 'bilingual';
  const match = subscriberLanguages.find((language) => (issue.languages as readonly string[]).includes(language));
  if (match) return match as ContentLanguage;
  return issue.languages.length > 1 ? 'bilingual' : (issue.languages[0] ?? 'fr');
}
