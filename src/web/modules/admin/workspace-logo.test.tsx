import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, meOf, renderPage, WORKSPACE_ID } from '../../../../test/helpers/web-harness.js';
import { SettingsPage } from './settings.page.js';

const FILE_ID = '44444444-4444-4444-8444-444444444444';

function chooseFile(file: File) {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [file] } });
}

const png = () => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], 'logo.png', { type: 'image/png' });

describe('workspace logo in the settings', () => {
  it('uploads the chosen image, applies it to the workspace and shows it', async () => {
    let logoFileId: string | null = null;
    const { calls } = renderPage({
      pattern: '/w/:workspaceId/admin/settings',
      path: `/w/${WORKSPACE_ID}/admin/settings`,
      component: SettingsPage,
      api: (call: ApiCall) => {
        if (call.method === 'POST' && call.url.pathname.endsWith('/files')) {
          return { status: 201, body: { id: FILE_ID, originalName: 'logo.png', contentType: 'image/png', byteSize: 8, sha256: 'x' } };
        }
        if (call.method === 'PATCH' && call.url.pathname === `/api/workspaces/${WORKSPACE_ID}`) {
          logoFileId = JSON.parse(String(call.body)).logoFileId;
          return { body: {} };
        }
        if (call.url.pathname === '/api/me') return { body: meOf({ logoFileId }) };
        return undefined;
      },
    });
    expect(await screen.findByText('Aucun logo')).toBeTruthy();
    chooseFile(png());
    const image = await screen.findByRole('img', { name: 'Logo actuel de l’espace' });
    expect(image.getAttribute('src')).toBe(`/api/workspaces/${WORKSPACE_ID}/files/${FILE_ID}`);
    const form = calls.find((call) => call.method === 'POST')?.body;
    expect(form).toBeInstanceOf(FormData);
    expect(((form as FormData).get('file') as File).name).toBe('logo.png');
    expect(logoFileId).toBe(FILE_ID);

    fireEvent.click(screen.getByRole('button', { name: 'Retirer le logo' }));
    expect(await screen.findByText('Aucun logo')).toBeTruthy();
    expect(logoFileId).toBeNull();
  });

  it('shows the server’s problem when the file is refused, and keeps the workspace as it was', async () => {
    const { calls } = renderPage({
      pattern: '/w/:workspaceId/admin/settings',
      path: `/w/${WORKSPACE_ID}/admin/settings`,
      component: SettingsPage,
      api: (call) =>
        call.url.pathname.endsWith('/files')
          ? { status: 415, body: { code: 'FILE_TYPE_MISMATCH', params: { fileName: 'logo.png' }, message: 'x' } }
          : undefined,
    });
    await screen.findByText('Aucun logo');
    chooseFile(png());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le contenu du fichier « logo.png » ne correspond pas à son extension');
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(false));
  });
});
