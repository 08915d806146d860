import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { IssueSummary } from './issues-api.js';
import { NewsletterIssuesPage } from './issues-list.page.js';

const summary = (id: string, overrides: Partial<IssueSummary>): IssueSummary => ({
  id,
  workspaceId: WORKSPACE_ID,
  subject: {},
  sendMode: 'per_language',
  status: 'draft',
  languages: [],
  reviewState: 'draft',
  isEditable: true,
  blockCount: 0,
  scheduledAt: null,
  startedAt: null,
  finishedAt: null,
  recipientCount: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
  ...overrides,
});

const SENT = '77777777-7777-4777-8777-777777777777';
const DRAFT = '88888888-8888-4888-8888-888888888888';
const NEW = '99999999-9999-4999-8999-999999999999';

/** The overview the server answers: the sent issue, with opens tracked and clicks not. */
const overview = {
  trackOpens: true,
  trackClicks: false,
  items: [
    {
      issueId: SENT,
      subject: { fr: { value: 'Lettre de décembre', status: 'reviewed' } },
      status: 'sent',
      startedAt: '2026-12-10T09:00:00.000Z',
      finishedAt: '2026-12-10T10:00:00.000Z',
      recipients: 1250,
      sent: 1240,
      delivered: 1234,
      rates: { open: 0.425, click: 0, bounce: 0.005, unsubscribe: 0.002 },
    },
  ],
};

function show(role: 'officer' | 'viewer') {
  return renderPage({
    pattern: '/w/:workspaceId/newsletter',
    path: `/w/${WORKSPACE_ID}/newsletter`,
    component: NewsletterIssuesPage,
    workspace: { role },
    api: (call) => {
      const path = call.url.pathname;
      if (path.endsWith('/newsletter/stats/overview')) return { body: overview };
      if (path.endsWith('/newsletter/issues') && call.method === 'POST') return { status: 201, body: summary(NEW, {}) };
      if (path.endsWith(`/newsletter/issues/${SENT}/duplicate`)) return { status: 201, body: summary(NEW, {}) };
      if (path.endsWith('/newsletter/issues')) {
        return {
          body: {
            items: [
              summary(DRAFT, { subject: { ar: { value: 'عدد يناير', status: 'draft' } }, reviewState: 'in_review', languages: ['ar'] }),
              summary(SENT, {
                subject: { fr: { value: 'Lettre de décembre', status: 'reviewed' } },
                status: 'sent',
                reviewState: 'published',
                sendMode: 'bilingual',
                languages: ['ar', 'fr'],
                finishedAt: '2026-12-10T10:00:00.000Z',
              }),
            ],
            nextCursor: null,
          },
        };
      }
      return undefined;
    },
  });
}

describe('newsletter issues list', () => {
  it('lists issues with their status and review badges, in their own language', async () => {
    show('viewer');
    // The first render loads the catalog and the page's chunks: slower than findBy's default second on a busy machine.
    const rows = await screen.findAllByTestId('issue-row', {}, { timeout: 10_000 });
    expect(rows).toHaveLength(2);
    expect(screen.getByText('عدد يناير').getAttribute('dir')).toBe('rtl');
    expect(rows[0]?.querySelector('[data-testid="issue-review-state"]')?.textContent).toBe('En relecture');
    expect(rows[1]?.querySelector('[data-testid="issue-status"]')?.getAttribute('data-status')).toBe('sent');
    expect(rows[1]?.textContent).toContain('envoyé le 10 déc. 2026');
    expect(screen.queryByRole('button', { name: 'Nouveau numéro' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dupliquer' })).toBeNull();
  });

  it('creates a new issue and opens it', async () => {
    const { calls, location } = show('officer');
    await screen.findAllByTestId('issue-row', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau numéro' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/newsletter/issues/${NEW}`));
    expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/newsletter/issues'))).toBe(true);
  });

  it('duplicates an issue and opens the copy', async () => {
    const { calls, location } = show('officer');
    await screen.findAllByTestId('issue-row', {}, { timeout: 10_000 });
    fireEvent.click(screen.getAllByRole('button', { name: 'Dupliquer' })[1] as HTMLElement);
    await waitFor(() =>
      expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith(`/${SENT}/duplicate`))).toBe(true),
    );
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/newsletter/issues/${NEW}`));
  });

  it('shows each sent issue’s delivered messages, opens and clicks above the list, and not with the drafts alone', async () => {
    const { calls } = show('officer');
    const row = await screen.findByTestId('stats-overview-row', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 2, name: 'Derniers numéros envoyés' })).toBeTruthy();
    expect(within(row).getByRole('link', { name: 'Lettre de décembre' }).getAttribute('href')).toBe(
      `/w/${WORKSPACE_ID}/newsletter/issues/${SENT}`,
    );
    expect(within(row).getByTestId('overview-delivered').textContent).toBe(new Intl.NumberFormat('fr-FR').format(1234));
    expect(within(row).getByTestId('overview-opens').textContent).toBe(
      new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 }).format(0.425),
    );
    // Clicks are not tracked in this workspace: a zero would say nobody clicked.
    expect(within(row).getByTestId('overview-clicks').textContent).toBe('Non suivi');

    fireEvent.click(screen.getByRole('combobox', { name: 'Statut' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Brouillon', hidden: true }));
    await waitFor(() => expect(calls.some((call) => call.url.searchParams.get('status') === 'draft')).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('stats-overview')).toBeNull());
  });
});
