/**
 * Merge values for emails no subscriber receives: a sample subscriber for previews and test sends
 * (links to a harmless "this is a test" page), and neutral values for the public archive (every
 * field falls back, links go to the sign-up page).
 */
import { compileMergeTemplate, escapeHtml, type MergeValues } from '../../../../shared/newsletter/merge-fields.js';
import type { RenderedVariant } from './issue-render.js';

/** Where a test email's unsubscribe and preferences links lead: a page that only says it is a test. */
export const TEST_LINK_PATH = '/n/test-link';

const SAMPLES: Record<string, { name: string; firstName: string; email: string; organisation: string; country: string }> = {
  ar: { name: 'سلمى بنعلي', firstName: 'سلمى', email: 'salma@example.org', organisation: 'جمعية الأمل', country: 'MA' },
  fr: { name: 'Camille Martin', firstName: 'Camille', email: 'camille@example.org', organisation: 'Association Horizons', country: 'FR' },
  en: { name: 'Sam Taylor', firstName: 'Sam', email: 'sam@example.org', organisation: 'Horizons Network', country: 'TN' },
};

/** The sample subscriber, in the language of the variant's first section. */
export function sampleMergeValues(language: string, publicUrl: string): MergeValues {
  const sample = SAMPLES[language] ?? (SAMPLES.fr as (typeof SAMPLES)[string]);
  const testLink = `${publicUrl}${TEST_LINK_PATH}?lang=${encodeURIComponent(language)}`;
  return {
    name: sample.name,
    first_name: sample.firstName,
    email: sample.email,
    organisation: sample.organisation,
    country: sample.country,
    unsubscribe_url: testLink,
    preferences_url: testLink,
    archive_url: `${publicUrl}/newsletter/archive?lang=${encodeURIComponent(language)}`,
  };
}

/** Nobody in particular: every field shows its fallback; per-person links lead to the sign-up page. */
export function neutralMergeValues(language: string, publicUrl: string): MergeValues {
  const signUp = `${publicUrl}/newsletter?lang=${encodeURIComponent(language)}`;
  return {
    unsubscribe_url: signUp,
    preferences_url: signUp,
    archive_url: `${publicUrl}/newsletter/archive?lang=${encodeURIComponent(language)}`,
  };
}

/** A rendered variant with its merge fields filled (HTML values escaped, text values as they are). */
export function fillVariant(variant: RenderedVariant, values: MergeValues): RenderedVariant {
  return {
    subject: compileMergeTemplate(variant.subject)(values),
    html: compileMergeTemplate(variant.html)(values, escapeHtml),
    text: compileMergeTemplate(variant.text)(values),
  };
}
