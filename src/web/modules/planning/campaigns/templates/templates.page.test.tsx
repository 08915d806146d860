import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../../test/helpers/web-harness.js';
import { CLOSING_PRESS_CONFERENCE } from '../../../../../shared/planning/templates.catalog.js';
import { TemplatesPage } from './templates.page.js';

const shipped = { ...CLOSING_PRESS_CONFERENCE, description: CLOSING_PRESS_CONFERENCE.description ?? {}, source: 'shipped' as const };

function api(call: ApiCall) {
  if (call.url.pathname.endsWith('/planning-templates')) return { body: { items: [shipped] } };
  if (call.method === 'PUT') {
    return {
      status: 422,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Données invalides',
        fields: { 'milestones.0.offsetDays': { code: 'OFFSET_OUT_OF_RANGE', message: 'Décalage hors limites (serveur).' } },
      },
    };
  }
  return undefined;
}

const show = (role: 'admin' | 'viewer' = 'admin') =>
  renderPage({
    pattern: '/w/:workspaceId/planning-templates',
    path: `/w/${WORKSPACE_ID}/planning-templates`,
    component: TemplatesPage,
    api,
    workspace: { role },
  });

describe('templates page', () => {
  it('lists milestones as offsets from the goal date', async () => {
    show('viewer');
    const preview = await screen.findByTestId('template-preview');
    expect(preview.textContent).toMatch(/J-\d+/);
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });

  it('explains a duplicate key before sending, and shows the server’s field errors under the input', { timeout: 30_000 }, async () => {
    const { calls } = show();
    fireEvent.click(await screen.findByRole('button', { name: 'Modifier' }));
    const keys = await screen.findAllByLabelText(/Identifiant du jalon/);
    const first = (keys[0] as HTMLInputElement).value;
    // Two milestones under one key: the shared schema refuses it before anything is sent.
    const last = keys[keys.length - 1] as HTMLInputElement;
    fireEvent.change(last, { target: { value: first } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Ce jalon apparaît deux fois.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
    fireEvent.change(last, { target: { value: 'report-final' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Décalage hors limites (serveur).')).toBeTruthy();
    await waitFor(() =>
      expect(calls.some((call) => call.method === 'PUT' && call.url.pathname.endsWith(`/planning-templates/${shipped.key}`))).toBe(true),
    );
  });
});
