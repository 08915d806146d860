/** Shapes studio document rows for the API (explicit response shape, STYLE G3). */
import type { TranslationStatus } from '../../../shared/localized-text.js';
import type { ReviewState } from '../../../shared/review/review.schema.js';
import type { DocumentBody, DocumentDigits, DocumentLayout, DocumentMode } from '../../../shared/studio/documents.schema.js';
import type {
  DocumentLanguageCode,
  DocumentLastRender,
  DocumentOut,
  DocumentSummary,
  DocumentWarning,
} from '../../../shared/studio/documents-api.schema.js';
import { bodiesOf, printedLanguages, settingsOf } from './document-render.js';
import type { DocumentRow } from './documents.repo.js';

/** Same-origin address of a document's last exported PDF (`v` changes with every export). */
export function downloadUrlOf(row: Pick<DocumentRow, 'workspaceId' | 'id'>, fileId: string): string {
  return `/api/workspaces/${row.workspaceId}/studio/documents/${row.id}/download?v=${fileId}`;
}

function lastRenderOf(row: DocumentRow): DocumentLastRender | null {
  if (!row.lastRenderFileId || !row.lastRenderedAt) return null;
  const version = row.lastRenderVersion ?? 0;
  return {
    fileId: row.lastRenderFileId,
    pages: row.lastRenderPages ?? 0,
    renderedAt: row.lastRenderedAt.toISOString(),
    version,
    isCurrent: version === row.version,
    downloadUrl: downloadUrlOf(row, row.lastRenderFileId),
  };
}

export function presentDocumentSummary(row: DocumentRow, reviewState: string | null): DocumentSummary {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    title: row.title as DocumentSummary['title'],
    subtitle: row.subtitle as DocumentSummary['subtitle'],
    layout: row.layout as DocumentLayout,
    mode: row.mode as DocumentMode,
    languages: printedLanguages(row),
    version: row.version,
    reviewState: (reviewState ?? 'draft') as ReviewState,
    lastRender: lastRenderOf(row),
    campaignId: row.campaignId,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Translation status of each written body (`missing` for a language without text). */
export function bodyStatusOf(row: DocumentRow): Partial<Record<DocumentLanguageCode, TranslationStatus>> {
  const bodies = bodiesOf(row);
  const stored = settingsOf(row).bodyStatus ?? {};
  const out: Partial<Record<DocumentLanguageCode, TranslationStatus>> = {};
  for (const lang of ['ar', 'fr'] as const) {
    if (!bodies[lang]) continue;
    out[lang] = hasText(bodies[lang]) ? ((stored[lang] as TranslationStatus | undefined) ?? 'draft') : 'missing';
  }
  return out;
}

/** Whether a body has any text or image. */
export function hasText(body: DocumentBody | undefined): boolean {
  const stack: unknown[] = [...(body?.content ?? [])];
  while (stack.length > 0) {
    const node = stack.pop() as { type?: string; text?: string; content?: unknown[] };
    if (node?.type === 'image' || (typeof node?.text === 'string' && node.text.trim() !== '')) return true;
    if (Array.isArray(node?.content)) stack.push(...node.content);
  }
  return false;
}

export function presentDocument(
  row: DocumentRow,
  extra: { reviewState: string | null; warnings: DocumentWarning[]; digits: DocumentDigits },
): DocumentOut {
  const settings = settingsOf(row);
  const bodies = bodiesOf(row);
  return {
    ...presentDocumentSummary(row, extra.reviewState),
    // Stored bodies were validated by DocumentBodySchema on the way in.
    bodies: { ...(bodies.ar ? { ar: bodies.ar } : {}), ...(bodies.fr ? { fr: bodies.fr } : {}) } as DocumentOut['bodies'],
    bodyStatus: bodyStatusOf(row),
    cover: { imageAssetId: settings.cover?.imageAssetId ?? null },
    warnings: extra.warnings,
    export: {
      state: row.exportRequestedAt ? 'queued' : row.exportError ? 'failed' : 'idle',
      requestedAt: row.exportRequestedAt?.toISOString() ?? null,
      reason: row.exportError,
    },
    digits: extra.digits,
  };
}

/** What the audit log keeps of a document: its settings and the size of each body, not the text. */
export function auditedDocument(row: DocumentRow) {
  const bodies = bodiesOf(row);
  return {
    title: row.title,
    subtitle: row.subtitle,
    layout: row.layout,
    mode: row.mode,
    settings: row.settings,
    campaignId: row.campaignId,
    version: row.version,
    bodyCharacters: Object.fromEntries(
      (['ar', 'fr'] as const).filter((lang) => bodies[lang]).map((lang) => [lang, JSON.stringify(bodies[lang]).length]),
    ),
  };
}
