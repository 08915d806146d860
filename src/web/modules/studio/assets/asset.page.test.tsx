import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Asset, AssetUsage } from '../../../../shared/studio/assets.schema.js';
import { AssetPage } from './asset.page.js';

const ASSET_ID = '55555555-5555-4555-8555-555555555555';

const asset: Asset = {
  id: ASSET_ID,
  workspaceId: WORKSPACE_ID,
  kind: 'image',
  fileId: '66666666-6666-4666-8666-666666666666',
  thumbnailFileId: '77777777-7777-4777-8777-777777777777',
  contentType: 'image/jpeg',
  byteSize: 182_000,
  originalName: 'formation-oran.jpg',
  width: 1600,
  height: 1000,
  title: { fr: { value: 'Formation des jeunes à Oran', status: 'draft' }, ar: { value: 'تكوين الشباب في وهران', status: 'draft' } },
  caption: {},
  alt: {},
  credit: 'AFVE',
  licence: '',
  tags: ['formation'],
  organisationId: null,
  campaignId: null,
  languages: [],
  showsPeople: true,
  consent: { status: 'expired', usableFor: [], expiresOn: '2026-01-31' },
  isArchived: false,
  canEdit: false,
  createdBy: 'user-2',
  createdAt: '2026-01-01T10:00:00.000Z',
  updatedAt: '2026-01-01T10:00:00.000Z',
};

const usage: AssetUsage = {
  designs: [
    {
      id: '88888888-8888-4888-8888-888888888888',
      title: 'Carte réseaux sociaux',
      template: 'social-post',
      updatedAt: '2026-02-01T10:00:00.000Z',
    },
  ],
  documents: [],
  warning: 'CONSENT_EXPIRED',
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/studio/assets/${ASSET_ID}/usage`)) return { body: usage };
  if (path.endsWith(`/studio/assets/${ASSET_ID}/consents`)) return { body: { items: [] } };
  if (path.endsWith(`/studio/assets/${ASSET_ID}`)) return { body: asset };
  if (path.endsWith('/organisations') || path.endsWith('/campaigns'))
    return { body: { items: [], nextCursor: null, total: 0, isTotalCapped: false } };
  return undefined;
}

const show = (role: 'viewer' | 'contributor') =>
  renderPage({
    pattern: '/w/:workspaceId/studio/assets/:assetId',
    path: `/w/${WORKSPACE_ID}/studio/assets/${ASSET_ID}`,
    component: AssetPage,
    api,
    workspace: { role },
  });

// The page is large (metadata per language side by side): jsdom takes seconds to lay it out on a busy machine.
describe('asset page', { timeout: 30_000 }, () => {
  it('warns that a used photo has an expired consent, and lists where it is used', async () => {
    show('contributor');
    expect(await screen.findByRole('heading', { level: 1, name: 'Formation des jeunes à Oran' }, { timeout: 15_000 })).toBeTruthy();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Accord expiré pour un fichier utilisé');
    expect(alert.textContent).toContain('utilisé à 1 endroit');
    expect(screen.getByText(/Carte réseaux sociaux/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Télécharger' }).getAttribute('href')).toBe(
      `/api/workspaces/${WORKSPACE_ID}/studio/assets/${ASSET_ID}/download`,
    );
  });

  it('keeps consent records (they name people) from a viewer, who sees only the state', async () => {
    const { calls } = show('viewer');
    await screen.findByRole('heading', { level: 1 }, { timeout: 15_000 });
    await waitFor(() => expect(screen.getAllByText('Accord expiré').length).toBeGreaterThan(0));
    expect(calls.some((call) => call.url.pathname.endsWith('/consents'))).toBe(false);
    expect(screen.queryByRole('button', { name: 'Ajouter un accord' })).toBeNull();
  });
});
