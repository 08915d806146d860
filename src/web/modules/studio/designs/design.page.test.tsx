import { fireEvent, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Design, DesignTemplate } from '../../../../shared/studio/designs.schema.js';
import { DesignPage } from './design.page.js';

const DESIGN_ID = '99999999-9999-4999-8999-999999999999';

const template: DesignTemplate = {
  name: 'a3-poster',
  title: { fr: 'Affiche A3', ar: 'ملصق A3', en: 'A3 poster' },
  description: { fr: '', ar: '', en: '' },
  variants: ['ar', 'fr', 'bilingual'],
  png: { width: 1240, height: 1754 },
  paper: 'A3',
  formats: ['png', 'pdf'],
  use: 'print',
  fields: [
    { key: 'title', kind: 'localizedText', required: true, maxLength: 160, multiline: false, slot: null },
    { key: 'date', kind: 'date', required: false, maxLength: null, multiline: false, slot: null },
    { key: 'image', kind: 'image', required: false, maxLength: null, multiline: false, slot: 'image' },
  ],
};

const design: Design = {
  id: DESIGN_ID,
  workspaceId: WORKSPACE_ID,
  title: 'Affiche du forum',
  template: 'a3-poster',
  variant: 'bilingual',
  data: { title: { ar: 'منتدى صفاقس', fr: 'Forum de Sfax' }, date: '2026-05-14' },
  assetIds: [],
  campaignId: null,
  createdBy: 'user-1',
  createdAt: '2026-04-01T10:00:00.000Z',
  updatedAt: '2026-04-01T10:00:00.000Z',
  assetProblems: {},
};

/** Gives the preview panel a width, as a browser's layout would (jsdom measures nothing). */
class SizedResizeObserver {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe(target: Element) {
    this.callback(
      [{ target, contentRect: { width: 600, height: 400 }, borderBoxSize: [{ inlineSize: 600, blockSize: 400 }] }] as never,
      this as never,
    );
  }
  unobserve() {}
  disconnect() {}
}

let previewAnswers: Array<{ status?: number; body?: unknown }>;

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/designs/templates')) return { body: { items: [template] } };
  if (path.endsWith('/designs/preview')) return previewAnswers.shift() ?? { body: 'png' };
  if (path.endsWith(`/designs/${DESIGN_ID}`) && call.method === 'PATCH') {
    return { body: { ...design, ...JSON.parse(String(call.body)), updatedAt: '2026-04-02T10:00:00.000Z' } };
  }
  if (path.endsWith(`/designs/${DESIGN_ID}`)) return { body: design };
  return undefined;
}

/** The preview waits for the form to rest, then for the server: generous on a busy machine (no timing is asserted). */
const WAIT = { timeout: 8000 };

const previews = (calls: ApiCall[]) => calls.filter((call) => call.url.pathname.endsWith('/preview'));

beforeEach(() => {
  previewAnswers = [];
  let next = 0;
  vi.stubGlobal('ResizeObserver', SizedResizeObserver);
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => `blob:preview-${++next}`, revokeObjectURL: () => {} }));
});

const show = (role: 'officer' | 'viewer' = 'officer') =>
  renderPage({
    pattern: '/w/:workspaceId/studio/designs/:designId',
    path: `/w/${WORKSPACE_ID}/studio/designs/${DESIGN_ID}`,
    component: DesignPage,
    api,
    workspace: { role },
  });

describe('design page', { timeout: 30_000 }, () => {
  it('builds the form from the template: each language in its own direction', async () => {
    show();
    const arabic = await screen.findByLabelText(/Titre \(arabe\)/, {}, WAIT);
    // Mantine sets `dir` on the box around the input, which the input inherits.
    expect(arabic.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect((arabic as HTMLInputElement).value).toBe('منتدى صفاقس');
    expect(
      screen
        .getByLabelText(/Titre \(français\)/)
        .closest('[dir]')
        ?.getAttribute('dir'),
    ).toBe('ltr');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('2026-05-14');
    expect(screen.getByRole('button', { name: 'Choisir dans la médiathèque' })).toBeTruthy();
  });

  it('redraws the preview once typing rests, keeping the last picture when the next one fails', async () => {
    const { calls } = show();
    const image = await screen.findByRole('img', { name: 'Aperçu du visuel' }, WAIT);
    expect(image.getAttribute('src')).toBe('blob:preview-1');
    expect(JSON.parse(String(previews(calls)[0]?.body))).toMatchObject({ template: 'a3-poster', variant: 'bilingual', width: 640 });
    previewAnswers.push({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'x', fields: { 'data.title.ar': { code: 'REQUIRED', message: 'Champ obligatoire.' } } },
    });
    const arabic = screen.getByLabelText(/Titre \(arabe\)/);
    // Three changes in a row make one request, with the last text.
    for (const value of ['م', 'من', '']) fireEvent.change(arabic, { target: { value } });
    expect(await screen.findByText('L’aperçu attend encore :', {}, WAIT)).toBeTruthy();
    expect(previews(calls)).toHaveLength(2);
    expect(JSON.parse(String(previews(calls)[1]?.body)).data.title).toEqual({ ar: '', fr: 'Forum de Sfax' });
    expect(screen.getByRole('img', { name: 'Aperçu du visuel' }).getAttribute('src')).toBe('blob:preview-1');
    expect(screen.getAllByText('Champ obligatoire.').length).toBeGreaterThan(0);
  });

  it('switches the variant, then saves with the version it loaded; export waits for the save', async () => {
    const { calls } = show();
    await screen.findByRole('img', { name: 'Aperçu du visuel' }, WAIT);
    fireEvent.click(screen.getByText('Arabe d’abord'));
    await waitFor(() => expect(previews(calls).some((call) => JSON.parse(String(call.body)).variant === 'ar')).toBe(true), WAIT);
    expect(screen.getByText('Exporter en PDF').closest('a')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const sent = JSON.parse(String(calls.find((call) => call.method === 'PATCH')?.body));
    expect(sent).toMatchObject({ variant: 'ar', expectedUpdatedAt: design.updatedAt });
    await waitFor(() =>
      expect(screen.getByText('Exporter en PDF').closest('a')?.getAttribute('href')).toBe(
        `/api/workspaces/${WORKSPACE_ID}/studio/designs/${DESIGN_ID}/export?format=pdf`,
      ),
    );
  });

  it('shows a viewer the design without the editing buttons', async () => {
    show('viewer');
    await screen.findByRole('img', { name: 'Aperçu du visuel' }, WAIT);
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Choisir dans la médiathèque' })).toBeNull();
  });
});
