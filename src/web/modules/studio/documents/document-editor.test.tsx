import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Editor } from '@tiptap/core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ASSET_ID, pictureOf } from '../../../../../test/helpers/documents-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { type DocumentBody, DocumentBodySchema } from '../../../../shared/studio/documents.schema.js';
import { DocumentEditor } from './document-editor.js';

const WAIT = { timeout: 8000 };

const photo = pictureOf();

let emitted: DocumentBody[];

function Harness() {
  return (
    <DocumentEditor
      workspaceId={WORKSPACE_ID}
      language="ar"
      initial={{ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'تعاونيات صفاقس' }] }] }}
      onChange={(body) => emitted.push(body)}
      isReadOnly={false}
      digits="western"
      languages={['ar', 'fr']}
    />
  );
}

function api(call: ApiCall) {
  if (call.url.pathname.endsWith('/studio/assets')) return { body: { items: [photo], nextCursor: null } };
  return undefined;
}

const show = () => renderPage({ pattern: '/w/:workspaceId/editor', path: `/w/${WORKSPACE_ID}/editor`, component: Harness, api });
const editorOf = () => (screen.getByTestId('document-editor-ar') as unknown as { editor: Editor }).editor;
const last = () => emitted.at(-1) as DocumentBody;

beforeEach(() => {
  emitted = [];
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => new DOMRect();
});

describe('document editor', { timeout: 30_000 }, () => {
  it('is one Tab stop in its toolbar, walked with the arrows, Home and End', async () => {
    show();
    const toolbar = await screen.findByRole('toolbar', { name: 'Mise en forme du texte en arabe' }, WAIT);
    // Undo and redo are disabled (nothing to undo yet): out of the walk.
    const buttons = within(toolbar)
      .getAllByRole('button')
      .filter((button) => !(button as HTMLButtonElement).disabled);
    expect(buttons.filter((button) => button.tabIndex === 0)).toHaveLength(1);
    buttons[0]?.focus();
    fireEvent.keyDown(toolbar, { key: 'ArrowRight' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Titre de niveau 1');
    fireEvent.keyDown(toolbar, { key: 'End' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Ajouter une note de bas de page');
    expect(buttons.filter((button) => button.tabIndex === 0)).toEqual([document.activeElement]);
    fireEvent.keyDown(toolbar, { key: 'Home' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Paragraphe');
    fireEvent.keyDown(toolbar, { key: 'ArrowLeft' });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Ajouter une note de bas de page');
  });

  it('adds a link by Ctrl+K, refusing an address the format does not accept', async () => {
    show();
    const area = await screen.findByRole('textbox', { name: 'Texte en arabe' }, WAIT);
    editorOf().commands.selectAll();
    fireEvent.keyDown(area, { key: 'k', ctrlKey: true });
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    const address = within(dialog).getByRole('textbox', { name: /Adresse/ });
    fireEvent.change(address, { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    expect(await within(dialog).findByText(/commençant par https:\/\//)).toBeTruthy();
    fireEvent.change(address, { target: { value: 'https://altermed.example/rapport' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Appliquer' }));
    await waitFor(() => expect(JSON.stringify(last())).toContain('"href":"https://altermed.example/rapport"'), WAIT);
    expect(DocumentBodySchema.safeParse(last()).success).toBe(true);
  });

  it('inserts a library image usable in print, with its Arabic description', async () => {
    const { calls } = show();
    await screen.findByRole('textbox', { name: 'Texte en arabe' }, WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Insérer une image de la médiathèque' }));
    const choice = await screen.findByTestId('document-picker-asset', {}, WAIT);
    const query = calls.find((call) => call.url.pathname.endsWith('/studio/assets'))?.url.searchParams;
    expect([query?.get('usable'), query?.get('use'), query?.get('kind')]).toEqual(['true', 'print', 'image']);
    fireEvent.click(choice);
    await waitFor(() => expect(last().content.some((block) => block.type === 'image')).toBe(true), WAIT);
    expect(last().content.find((block) => block.type === 'image')).toEqual({
      type: 'image',
      attrs: { assetId: ASSET_ID, alt: 'نساء في ورشة بصفاقس' },
    });
    expect(screen.getByRole('img', { name: 'نساء في ورشة بصفاقس' }).getAttribute('src')).toContain(`/studio/assets/${ASSET_ID}/thumbnail`);
  });

  it('writes, changes and removes a footnote from the list under the text', async () => {
    show();
    await screen.findByRole('textbox', { name: 'Texte en arabe' }, WAIT);
    editorOf().commands.focus('end');
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une note de bas de page' }));
    let dialog = await screen.findByRole('dialog', {}, WAIT);
    const text = within(dialog).getByRole('textbox', { name: 'Texte de la note en arabe' });
    // Mantine sets `dir` on the box around the field, which the field inherits.
    expect(text.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    fireEvent.change(text, { target: { value: 'المصدر: مسح 2025' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Insérer la note' }));
    await waitFor(() => expect(screen.getByTestId('document-footnotes-ar').textContent).toContain('المصدر: مسح 2025'), WAIT);
    expect(screen.getByText('Note de bas de page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Modifier la note 1' }));
    dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'المصدر: مسح 2026' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(JSON.stringify(last())).toContain('{"type":"footnote","attrs":{"text":"المصدر: مسح 2026"}}'), WAIT);
    fireEvent.click(screen.getByRole('button', { name: 'Supprimer la note 1' }));
    await waitFor(() => expect(JSON.stringify(last())).not.toContain('footnote'), WAIT);
    expect(screen.queryByTestId('document-footnotes-ar')).toBeNull();
  });
});
