import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Design, DesignTemplate } from '../../../../shared/studio/designs.schema.js';
import { DesignsPage } from './designs-list.page.js';

const WAIT = { timeout: 8000 };

const story: DesignTemplate = {
  name: 'story',
  title: { fr: 'Story (1080 × 1920)', ar: 'قصة (1080 × 1920)', en: 'Story (1080 × 1920)' },
  description: { fr: '', ar: '', en: '' },
  variants: ['ar', 'fr', 'bilingual'],
  png: { width: 1080, height: 1920 },
  paper: null,
  formats: ['png', 'pdf'],
  use: 'social',
  fields: [{ key: 'title', kind: 'localizedText', required: true, maxLength: 140, multiline: false, slot: null }],
};

const saved: Design = {
  id: '99999999-9999-4999-8999-999999999999',
  workspaceId: WORKSPACE_ID,
  title: 'منتدى صفاقس — story',
  template: 'story',
  variant: 'ar',
  data: {},
  assetIds: [],
  campaignId: null,
  createdBy: 'user-1',
  createdAt: '2026-04-01T10:00:00.000Z',
  updatedAt: '2026-04-01T10:00:00.000Z',
  assetProblems: { 'data.image': 'CONSENT_NOT_VALID' },
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/designs/templates')) return { body: { items: [story] } };
  if (path.endsWith('/designs') && call.method === 'POST')
    return { status: 201, body: { ...saved, id: '12121212-1212-4121-8121-121212121212' } };
  if (path.endsWith('/designs')) return { body: { items: [saved], nextCursor: null } };
  return undefined;
}

describe('designs page', { timeout: 30_000 }, () => {
  it('shows saved designs with their thumbnail, variant and a warning for an image to replace', async () => {
    renderPage({ pattern: '/w/:workspaceId/studio', path: `/w/${WORKSPACE_ID}/studio`, component: DesignsPage, api });
    const card = await screen.findByTestId('design-card', {}, WAIT);
    expect(card.textContent).toContain('منتدى صفاقس — story');
    expect(card.textContent).toContain('Arabe d’abord');
    expect(card.textContent).toContain('Image à remplacer');
    expect(card.querySelector('img')?.getAttribute('src')).toContain(`/designs/${saved.id}/thumbnail`);
    expect(screen.getByText('1 visuel affiché')).toBeTruthy();
  });

  it('creates a design from a template chosen by its picture, then opens it', async () => {
    const { calls, location } = renderPage({
      pattern: '/w/:workspaceId/studio',
      path: `/w/${WORKSPACE_ID}/studio`,
      component: DesignsPage,
      api,
    });
    await screen.findByTestId('design-card', {}, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau visuel' }));
    const card = await screen.findByTestId('template-story', {}, WAIT);
    expect(card.querySelector('img')?.getAttribute('src')).toContain('/templates/story/thumbnail?variant=bilingual');
    fireEvent.click(card);
    fireEvent.click(screen.getByRole('button', { name: 'Créer le visuel' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true), WAIT);
    const sent = JSON.parse(String(calls.find((call) => call.method === 'POST')?.body));
    expect(sent).toMatchObject({ template: 'story', variant: 'bilingual', data: {} });
    expect(sent.title).toContain('Story (1080 × 1920) — ');
    await waitFor(
      () => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/studio/designs/12121212-1212-4121-8121-121212121212`),
      WAIT,
    );
  });
});
