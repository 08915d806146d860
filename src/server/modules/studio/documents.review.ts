/**
 * A studio document as a reviewable content type (`studio.document`). What reviewers approve is the
 * document's text in each language it prints: its title, its subtitle and its body. The workflow
 * sees one LocalizedText whose status per language is the weakest of those parts, so an Arabic body
 * still in draft keeps the Arabic version from counting as reviewed.
 */
import { type LocalizedText, pickLocalized, TRANSLATION_STATUSES, type TranslationStatus } from '../../../shared/localized-text.js';
import { STUDIO_DOCUMENT_CONTENT_TYPE } from '../../../shared/studio/documents-api.schema.js';
import type { ReviewableContentType } from '../../platform/review/review.registry.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { printedLanguages } from './document-render.js';
import { bodyStatusOf } from './documents.presenter.js';
import { type DocumentRow, findDocumentById } from './documents.repo.js';

const weaker = (a: TranslationStatus, b: TranslationStatus) => (TRANSLATION_STATUSES.indexOf(a) <= TRANSLATION_STATUSES.indexOf(b) ? a : b);

/** Per printed language: the title's value, with the weakest status of title, subtitle and body. */
export function reviewedTextOf(row: DocumentRow): LocalizedText {
  const title = row.title as LocalizedText;
  const subtitle = row.subtitle as LocalizedText;
  const bodies = bodyStatusOf(row);
  const out: LocalizedText = {};
  for (const lang of printedLanguages(row)) {
    const value = title[lang]?.value.trim() ?? '';
    let status: TranslationStatus = value ? (title[lang]?.status ?? 'draft') : 'missing';
    if (subtitle[lang]?.value.trim()) status = weaker(status, subtitle[lang]?.status ?? 'draft');
    status = weaker(status, bodies[lang] ?? 'missing');
    out[lang] = status === 'missing' ? { value: '', status } : { value, status };
  }
  return out;
}

export const studioDocumentContent: ReviewableContentType = {
  type: STUDIO_DOCUMENT_CONTENT_TYPE,
  readPermission: 'studio:read',
  async load(db, workspaceId, id) {
    const row = await findDocumentById(db, workspaceId, id);
    if (!row) return undefined;
    const workspace = await findWorkspaceById(db, workspaceId);
    const [first = 'fr', ...rest] = workspace?.contentLanguages ?? [];
    return {
      languages: reviewedTextOf(row),
      title: pickLocalized(row.title as LocalizedText, first, rest)?.value ?? '',
      link: `/app/w/${workspaceId}/studio/documents/${id}`,
    };
  },
};
