import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_ID, documentOf } from '../../../../../test/helpers/documents-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { DocumentSummary } from '../../../../shared/studio/documents-api.schema.js';
import { StudioDocumentsPage } from './documents-list.page.js';

const WAIT = { timeout: 8000 };
const CREATED_ID = '12121212-1212-4121-8121-121212121212';

const {
  bodies: _bodies,
  bodyStatus: _status,
  cover: _cover,
  warnings: _warnings,
  export: _export,
  digits: _digits,
  ...summary
} = documentOf({
  reviewState: 'in_review',
  lastRender: { fileId: DOCUMENT_ID, pages: 2, renderedAt: '2026-04-02T15:00:00.000Z', version: 3, isCurrent: true, downloadUrl: '/x.pdf' },
});
const brief: DocumentSummary = summary;
const sheet: DocumentSummary = {
  ...brief,
  id: '99999999-9999-4999-8999-999999999999',
  title: { fr: { value: 'Fiche Oran', status: 'draft' } },
  layout: 'fact-sheet',
  mode: 'fr',
  languages: ['fr'],
  reviewState: 'draft',
  lastRender: null,
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/studio/documents') && call.method === 'POST') return { status: 201, body: documentOf({ id: CREATED_ID }) };
  if (path.endsWith('/studio/documents')) {
    const q = call.url.searchParams.get('q');
    return { body: { items: q ? [sheet] : [brief, sheet], nextCursor: null } };
  }
  return undefined;
}

const show = () =>
  renderPage({
    pattern: '/w/:workspaceId/studio/documents',
    path: `/w/${WORKSPACE_ID}/studio/documents`,
    component: StudioDocumentsPage,
    api,
  });

describe('documents list page', { timeout: 30_000 }, () => {
  it('lists documents with their layout, languages, review state and last change in French dates', async () => {
    show();
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(2), WAIT);
    const [first, second] = screen.getAllByTestId('document-row');
    expect(first?.textContent).toContain('Pour une économie solidaire');
    expect(first?.textContent).toContain('Note de plaidoyer');
    expect(first?.textContent).toContain('Arabe · Français');
    expect(first?.textContent).toContain('modifié le 2 avr. 2026');
    expect(first?.textContent).toContain('En relecture');
    expect(first?.textContent).toContain('PDF de 2 pages');
    expect(second?.textContent).toContain('Fiche d’information');
    expect(second?.textContent).not.toContain('Arabe');
    expect(screen.getByText('2 documents affichés')).toBeTruthy();
    expect(
      within(first as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toContain(`/studio/documents/${DOCUMENT_ID}`);
  });

  it('searches titles in any language', async () => {
    const { calls } = show();
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(2), WAIT);
    fireEvent.change(screen.getByLabelText('Rechercher un titre'), { target: { value: 'وهران' } });
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(1), WAIT);
    expect(calls.some((call) => call.url.searchParams.get('q') === 'وهران')).toBe(true);
  });

  it('creates a document with its titles, mode and layout, then opens it', async () => {
    const { calls, location } = show();
    await waitFor(() => expect(screen.getAllByTestId('document-row')).toHaveLength(2), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau document' }));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Titre du document \(العربية/ }), { target: { value: 'ورقة مناصرة' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Titre du document \(Français/ }), {
      target: { value: 'Note de plaidoyer' },
    });
    fireEvent.click(within(dialog).getByRole('radio', { name: /Rapport d’étude/ }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Créer le document' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST')).toBe(true), WAIT);
    const sent = JSON.parse(String(calls.find((call) => call.method === 'POST')?.body));
    expect(sent).toMatchObject({ layout: 'research-report', mode: 'bilingual-sequential' });
    expect(sent.title.ar.value).toBe('ورقة مناصرة');
    expect(sent.title.fr.value).toBe('Note de plaidoyer');
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/studio/documents/${CREATED_ID}`), WAIT);
  });
});
