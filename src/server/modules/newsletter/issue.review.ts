/**
 * A newsletter issue as a reviewable content type. What reviewers approve is the issue's text in
 * each language: the subject, the preheader and every text of every block. The workflow sees one
 * LocalizedText whose status per language is the weakest of those parts, so one missing or
 * unreviewed Arabic text (a button label, an image's alt text) blocks scheduling.
 */
import { CONTENT_LANGUAGES, type ContentLanguage } from '../../../shared/languages.js';
import { type LocalizedText, pickLocalized, TRANSLATION_STATUSES, type TranslationStatus } from '../../../shared/localized-text.js';
import { NEWSLETTER_ISSUE_CONTENT_TYPE } from '../../../shared/newsletter/issue-api.schema.js';
import type { LeafBlock, NewsletterBlock } from '../../../shared/newsletter/newsletter.schema.js';
import type { ReviewableContentType } from '../../platform/review/review.registry.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findIssueById, type NewsletterIssueRow } from './issues.repo.js';

/** The texts of a leaf block a reader sees (links are not reviewed text). */
function leafTexts(block: LeafBlock): Array<LocalizedText | undefined> {
  switch (block.type) {
    case 'heading':
    case 'text':
      return [block.text];
    case 'image':
      return [block.alt, block.caption];
    case 'button':
      return [block.label];
    case 'article':
      return [block.title, block.summary];
    case 'event':
      return [block.title, block.place];
    case 'divider':
      return [];
    default: {
      const unknown: never = block;
      throw new Error(`Unknown block ${JSON.stringify(unknown)}`);
    }
  }
}

export function blockTexts(blocks: readonly NewsletterBlock[]): LocalizedText[] {
  const leaves = blocks.flatMap((block) => (block.type === 'columns' ? block.columns.flat() : [block]));
  return leaves.flatMap(leafTexts).filter((text): text is LocalizedText => Boolean(text));
}

const hasValue = (text: LocalizedText) => Object.values(text).some((entry) => entry?.value.trim());

/**
 * One LocalizedText for the whole issue: per language, the weakest status of every text used in
 * any language (a text written in French only counts as missing in Arabic); the value is the
 * subject there, or empty when something is missing.
 */
export function reviewedTextOf(issue: Pick<NewsletterIssueRow, 'subject' | 'preheader' | 'blocks'>): LocalizedText {
  const parts = [issue.subject, issue.preheader, ...blockTexts(issue.blocks)].filter(hasValue);
  const out: LocalizedText = {};
  if (parts.length === 0) return out;
  for (const language of CONTENT_LANGUAGES) {
    let weakest: TranslationStatus = 'reviewed';
    for (const part of parts) {
      const entry = part[language];
      const status: TranslationStatus = entry?.value.trim() ? entry.status : 'missing';
      if (TRANSLATION_STATUSES.indexOf(status) < TRANSLATION_STATUSES.indexOf(weakest)) weakest = status;
    }
    const value = issue.subject[language]?.value.trim() || parts.map((part) => part[language]?.value.trim()).find(Boolean) || '';
    out[language as ContentLanguage] = weakest === 'missing' ? { value: '', status: 'missing' } : { value, status: weakest };
  }
  return out;
}

export const newsletterIssueContent: ReviewableContentType = {
  type: NEWSLETTER_ISSUE_CONTENT_TYPE,
  readPermission: 'newsletter:read',
  async load(db, workspaceId, id) {
    const row = await findIssueById(db, workspaceId, id);
    if (!row) return undefined;
    const workspace = await findWorkspaceById(db, workspaceId);
    const [first = 'fr', ...rest] = workspace?.contentLanguages ?? [];
    return {
      languages: reviewedTextOf(row),
      title: pickLocalized(row.subject as LocalizedText, first, rest)?.value ?? '',
      link: `/app/w/${workspaceId}/newsletter/issues/${id}`,
    };
  },
};
