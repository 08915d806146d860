/**
 * What the studio documents tests share: the designs fixture's workspace (members of each role, an
 * outsider, library images with and without consent for print), a reviewer, and short calls for
 * the documents API.
 */
import { expect } from 'vitest';
import type { BlockNode, DocumentBody, DocumentMark } from '../../src/shared/studio/documents.schema.js';
import { createDesignsFixture, type DesignsFixture } from './designs-fixture.js';
import type { Session } from './test-app.js';

export interface DocumentsFixture extends DesignsFixture {
  reviewer: Session;
  documentsUrl(suffix?: string): string;
  create(body?: Record<string, unknown>, session?: Session): Promise<DocumentJson>;
  patch(id: string, body: Record<string, unknown>, session?: Session): Promise<import('fastify').LightMyRequestResponse>;
  get(id: string, session?: Session): Promise<DocumentJson>;
}

export type DocumentJson = Record<string, unknown> & {
  id: string;
  version: number;
  reviewState: string;
  warnings: Array<{ code: string; assetId: string; where: string[]; assetTitle: string | null; expiresOn: string | null }>;
  lastRender: null | { fileId: string; pages: number; version: number; isCurrent: boolean; downloadUrl: string };
  export: { state: string; reason: string | null };
};

export const text = (value: string, marks?: DocumentMark[]) => ({
  type: 'text' as const,
  text: value,
  ...(marks ? { marks } : {}),
});
export const paragraph = (value: string): BlockNode => ({ type: 'paragraph', content: [text(value)] });
export const heading = (value: string, level: 1 | 2 | 3 = 1): BlockNode => ({ type: 'heading', attrs: { level }, content: [text(value)] });
export const image = (assetId: string): BlockNode => ({ type: 'image', attrs: { assetId, alt: 'photo' } });
export const doc = (...content: BlockNode[]): DocumentBody => ({ type: 'doc', content });

export const AR_TEXT = 'تدعو شبكة ألترميد إلى الاعتراف القانوني بالمقاولة الجماعية في بلدان البحر الأبيض المتوسط';
export const FR_TEXT = 'Le réseau AlterMed demande la reconnaissance juridique de l’entrepreneuriat collectif en Méditerranée';

export async function createDocumentsFixture(): Promise<DocumentsFixture> {
  const base = await createDesignsFixture();
  const { t, workspaceId } = base;
  const reviewer = await t.signIn((await t.make.member(workspaceId, 'reviewer')).email);
  const documentsUrl = (suffix = '') => `/api/workspaces/${workspaceId}/studio/documents${suffix}`;
  const fixture: DocumentsFixture = {
    ...base,
    reviewer,
    documentsUrl,
    async create(body = {}, session = base.contributor) {
      const response = await t.request(session, {
        method: 'POST',
        url: documentsUrl(),
        payload: {
          title: { ar: { value: 'من أجل اقتصاد تضامني', status: 'draft' }, fr: { value: 'Pour une économie solidaire', status: 'draft' } },
          layout: 'advocacy-brief',
          mode: 'bilingual-sequential',
          ...body,
        },
      });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    },
    patch(id, body, session = base.contributor) {
      return t.request(session, { method: 'PATCH', url: documentsUrl(`/${id}`), payload: body });
    },
    async get(id, session = base.viewer) {
      const response = await t.request(session, { method: 'GET', url: documentsUrl(`/${id}`) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    },
  };
  return fixture;
}
