import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { ImportPreview, SubscriberImport } from '../../../../shared/newsletter/import-api.schema.js';
import { SubscriberImportPage } from './import.page.js';
import { attributeKeyFromHeader, mappingProblems } from './import-mapping-step.js';

const IMPORT_ID = '55555555-5555-4555-8555-555555555555';
const LIST_ID = '66666666-6666-4666-8666-666666666666';

const item: SubscriberImport = {
  id: IMPORT_ID,
  originalName: 'mailchimp.csv',
  status: 'uploaded',
  encoding: 'windows-1256',
  delimiter: 'semicolon',
  mapping: null,
  listIds: [],
  tags: [],
  totalRows: null,
  processedRows: 0,
  createdCount: 0,
  updatedCount: 0,
  skippedCount: 0,
  errorCount: 0,
  hasErrorReport: false,
  failureCode: null,
  createdByName: 'Officer',
  createdAt: '2026-11-20T09:00:00.000Z',
  finishedAt: null,
};

const preview: ImportPreview = {
  importId: IMPORT_ID,
  encoding: 'windows-1256',
  detectedEncoding: 'windows-1256',
  delimiter: 'semicolon',
  detectedDelimiter: 'semicolon',
  hasHeaderRow: true,
  headers: ['Email Address', 'First Name', 'Ville natale'],
  rows: [
    ['khadija@example.ma', 'خديجة', 'الرباط'],
    ['pas-une-adresse', 'Hélène', 'Lyon'],
  ],
  estimatedRows: 2,
  suggestedMapping: { '0': 'email', '1': 'first_name', '2': 'ignore' },
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/imports/lists'))
    return { body: { items: [{ id: LIST_ID, name: { fr: { value: 'Lettre mensuelle', status: 'reviewed' } } }] } };
  if (path.endsWith(`/imports/${IMPORT_ID}/preview`)) return { body: preview };
  if (path.endsWith(`/imports/${IMPORT_ID}/start`)) return { body: { ...item, status: 'queued', totalRows: 2 } };
  if (path.endsWith(`/imports/${IMPORT_ID}`)) return { body: item };
  return undefined;
}

const show = () =>
  renderPage({
    pattern: '/w/:workspaceId/newsletter/imports/:importId',
    path: `/w/${WORKSPACE_ID}/newsletter/imports/${IMPORT_ID}`,
    component: SubscriberImportPage,
    api,
    workspace: { role: 'officer' },
  });

describe('import mapping step', () => {
  it('shows each column with its suggested field and the first rows in their own direction, flagging refused addresses', async () => {
    show();
    const table = await screen.findByTestId('import-mapping', {}, { timeout: 8000 });
    expect(within(table).getByText('Email Address')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Ce que devient la colonne « Email Address »' }) as HTMLSelectElement).value).toBe(
      'email',
    );
    expect((screen.getByRole('combobox', { name: 'Ce que devient la colonne « First Name »' }) as HTMLSelectElement).value).toBe(
      'first_name',
    );
    const arabic = within(table).getByText('خديجة');
    expect(arabic.closest('td')?.getAttribute('dir')).toBe('auto');
    const refused = within(table).getByText('pas-une-adresse').closest('td');
    expect(refused?.getAttribute('data-invalid')).toBe('true');
    expect(within(refused as HTMLElement).getByText('adresse invalide')).toBeTruthy();
  }, 20_000);

  it('maps a column to a custom attribute, refuses a field given twice, and starts with the chosen mapping, list and consent', async () => {
    const { calls } = show();
    await screen.findByTestId('import-mapping', {}, { timeout: 8000 });
    fireEvent.change(screen.getByRole('combobox', { name: 'Ce que devient la colonne « Ville natale »' }), {
      target: { value: 'attribute' },
    });
    const key = (await screen.findByLabelText('Nom de l’attribut pour la colonne « Ville natale »')) as HTMLInputElement;
    expect(key.value).toBe('ville_natale');
    fireEvent.change(key, { target: { value: 'ville' } });

    // Two email columns cannot be imported: the start button waits.
    fireEvent.change(screen.getByRole('combobox', { name: 'Ce que devient la colonne « First Name »' }), { target: { value: 'email' } });
    expect(await screen.findByText('Ce champ est déjà associé à une autre colonne.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Ce que devient la colonne « First Name »' }), { target: { value: 'name' } });
    await waitFor(() => expect(screen.queryByText('Ce champ est déjà associé à une autre colonne.')).toBeNull());

    const startButton = screen.getByRole('button', { name: 'Importer 2 lignes' });
    expect((startButton as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Lettre mensuelle' }));
    fireEvent.change(screen.getByLabelText(/Texte du consentement/), { target: { value: 'Formulaire papier du forum de Tunis' } });
    fireEvent.click(screen.getByLabelText('Je confirme que les personnes de ce fichier ont donné ce consentement.'));
    await waitFor(() => expect((startButton as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(startButton);

    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/start'))).toBe(true));
    const sent = JSON.parse(String(calls.find((call) => call.url.pathname.endsWith('/start'))?.body));
    expect(sent).toEqual({
      encoding: 'windows-1256',
      delimiter: 'semicolon',
      mapping: { '0': 'email', '1': 'name', '2': 'attribute:ville' },
      listIds: [LIST_ID],
      tags: [],
      consentText: 'Formulaire papier du forum de Tunis',
    });
    // The page turns into the progress view of the queued import.
    expect(await screen.findByTestId('import-progress-bar')).toBeTruthy();
  }, 20_000);

  it('checks a mapping as the server does', () => {
    expect(mappingProblems({ '0': 'email', '1': 'tags', '2': 'tags' })).toEqual([]);
    expect(mappingProblems({ '0': 'name' })).toEqual(['EMAIL_COLUMN_REQUIRED']);
    expect(mappingProblems({ '0': 'email', '1': 'email' })).toEqual(['DUPLICATE_TARGET']);
    expect(mappingProblems({ '0': 'email', '1': 'attribute:Ville' })).toEqual(['INVALID_ATTRIBUTE_KEY']);
    expect(attributeKeyFromHeader('Téléphone portable', 3)).toBe('telephone_portable');
    expect(attributeKeyFromHeader('المدينة', 3)).toBe('column_4');
  });
});
