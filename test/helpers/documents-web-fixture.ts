/** A document as the API answers it, for the web unit tests of the documents pages. */

import type { Review } from '../../src/shared/review/review.schema.js';
import type { Asset } from '../../src/shared/studio/assets.schema.js';
import type { Document } from '../../src/shared/studio/documents-api.schema.js';
import { WORKSPACE_ID } from './web-harness.js';

export const DOCUMENT_ID = '77777777-7777-4777-8777-777777777777';
export const ASSET_ID = '88888888-8888-4888-8888-888888888888';

export function documentOf(overrides: Partial<Document> = {}): Document {
  return {
    id: DOCUMENT_ID,
    workspaceId: WORKSPACE_ID,
    title: { ar: { value: 'من أجل اقتصاد تضامني', status: 'draft' }, fr: { value: 'Pour une économie solidaire', status: 'draft' } },
    subtitle: {},
    layout: 'advocacy-brief',
    mode: 'bilingual-sequential',
    languages: ['ar', 'fr'],
    version: 3,
    reviewState: 'draft',
    lastRender: null,
    campaignId: null,
    createdBy: 'user-1',
    createdAt: '2026-04-01T10:00:00.000Z',
    updatedAt: '2026-04-02T15:30:00.000Z',
    bodies: {
      ar: {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'التوصيات' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'تعاونيات صفاقس' },
              { type: 'footnote', attrs: { text: 'المصدر: مسح 2025' } },
            ],
          },
        ],
      },
      fr: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Les coopératives de Sfax.' }] }] },
    },
    bodyStatus: { ar: 'draft', fr: 'translated' },
    cover: { imageAssetId: null },
    warnings: [],
    export: { state: 'idle', requestedAt: null, reason: null },
    digits: 'western',
    ...overrides,
  };
}

export const reviewOf = (): Review => ({
  contentType: 'studio.document',
  contentId: DOCUMENT_ID,
  title: 'Pour une économie solidaire',
  link: `/app/w/${WORKSPACE_ID}/studio/documents/${DOCUMENT_ID}`,
  state: 'draft',
  scheduledFor: null,
  overrideReason: null,
  requiredApprovals: 1,
  approvals: [],
  submittedBy: null,
  languages: [
    { language: 'ar', status: 'draft' },
    { language: 'fr', status: 'translated' },
  ],
  incompleteLanguages: [],
  allowedActions: ['submit'],
  canOverride: false,
  canComment: true,
  events: [],
  comments: [],
});

/** A photo of the asset library consented for print. */
export const pictureOf = (): Asset => ({
  id: ASSET_ID,
  workspaceId: WORKSPACE_ID,
  kind: 'image',
  fileId: '66666666-6666-4666-8666-666666666666',
  thumbnailFileId: '67676767-6767-4767-8767-676767676767',
  contentType: 'image/jpeg',
  byteSize: 182_000,
  originalName: 'atelier-sfax.jpg',
  width: 1600,
  height: 1000,
  title: { fr: { value: 'Atelier de Sfax', status: 'draft' } },
  caption: {},
  alt: { ar: { value: 'نساء في ورشة بصفاقس', status: 'draft' } },
  credit: 'AlterMed',
  licence: '',
  tags: [],
  organisationId: null,
  campaignId: null,
  languages: [],
  showsPeople: true,
  consent: { status: 'valid', usableFor: ['print'], expiresOn: null },
  isArchived: false,
  canEdit: true,
  createdBy: 'user-1',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
});
