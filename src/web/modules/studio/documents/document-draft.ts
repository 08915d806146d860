/**
 * What the document page edits (title, layout, mode, language order, bodies and their statuses) and
 * the update that sends only what changed since the last accepted save.
 */
import type { LocalizedText, TranslationStatus } from '../../../../shared/localized-text.js';
import type { DocumentBody, DocumentLayout, DocumentMode } from '../../../../shared/studio/documents.schema.js';
import type { Document, DocumentLanguageCode, DocumentUpdate } from '../../../../shared/studio/documents-api.schema.js';
import { completeLocalized } from '../../../components/localized-text.js';

export const DOCUMENT_LANGUAGES = ['ar', 'fr'] as const satisfies readonly DocumentLanguageCode[];

export interface DocumentDraft {
  title: LocalizedText;
  subtitle: LocalizedText;
  /** The cover's picture (asset library), or null. */
  coverAssetId: string | null;
  layout: DocumentLayout;
  mode: DocumentMode;
  /** Print order of a bilingual document. */
  order: DocumentLanguageCode[];
  bodies: Partial<Record<DocumentLanguageCode, DocumentBody>>;
  bodyStatus: Partial<Record<DocumentLanguageCode, TranslationStatus>>;
}

export function draftOf(document: Document): DocumentDraft {
  const order =
    document.languages.length === 2
      ? [...document.languages]
      : [...document.languages, ...DOCUMENT_LANGUAGES.filter((l) => !document.languages.includes(l))];
  return {
    title: completeLocalized(document.title, DOCUMENT_LANGUAGES),
    subtitle: completeLocalized(document.subtitle, DOCUMENT_LANGUAGES),
    coverAssetId: document.cover.imageAssetId,
    layout: document.layout,
    mode: document.mode,
    order,
    bodies: { ...document.bodies },
    bodyStatus: { ...document.bodyStatus },
  };
}

/** The languages a mode shows, in print order. */
export function languagesOf(draft: Pick<DocumentDraft, 'mode' | 'order'>): DocumentLanguageCode[] {
  if (draft.mode === 'ar' || draft.mode === 'fr') return [draft.mode];
  return draft.order;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of `draft` that differ from `sent` (the last draft the server accepted); null when none. */
export function changesOf(draft: DocumentDraft, sent: DocumentDraft): Omit<DocumentUpdate, 'version'> | null {
  const update: Omit<DocumentUpdate, 'version'> = {};
  if (!same(draft.title, sent.title)) update.title = draft.title;
  if (!same(draft.subtitle, sent.subtitle)) update.subtitle = draft.subtitle;
  if (draft.coverAssetId !== sent.coverAssetId) update.cover = { imageAssetId: draft.coverAssetId };
  if (draft.layout !== sent.layout) update.layout = draft.layout;
  if (draft.mode !== sent.mode) update.mode = draft.mode;
  if (!same(draft.order, sent.order) || draft.mode !== sent.mode) {
    if (draft.mode === 'ar' || draft.mode === 'fr') update.languages = [draft.mode];
    else update.languages = draft.order;
  }
  const bodies: NonNullable<DocumentUpdate['bodies']> = {};
  for (const language of DOCUMENT_LANGUAGES) {
    if (!same(draft.bodies[language], sent.bodies[language]) && draft.bodies[language]) bodies[language] = draft.bodies[language];
  }
  if (Object.keys(bodies).length > 0) update.bodies = bodies;
  if (!same(draft.bodyStatus, sent.bodyStatus)) update.bodyStatus = draft.bodyStatus;
  return Object.keys(update).length > 0 ? update : null;
}
