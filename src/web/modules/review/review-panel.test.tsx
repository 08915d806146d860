import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../test/helpers/web-harness.js';
import type { Review } from '../../../shared/review/review.schema.js';
import type { Role } from '../../../shared/roles.js';
import { ReviewPanel } from './review-panel.js';

const CONTENT_ID = '44444444-4444-4444-8444-444444444444';

function reviewOf(overrides: Partial<Review> = {}): Review {
  return {
    contentType: 'planning.campaign-brief',
    contentId: CONTENT_ID,
    title: 'Forum de Sfax',
    link: `/app/w/${WORKSPACE_ID}/campaigns/${CONTENT_ID}/brief`,
    state: 'in_review',
    scheduledFor: null,
    overrideReason: null,
    requiredApprovals: 2,
    approvals: [{ user: { id: 'u2', name: 'Claire Martin' }, createdAt: '2026-03-01T10:00:00.000Z' }],
    submittedBy: { id: 'u1', name: 'Youssef El Amrani' },
    languages: [
      { language: 'ar', status: 'translated' },
      { language: 'fr', status: 'reviewed' },
    ],
    incompleteLanguages: ['ar'],
    allowedActions: ['approve', 'request_changes'],
    canOverride: false,
    canComment: true,
    events: [
      {
        id: 1,
        action: 'submit',
        fromState: 'draft',
        toState: 'in_review',
        note: null,
        actor: { id: 'u1', name: 'Youssef El Amrani' },
        createdAt: '2026-03-01T09:00:00.000Z',
      },
    ],
    comments: [
      {
        id: '55555555-5555-4555-8555-555555555555',
        language: 'ar',
        quote: 'منتدى صفاقس',
        body: 'Préciser la date.',
        author: { id: 'u2', name: 'Claire Martin' },
        resolvedAt: null,
        createdAt: '2026-03-01T11:00:00.000Z',
      },
    ],
    ...overrides,
  };
}

function show(review: Review, role: Role = 'reviewer') {
  const base = `/api/workspaces/${WORKSPACE_ID}/reviews/planning.campaign-brief/${CONTENT_ID}`;
  const api = (call: ApiCall) => {
    if (call.url.pathname === base && call.method === 'GET') return { body: review };
    if (call.url.pathname === `${base}/transitions`) return { body: { ...review, state: 'changes_requested', allowedActions: [] } };
    return undefined;
  };
  return renderPage({
    pattern: '/w/:workspaceId/brief',
    path: `/w/${WORKSPACE_ID}/brief`,
    component: () => <ReviewPanel contentType="planning.campaign-brief" contentId={CONTENT_ID} languages={['ar', 'fr']} />,
    api,
    workspace: { role },
  });
}

describe('ReviewPanel', () => {
  it('shows the state, the approvals against the requirement, the languages and only the allowed actions', async () => {
    show(reviewOf());
    expect(await screen.findByText('En relecture')).toBeTruthy();
    expect(screen.getByText('1 approbation sur 2 requise(s)')).toBeTruthy();
    expect(screen.getByText('Approuvé par : Claire Martin')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Approuver' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Demander des modifications' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Programmer' })).toBeNull();
    expect(screen.getByText('À relire avant de programmer ou publier : العربية')).toBeTruthy();
    expect(screen.getByText('Youssef El Amrani : soumis pour relecture')).toBeTruthy();
  });

  it('asks what to change before requesting changes, and sends the note', async () => {
    const { calls } = show(reviewOf());
    fireEvent.click(await screen.findByRole('button', { name: 'Demander des modifications' }));
    const note = screen.getByLabelText(/Ce qu’il faut modifier/);
    fireEvent.change(note, { target: { value: 'Le titre arabe est trop long.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer : Demander des modifications' }));
    await waitFor(() => expect(calls.some((call) => call.url.pathname.endsWith('/transitions'))).toBe(true));
    const sent = calls.find((call) => call.url.pathname.endsWith('/transitions'));
    expect(JSON.parse(String(sent?.body))).toEqual({ action: 'request_changes', note: 'Le titre arabe est trop long.' });
    expect(await screen.findByText('Modifications demandées')).toBeTruthy();
  });

  it('lets an admin schedule with a date and an override reason when a language is unreviewed', async () => {
    const { calls } = show(reviewOf({ state: 'approved', allowedActions: ['schedule', 'publish', 'archive'], canOverride: true }), 'admin');
    fireEvent.click(await screen.findByRole('button', { name: 'Programmer' }));
    fireEvent.change(screen.getByLabelText(/Date et heure de publication/), { target: { value: '2031-05-03T09:30' } });
    fireEvent.change(screen.getByLabelText(/Raison de passer outre/), { target: { value: 'Relu au téléphone' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer : Programmer' }));
    await waitFor(() => expect(calls.some((call) => call.url.pathname.endsWith('/transitions'))).toBe(true));
    const body = JSON.parse(String(calls.find((call) => call.url.pathname.endsWith('/transitions'))?.body));
    expect(body).toMatchObject({ action: 'schedule', override: { reason: 'Relu au téléphone' } });
    expect(new Date(body.scheduledFor).toISOString()).toBe(body.scheduledFor);
  });

  it('disables scheduling for an officer while a language is unreviewed', async () => {
    show(reviewOf({ state: 'approved', allowedActions: ['schedule', 'publish', 'archive'] }), 'officer');
    const schedule = await screen.findByRole('button', { name: 'Programmer' });
    expect(schedule.hasAttribute('disabled')).toBe(true);
  });

  it('groups comments by language version, with the quote in its language and direction', async () => {
    show(reviewOf());
    const arabic = await screen.findByRole('region', { name: 'العربية' });
    const quote = within(arabic).getByText('منتدى صفاقس');
    expect(quote.closest('[lang]')?.getAttribute('lang')).toBe('ar');
    expect(quote.closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(within(arabic).getByText('Préciser la date.')).toBeTruthy();
    expect(within(arabic).getByRole('button', { name: 'Marquer comme résolu' })).toBeTruthy();
  });
});
