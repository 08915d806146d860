import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Need } from '../../../../shared/planning/needs.schema.js';
import { NeedDetailPage } from './need-detail.page.js';

const NEED_ID = '44444444-4444-4444-8444-444444444444';

const need: Need = {
  id: NEED_ID,
  workspaceId: WORKSPACE_ID,
  title: { ar: { value: 'ملصق لورشة صفاقس', status: 'draft' } },
  description: {},
  audience: { ar: { value: 'النساء الريفيات', status: 'draft' } },
  languages: ['ar'],
  neededBy: '2026-10-15',
  organisationId: null,
  requesterUserId: 'user-2',
  requesterName: 'Amine Trabelsi',
  status: 'submitted',
  declineReason: null,
  campaignId: null,
  taskId: null,
  deliverableFileId: null,
  deliverableUrl: null,
  canEdit: true,
  createdAt: '2026-09-01T10:00:00.000Z',
  updatedAt: '2026-09-01T10:00:00.000Z',
};

const history = { items: [{ status: 'submitted', declineReason: null, actorName: 'Amine Trabelsi', at: '2026-09-01T10:00:00.000Z' }] };

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/needs/${NEED_ID}/triage`)) {
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Données invalides.',
        fields: { declineReason: { code: 'DECLINE_REASON_REQUIRED', message: 'Indiquez pourquoi ce besoin est refusé.' } },
      },
    };
  }
  if (path.endsWith(`/needs/${NEED_ID}/history`)) return { body: history };
  if (path.endsWith(`/needs/${NEED_ID}`)) return { body: need };
  if (path.endsWith('/campaigns')) return { body: { items: [], nextCursor: null } };
  return undefined;
}

const show = (role: 'officer' | 'contributor') =>
  renderPage({
    pattern: '/w/:workspaceId/needs/:needId',
    path: `/w/${WORKSPACE_ID}/needs/${NEED_ID}`,
    component: NeedDetailPage,
    api,
    workspace: { role },
  });

describe('need detail page', () => {
  it('shows a contributor the status and its history, without the triage controls', async () => {
    show('contributor');
    expect(await screen.findByRole('heading', { level: 1, name: 'ملصق لورشة صفاقس' })).toBeTruthy();
    expect(screen.getByTestId('need-status').getAttribute('data-status')).toBe('submitted');
    // Named as requester and in the history.
    await waitFor(() => expect(screen.getAllByText('Amine Trabelsi')).toHaveLength(2));
    expect(screen.queryByRole('region', { name: 'Traitement' })).toBeNull();
  });

  it('gives an officer the triage controls, which send the decision', async () => {
    const { calls } = show('officer');
    await screen.findByRole('region', { name: 'Traitement' });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/triage'))).toBe(true));
    const sent = calls.find((call) => call.method === 'POST' && call.url.pathname.endsWith('/triage'));
    expect(JSON.parse(String(sent?.body))).toMatchObject({ status: 'submitted', campaignId: null, deliverableUrl: null });
  });
});
