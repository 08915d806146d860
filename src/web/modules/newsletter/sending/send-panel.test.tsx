import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { SendProgress } from '../../../../shared/newsletter/sending-api.schema.js';
import type { IssueStats, VariantStats } from '../../../../shared/newsletter/tracking-api.schema.js';
import { IssueStatsPanel } from '../stats/issue-stats-panel.js';
import { SendPanel } from './send-panel.js';

const ISSUE_ID = '55555555-5555-4555-8555-555555555555';

function progressOf(overrides: Partial<SendProgress> = {}): SendProgress {
  return {
    issueId: ISSUE_ID,
    status: 'draft',
    transport: 'smtp',
    recipientCount: null,
    audienceCount: 1234,
    isPreparing: false,
    counts: { pending: 0, sending: 0, sent: 0, failed: 0, bounced: 0 },
    unconfirmed: 0,
    ratePerSecond: 0,
    secondsLeft: null,
    windowWaitUntil: null,
    startedAt: null,
    finishedAt: null,
    review: { state: 'approved', scheduledFor: null },
    canSend: true,
    canResolveUnconfirmed: true,
    ...overrides,
  };
}

const sending = progressOf({
  status: 'sending',
  recipientCount: 1234,
  audienceCount: null,
  counts: { pending: 900, sending: 34, sent: 290, failed: 8, bounced: 2 },
  ratePerSecond: 12.5,
  secondsLeft: 75,
  startedAt: '2026-10-01T10:00:00.000Z',
});

function show(api: (call: ApiCall) => { status?: number; body?: unknown } | undefined, role: 'admin' | 'officer' = 'admin') {
  return renderPage({
    pattern: '/w/:workspaceId/newsletter/issues/:issueId',
    path: `/w/${WORKSPACE_ID}/newsletter/issues/${ISSUE_ID}`,
    component: () => <SendPanel workspaceId={WORKSPACE_ID} issueId={ISSUE_ID} />,
    api,
    workspace: { role },
  });
}

/** Figures of an issue whose `sent` messages went out, all in French. */
function statsOf(sent: number): IssueStats {
  const figures: VariantStats = {
    variant: 'fr',
    recipients: 1234,
    pending: 1234 - sent,
    sent,
    delivered: sent,
    failed: 0,
    bounces: { hard: 0, soft: 0, complaint: 0 },
    opens: { unique: 0, total: 0 },
    clicks: { unique: 0, total: 0 },
    unsubscribes: 0,
    rates: { open: null, click: null, clickToOpen: null, bounce: null, unsubscribe: null },
  };
  return {
    issueId: ISSUE_ID,
    status: sent > 0 ? 'sending' : 'draft',
    trackOpens: false,
    trackClicks: false,
    total: { ...figures, variant: 'total' },
    variants: sent > 0 ? [figures] : [],
    links: [],
  };
}

const posts = (calls: ApiCall[], suffix: string) => calls.filter((call) => call.method === 'POST' && call.url.pathname.endsWith(suffix));

describe('send panel', () => {
  it('sends once after the confirmation, however many times the button is clicked, then shows the progress', async () => {
    let status: SendProgress = progressOf();
    const { calls } = show((call) => {
      if (call.method === 'POST' && call.url.pathname.endsWith('/send')) {
        status = sending;
        return { status: 202, body: sending };
      }
      if (call.url.pathname.endsWith('/send/progress')) return { body: status };
      return undefined;
    });
    expect((await screen.findByTestId('send-audience')).textContent).toBe('Ce numéro partira à 1\u202f234 personnes.');
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer maintenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Envoyer ce numéro ?' });
    expect(dialog.textContent).toContain('Il partira maintenant à 1\u202f234 personnes.');
    const confirm = within(dialog).getByRole('button', { name: 'Envoyer' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByTestId('send-status').getAttribute('data-status')).toBe('sending'));
    expect(posts(calls, '/send')).toHaveLength(1);
    expect(screen.getByRole('progressbar', { name: 'Progression de l’envoi' }).getAttribute('aria-valuenow')).toBe('24');
    expect(screen.getByTestId('send-figures').textContent).toContain('290 envoyés');
    expect(screen.getByText('12,5 messages par seconde · encore 1 minute environ')).toBeTruthy();
  });

  it('pauses a running send and offers to resume it', async () => {
    const { calls } = show((call) => {
      if (call.url.pathname.endsWith('/send/pause')) return { body: { ...sending, status: 'paused' } };
      if (call.url.pathname.endsWith('/send/progress')) return { body: sending };
      return undefined;
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mettre en pause' }));
    expect(await screen.findByRole('button', { name: 'Reprendre' })).toBeTruthy();
    expect(posts(calls, '/send/pause')).toHaveLength(1);
  });

  it('lets an admin re-queue chosen unconfirmed messages, and tells an officer they wait for an admin', async () => {
    const withUnknown = { ...sending, counts: { ...sending.counts, sending: 2, pending: 0 }, unconfirmed: 2 };
    const items = [
      {
        id: 11,
        subscriberId: 'a',
        email: 'hind@example.org',
        variant: 'ar',
        attempts: 1,
        claimedAt: '2026-10-01T10:01:00.000Z',
        claimedBy: 'vm:1',
        messageId: '<a>',
        lastError: null,
      },
      {
        id: 12,
        subscriberId: 'b',
        email: 'claire@example.org',
        variant: 'fr',
        attempts: 1,
        claimedAt: '2026-10-01T10:01:00.000Z',
        claimedBy: 'vm:1',
        messageId: '<b>',
        lastError: 'unconfirmed: closed',
      },
    ];
    const api = (call: ApiCall) => {
      if (call.method === 'POST' && call.url.pathname.endsWith('/send/unconfirmed'))
        return { body: { affected: 1, progress: { ...withUnknown, unconfirmed: 1 } } };
      if (call.url.pathname.endsWith('/send/unconfirmed')) return { body: { items, total: 2, nextAfter: null } };
      if (call.url.pathname.endsWith('/send/progress')) return { body: withUnknown };
      return undefined;
    };
    const { calls } = show(api);
    const region = await screen.findByRole('region', { name: 'Messages à confirmer' });
    expect(await within(region).findByText('Le serveur a coupé la connexion après avoir reçu le message')).toBeTruthy();
    fireEvent.click(await within(region).findByRole('checkbox', { name: 'hind@example.org' }));
    fireEvent.click(within(region).getByRole('button', { name: 'Renvoyer 1 message' }));
    await waitFor(() => expect(posts(calls, '/send/unconfirmed')).toHaveLength(1));
    expect(JSON.parse(String(posts(calls, '/send/unconfirmed')[0]?.body))).toEqual({ action: 'requeue', ids: [11] });
  });

  it('shows an officer the waiting count without the decision controls', async () => {
    show(
      (call) =>
        call.url.pathname.endsWith('/send/progress') ? { body: { ...sending, unconfirmed: 3, canResolveUnconfirmed: false } } : undefined,
      'officer',
    );
    expect(await screen.findByText('3 messages attendent qu’un administrateur confirme s’il est parti ou le renvoie.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Messages à confirmer' })).toBeNull();
  });

  it('brings the statistics beside it up to date when the send starts, without reloading the page', async () => {
    let status: SendProgress = progressOf();
    renderPage({
      pattern: '/w/:workspaceId/newsletter/issues/:issueId',
      path: `/w/${WORKSPACE_ID}/newsletter/issues/${ISSUE_ID}`,
      component: () => (
        <>
          <SendPanel workspaceId={WORKSPACE_ID} issueId={ISSUE_ID} />
          <IssueStatsPanel workspaceId={WORKSPACE_ID} issueId={ISSUE_ID} />
        </>
      ),
      api: (call) => {
        if (call.method === 'POST' && call.url.pathname.endsWith('/send')) {
          status = sending;
          return { status: 202, body: sending };
        }
        if (call.url.pathname.endsWith('/send/progress')) return { body: status };
        if (call.url.pathname.endsWith('/stats')) return { body: statsOf(status.counts.sent) };
        return undefined;
      },
      workspace: { role: 'officer' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer maintenant' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Envoyer ce numéro ?' })).getByRole('button', { name: 'Envoyer' }));
    const card = await screen.findByTestId('stats-card-fr');
    expect(within(card).getByTestId('figure-sent').textContent).toContain('290');
  });
});
