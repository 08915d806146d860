import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { NewsletterSettings } from '../../../../shared/newsletter/tracking-api.schema.js';
import { NewsletterSettingsPage } from './newsletter-settings.page.js';

const saved: NewsletterSettings = {
  fromName: 'AlterMed',
  fromAddress: 'lettre@altermed.example',
  replyTo: null,
  postalAddress: '',
  messagesPerSecond: 10,
  smtpConnections: 3,
  windowMessages: 0,
  windowHours: 24,
  trackOpens: false,
  trackClicks: false,
  dkimDomain: 'altermed.example',
  dkimSelector: 'tawasul',
  dkimConfigured: true,
  dkimKeyUnreadable: false,
  dkimDnsName: 'tawasul._domainkey.altermed.example',
  dkimDnsValue: 'v=DKIM1; k=rsa; p=MIIBIjANBgkq',
  bounceWebhookUrl: `http://tawasul.test/n/bounces/${WORKSPACE_ID}/secret`,
  updatedAt: '2026-11-01T10:00:00.000Z',
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith('/newsletter/settings') && call.method === 'PUT') {
    return {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Données invalides.',
        fields: { dkimPrivateKey: { code: 'DKIM_KEY_INVALID', message: 'Clé illisible.' } },
      },
    };
  }
  if (path.endsWith('/newsletter/settings')) return { body: saved };
  if (path.endsWith('/newsletter/bounces') && call.method === 'POST') {
    return { body: { marked: 2, unknown: ['nobody@example.test'], invalid: ['oops'] } };
  }
  if (path.endsWith('/newsletter/bounces')) return { body: { items: [], nextCursor: null } };
  return undefined;
}

const show = (role: 'admin' | 'officer') =>
  renderPage({
    pattern: '/w/:workspaceId/newsletter/settings',
    path: `/w/${WORKSPACE_ID}/newsletter/settings`,
    component: NewsletterSettingsPage,
    api,
    workspace: { role },
  });

describe('newsletter settings page', { timeout: 20_000 }, () => {
  it('shows the DNS record to publish, explains the pace, and sends the form with the pasted key', async () => {
    const { calls } = show('admin');
    expect(await screen.findByDisplayValue('v=DKIM1; k=rsa; p=MIIBIjANBgkq', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByDisplayValue('tawasul._domainkey.altermed.example').closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    fireEvent.click(screen.getByRole('button', { name: 'Relais Gmail : 2 000 par 24 h' }));
    expect(screen.getByTestId('throttle-summary').textContent).toContain(
      `Au plus ${new Intl.NumberFormat('fr-FR').format(2000)} messages toutes les 24 heures`,
    );
    fireEvent.change(screen.getByLabelText('Coller une clé privée (PEM)'), { target: { value: '-----BEGIN PRIVATE KEY-----\nabc' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await screen.findByText('Clé illisible.');
    const sent = calls.find((call) => call.method === 'PUT');
    expect(JSON.parse(String(sent?.body))).toMatchObject({
      messagesPerSecond: 1,
      smtpConnections: 1,
      windowMessages: 2000,
      windowHours: 24,
      dkimDomain: 'altermed.example',
      dkimPrivateKey: '-----BEGIN PRIVATE KEY-----\nabc',
    });
  });

  it('refuses an out-of-range rate before sending anything', async () => {
    const { calls } = show('admin');
    const rate = await screen.findByLabelText('Messages par seconde', {}, { timeout: 5000 });
    fireEvent.change(rate, { target: { value: '900' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    expect(await screen.findByText('Nombre hors des limites permises.')).toBeTruthy();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it('marks pasted bounces and reports the unknown and malformed entries', async () => {
    const { calls } = show('admin');
    const section = await screen.findByTestId('bounces-section', {}, { timeout: 5000 });
    fireEvent.change(within(section).getByLabelText('Marquer des rebonds à la main'), {
      target: { value: 'a@x.example, b@x.example\nnobody@example.test oops' },
    });
    fireEvent.click(within(section).getByRole('button', { name: 'Marquer ces adresses' }));
    const result = await screen.findByTestId('manual-bounce-result');
    expect(result.textContent).toContain('2 adresses marquées.');
    expect(result.textContent).toContain('1 adresse inconnue dans cet espace');
    expect(result.textContent).toContain('oops');
    const sent = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(String(sent?.body))).toEqual({ emails: ['a@x.example', 'b@x.example', 'nobody@example.test', 'oops'], type: 'hard' });
  });

  it('lets an officer read without changing, and hides the webhook secret', async () => {
    show('officer');
    expect(await screen.findByText('Seuls les administrateurs peuvent modifier ces réglages.', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Enregistrer les réglages' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('bounces-section')).toBeTruthy());
    expect(screen.queryByLabelText('Adresse du webhook')).toBeNull();
  });
});
