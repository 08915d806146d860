import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Segment } from '../../../../shared/newsletter/audience-api.schema.js';
import { SegmentsPage } from './segments.page.js';

const SEGMENT_ID = '55555555-5555-4555-8555-555555555555';
const LIST_ID = '66666666-6666-4666-8666-666666666666';

const segment: Segment = {
  id: SEGMENT_ID,
  name: { fr: { value: 'Arabophones du Maroc et de Tunisie', status: 'reviewed' }, ar: { value: 'الناطقون بالعربية', status: 'reviewed' } },
  filter: {
    match: 'all',
    conditions: [
      { field: 'language', op: 'includes', value: 'ar' },
      { field: 'country', op: 'in', values: ['MA', 'TN'] },
    ],
  },
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
};

/** Counts the way the server would, enough to tell the requests apart: 14 for "all", 31 for "any". */
function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/audience/count')) {
    const filter = JSON.parse(call.url.searchParams.get('filter') ?? '{}');
    return { body: { count: filter.match === 'any' ? 31 : 14 } };
  }
  if (path.endsWith(`/segments/${SEGMENT_ID}`) && call.method === 'DELETE') {
    return {
      status: 409,
      body: {
        code: 'REFUSED_BY_RULE',
        message: 'Action refusée : un numéro pas encore envoyé utilise ce segment.',
        params: { reasonKey: 'fieldErrors.SEGMENT_IN_USE', reason: 'Un numéro pas encore envoyé utilise ce segment.' },
        fields: { segment: { code: 'SEGMENT_IN_USE', message: 'Un numéro pas encore envoyé utilise ce segment.' } },
      },
    };
  }
  if (path.endsWith(`/segments/${SEGMENT_ID}`) && call.method === 'PATCH') {
    return { body: { ...segment, ...JSON.parse(String(call.body)) } };
  }
  if (path.endsWith('/segments')) return { body: { items: [segment] } };
  if (path.endsWith('/lists')) {
    return {
      body: {
        items: [
          {
            id: LIST_ID,
            name: { fr: { value: 'Lettre AlterMed', status: 'reviewed' } },
            description: {},
            visibility: 'public',
            optIn: 'double',
            isArchived: false,
            counts: { confirmed: 35, unconfirmed: 3, unsubscribed: 1, bounced: 1 },
            createdAt: '2026-09-01T10:00:00.000Z',
            updatedAt: '2026-09-01T10:00:00.000Z',
          },
        ],
      },
    };
  }
  if (path.endsWith('/organisations')) return { body: { items: [], nextCursor: null, total: 0, isTotalCapped: false } };
  return undefined;
}

const show = () =>
  renderPage({
    pattern: '/w/:workspaceId/newsletter/segments',
    path: `/w/${WORKSPACE_ID}/newsletter/segments`,
    component: SegmentsPage,
    api,
    workspace: { role: 'officer' },
  });

const counts = (calls: ApiCall[]) =>
  calls
    .filter((call) => call.url.pathname.endsWith('/audience/count'))
    .map((call) => JSON.parse(call.url.searchParams.get('filter') ?? '{}'));

describe('segment builder', () => {
  it('counts the saved segment, recounts when the match or the conditions change, and waits for complete conditions', async () => {
    const { calls } = show();
    expect(await screen.findByText('14 abonnés actifs correspondent à ce segment.', {}, { timeout: 8000 })).toBeTruthy();
    expect(screen.getAllByTestId('segment-condition')).toHaveLength(2);

    fireEvent.click(screen.getByText('au moins une condition'));
    expect(await screen.findByText('31 abonnés actifs correspondent à ce segment.', {}, { timeout: 3000 })).toBeTruthy();
    expect(counts(calls).at(-1)).toMatchObject({ match: 'any' });

    fireEvent.click(screen.getByRole('button', { name: 'Ajouter une condition' }));
    await waitFor(() => expect(screen.getAllByTestId('segment-condition')).toHaveLength(3));
    // Make the new condition a tag condition: its value starts empty, so nothing is counted yet.
    fireEvent.change(screen.getByRole('combobox', { name: 'Critère de la condition 3' }), { target: { value: 'tag' } });
    expect(await screen.findByText('Complétez chaque condition pour voir combien d’abonnés correspondent.')).toBeTruthy();
    const before = counts(calls).length;
    fireEvent.change(screen.getByRole('textbox', { name: 'Valeur de la condition 3' }), { target: { value: 'presse' } });
    await waitFor(() => expect(counts(calls).length).toBeGreaterThan(before), { timeout: 3000 });
    expect(counts(calls).at(-1)?.conditions).toEqual([
      { field: 'language', op: 'includes', value: 'ar' },
      { field: 'country', op: 'in', values: ['MA', 'TN'] },
      { field: 'tag', op: 'has', value: 'presse' },
    ]);
  }, 20_000);

  it('saves the edited filter, and explains a refused deletion', async () => {
    const { calls } = show();
    await screen.findByText('14 abonnés actifs correspondent à ce segment.', {}, { timeout: 8000 });
    const second = screen.getAllByTestId('segment-condition')[1] as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Retirer la condition 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const sent = JSON.parse(String(calls.find((call) => call.method === 'PATCH')?.body));
    expect(sent.filter).toEqual({ match: 'all', conditions: [{ field: 'language', op: 'includes', value: 'ar' }] });

    fireEvent.click(screen.getByRole('button', { name: 'Supprimer le segment' }));
    expect(await screen.findByText('Un numéro pas encore envoyé utilise ce segment.')).toBeTruthy();
  }, 20_000);
});
