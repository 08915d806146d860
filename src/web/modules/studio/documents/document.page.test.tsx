import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ASSET_ID, DOCUMENT_ID, documentOf, pictureOf, reviewOf } from '../../../../../test/helpers/documents-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { DocumentBodySchema } from '../../../../shared/studio/documents.schema.js';
import type { Document } from '../../../../shared/studio/documents-api.schema.js';
import { StudioDocumentPage } from './document.page.js';

/** Autosave and the preview wait for typing to rest, then for the server: generous (no timing is asserted). */
const WAIT = { timeout: 8000 };
const BASE = `/api/workspaces/${WORKSPACE_ID}/studio/documents/${DOCUMENT_ID}`;

/** Gives the preview panel a width, as a browser's layout would (jsdom measures nothing). */
class SizedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target, contentRect: { width: 400, height: 600 }, borderBoxSize: [{ inlineSize: 400, blockSize: 600 }] }] as never,
      this as never,
    );
  }
  unobserve() {}
  disconnect() {}
}

let stored: Document;
let patchAnswers: Array<{ status: number; body: unknown }>;

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/reviews/studio.document/${DOCUMENT_ID}`)) return { body: reviewOf() };
  if (path === `${BASE}/export`)
    return { body: { state: 'ready', fileId: ASSET_ID, pages: 2, downloadUrl: `${BASE}/download`, version: stored.version, warnings: [] } };
  if (path === BASE && call.method === 'PATCH') {
    const answer = patchAnswers.shift();
    if (answer) return answer;
    const update = JSON.parse(String(call.body));
    stored = { ...stored, ...update, bodies: { ...stored.bodies, ...update.bodies }, version: stored.version + 1 };
    return { body: stored };
  }
  if (path === BASE) return { body: stored };
  if (path.endsWith('/studio/assets')) return { body: { items: [pictureOf()], nextCursor: null } };
  return undefined;
}

const patches = (calls: ApiCall[]) => calls.filter((call) => call.method === 'PATCH').map((call) => JSON.parse(String(call.body)));
/** The tiptap editor behind an editable area (tiptap keeps it on its DOM node). */
const editorOf = (language: 'ar' | 'fr') => (screen.getByTestId(`document-editor-${language}`) as unknown as { editor: Editor }).editor;

function show(role: 'officer' | 'viewer' = 'officer') {
  const view = renderPage({
    pattern: '/w/:workspaceId/studio/documents/:documentId',
    path: `/w/${WORKSPACE_ID}/studio/documents/${DOCUMENT_ID}`,
    component: StudioDocumentPage,
    api,
    workspace: { role },
  });
  // The preview is a PNG with its page count in a header, which the JSON harness cannot answer.
  const harness = globalThis.fetch;
  vi.stubGlobal('fetch', async (input: string, init?: RequestInit) => {
    if (!String(input).includes('/preview.png')) return harness(input, init);
    view.calls.push({ method: 'GET', url: new URL(input, 'http://tawasul.test'), body: null });
    return new Response('png', { headers: { 'content-type': 'image/png', 'x-page-count': '3' } });
  });
  return view;
}

beforeEach(() => {
  // ProseMirror scrolls the cursor into view with ranges' rectangles, which jsdom does not compute.
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
  stored = documentOf();
  patchAnswers = [];
  let next = 0;
  vi.stubGlobal('ResizeObserver', SizedResizeObserver);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => `blob:page-${++next}`, revokeObjectURL: () => {} }));
});

describe('document page', { timeout: 30_000 }, () => {
  it('opens one editor per language, Arabic right to left, with the toolbar named in the interface language', async () => {
    show();
    const arabic = await screen.findByRole('textbox', { name: 'Texte en arabe' }, WAIT);
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(arabic.textContent).toContain('التوصيات');
    const french = screen.getByRole('textbox', { name: 'Texte en français' });
    expect(french.getAttribute('dir')).toBe('ltr');
    const toolbar = screen.getByRole('toolbar', { name: 'Mise en forme du texte en arabe' });
    for (const name of [
      'Gras',
      'Italique',
      'Titre de niveau 1',
      'Liste numérotée',
      'Encadré',
      'Ajouter une note de bas de page',
      'Insérer un tableau',
    ]) {
      expect(within(toolbar).getByRole('button', { name }), name).toBeTruthy();
    }
    // The footnote is listed under its editor, numbered, with its text.
    expect(screen.getByTestId('document-footnotes-ar').textContent).toContain('المصدر: مسح 2025');
    // The five layouts, each described; the document's is chosen.
    expect((screen.getByRole('radio', { name: /Note de plaidoyer/ }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getAllByRole('radio', { name: /./ }).filter((radio) => radio.closest('[data-testid^="layout-"]')).length).toBe(5);
  });

  it('autosaves what is typed with the version it loaded, as a body the schema accepts', async () => {
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en français' }, WAIT);
    editorOf('fr').chain().focus('end').insertContent(' Trois recommandations.').run();
    editorOf('fr').chain().focus('end').toggleBold().insertContent(' Urgent').run();
    await waitFor(() => expect(patches(calls)).toHaveLength(1), WAIT);
    const sent = patches(calls)[0];
    expect(sent.version).toBe(3);
    expect(Object.keys(sent.bodies)).toEqual(['fr']);
    expect(DocumentBodySchema.safeParse(sent.bodies.fr).success).toBe(true);
    expect(JSON.stringify(sent.bodies.fr)).toContain('{"type":"text","text":" Urgent","marks":[{"type":"bold"}]}');
    expect(await screen.findByText('Enregistré', {}, WAIT)).toBeTruthy();
    // The preview follows the save: a picture of the new version.
    await waitFor(
      () => expect(calls.some((call) => call.url.pathname.endsWith('/preview.png') && call.url.searchParams.get('v') === '4')).toBe(true),
      WAIT,
    );
  });

  it('keeps the text on screen when a save meets a newer version, then saves it over that version on request', async () => {
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en français' }, WAIT);
    patchAnswers.push({ status: 409, body: { code: 'CONFLICT', message: 'Modifié entre-temps.' } });
    stored = { ...stored, version: 7 };
    editorOf('fr').chain().focus('end').insertContent(' Mon ajout.').run();
    const alert = await screen.findByTestId('document-conflict', {}, WAIT);
    expect(alert.textContent).toContain('Vos modifications sont toujours à l’écran');
    expect(screen.getByRole('textbox', { name: 'Texte en français' }).textContent).toContain('Mon ajout.');
    editorOf('fr').chain().focus('end').insertContent(' Encore.').run();
    fireEvent.click(within(alert).getByRole('button', { name: 'Garder ma version' }));
    await waitFor(() => expect(screen.queryByTestId('document-conflict')).toBeNull(), WAIT);
    expect(patches(calls)[1].version).toBe(7);
    expect(JSON.stringify(patches(calls)[1].bodies.fr)).toContain('Mon ajout. Encore.');
    // Nothing older is sent after it, and the stale version was tried once only (no retry on its own).
    expect(await screen.findByText('Enregistré', {}, WAIT)).toBeTruthy();
    expect(JSON.stringify(stored.bodies.fr)).toContain('Mon ajout. Encore.');
    expect(patches(calls).filter((sent) => sent.version === 3)).toHaveLength(1);
  });

  it('changes the layout and shows the preview with a page selector', async () => {
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en français' }, WAIT);
    fireEvent.click(screen.getByRole('radio', { name: /Fiche d’information/ }));
    await waitFor(() => expect(patches(calls).some((sent) => sent.layout === 'fact-sheet')).toBe(true), WAIT);
    expect(await screen.findByText('3 pages', {}, WAIT)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Page 2' }));
    await waitFor(() => expect(calls.some((call) => call.url.searchParams.get('page') === '2')).toBe(true), WAIT);
    const image = await screen.findByRole('img', { name: 'Aperçu de la page 2 sur 3' }, WAIT);
    expect(image.getAttribute('src')).toMatch(/^blob:page-/);
  });

  it('exports the PDF after saving and starts its download', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en français' }, WAIT);
    editorOf('ar').chain().focus('end').insertContent('<p>فقرة جديدة</p>').run();
    fireEvent.click(screen.getByRole('button', { name: 'Exporter en PDF' }));
    await waitFor(() => expect(click).toHaveBeenCalled(), WAIT);
    const order = calls.filter((call) => call.method !== 'GET').map((call) => `${call.method} ${call.url.pathname.replace(BASE, '')}`);
    expect(order).toEqual(['PATCH ', 'POST /export']);
    expect((click.mock.contexts[0] as HTMLAnchorElement).getAttribute('href')).toBe(`${BASE}/download`);
    expect(await screen.findByText(/PDF de 2 pages prêt/, {}, WAIT)).toBeTruthy();
    click.mockRestore();
  });

  it('saves a subtitle and a cover picture chosen in the library', async () => {
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en français' }, WAIT);
    fireEvent.change(screen.getByRole('textbox', { name: /^Sous-titre \(Français/ }), { target: { value: 'Note de plaidoyer 2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Choisir dans la médiathèque' }));
    fireEvent.click(await screen.findByTestId('document-picker-asset', {}, WAIT));
    await waitFor(() => expect(patches(calls).some((sent) => sent.cover?.imageAssetId === ASSET_ID)).toBe(true), WAIT);
    // The subtitle goes with the cover, or in an earlier autosave when typing paused long enough.
    await waitFor(() => expect(patches(calls).some((sent) => sent.subtitle)).toBe(true), WAIT);
    const sent = patches(calls).findLast((update) => update.subtitle);
    expect(sent.subtitle.fr).toEqual({ value: 'Note de plaidoyer 2026', status: 'draft' });
    expect(screen.getByRole('img', { name: 'Image de couverture choisie' }).getAttribute('src')).toContain(`/assets/${ASSET_ID}/thumbnail`);
  });

  it('lists the images left out of the PDF, and shows a viewer the text without the tools', async () => {
    stored = documentOf({
      warnings: [
        { code: 'CONSENT_EXPIRED', assetId: ASSET_ID, where: ['ar', 'fr'], assetTitle: 'Atelier de Sfax', expiresOn: '2026-03-31' },
      ],
    });
    show('viewer');
    const warnings = await screen.findByTestId('document-warnings', {}, WAIT);
    expect(warnings.textContent).toContain('Une image est laissée hors du PDF');
    expect(warnings.textContent).toContain('Atelier de Sfax');
    expect(warnings.textContent).toContain('31 mars 2026');
    expect(warnings.textContent).toContain('texte arabe et texte français');
    expect(screen.queryByRole('toolbar', { name: /Mise en forme/ })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Texte en arabe' }).getAttribute('contenteditable')).toBe('false');
  });
});
