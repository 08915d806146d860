/** What the composer edits before saving, made from the saved issue and turned back into the update it sends. */
import type { ContentLanguage } from '../../../../shared/languages.js';
import type { LocalizedText } from '../../../../shared/localized-text.js';
import type { IssueUpdate } from '../../../../shared/newsletter/issue-api.schema.js';
import type { NewsletterBlock } from '../../../../shared/newsletter/newsletter.schema.js';
import type { IssueDetail } from './issues-api.js';

export interface IssueDraft {
  subject: LocalizedText;
  preheader: LocalizedText;
  blocks: NewsletterBlock[];
  sendMode: 'per_language' | 'bilingual';
  bilingualOrder: [ContentLanguage, ContentLanguage];
  listIds: string[];
  segmentId: string | null;
  utmSource: string;
  utmMedium: string;
  utmCampaign: string;
}

export function draftOf(issue: IssueDetail): IssueDraft {
  const [first = 'ar', second = 'fr'] = issue.bilingualOrder as ContentLanguage[];
  return {
    subject: issue.subject as LocalizedText,
    preheader: issue.preheader as LocalizedText,
    blocks: issue.blocks,
    sendMode: issue.sendMode,
    bilingualOrder: [first, second],
    listIds: issue.listIds,
    segmentId: issue.segmentId,
    utmSource: issue.utmSource,
    utmMedium: issue.utmMedium,
    utmCampaign: issue.utmCampaign,
  };
}

/** Entries as the server stores them (trimmed, empty = missing), so an untouched draft is not "changed". */
function normalized(text: LocalizedText): Record<string, { value: string; status: string }> {
  const out: Record<string, { value: string; status: string }> = {};
  for (const [language, entry] of Object.entries(text)) {
    const value = entry?.value.trim() ?? '';
    if (value) out[language] = { value, status: entry?.status === 'missing' ? 'draft' : (entry?.status ?? 'draft') };
  }
  return out;
}

/** Whether a value looks like a LocalizedText (every entry has a status); `{}` does too. */
function isLocalized(value: unknown): value is LocalizedText {
  return (
    Boolean(value) &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value as object).every((entry) => entry && typeof entry === 'object' && 'status' in entry)
  );
}

function comparable(draft: IssueDraft): string {
  return JSON.stringify(draft, (_key, value) => (isLocalized(value) ? normalized(value) : value));
}

/** Whether the draft differs from what was saved (ignoring empty language entries the editors add). */
export function isDraftChanged(draft: IssueDraft, saved: IssueDraft): boolean {
  return comparable(draft) !== comparable(saved);
}

export function updateOf(draft: IssueDraft, expectedUpdatedAt: string): IssueUpdate {
  return { ...draft, expectedUpdatedAt } as IssueUpdate;
}
