import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { SocialChannel, SocialChannelList } from '../../../../shared/social/channels-api.schema.js';
import type { QueueSlot } from '../../../../shared/social/posts-api.schema.js';
import { SocialChannelsPage } from './channels.page.js';

const SANDBOX_ID = '22222222-2222-4222-8222-222222222222';
const EXPIRED_ID = '33333333-3333-4333-8333-333333333333';
const LOGIN_ID = 'login-abcdefghijklmnop';

const channel = (overrides: Partial<SocialChannel>): SocialChannel => ({
  id: SANDBOX_ID,
  network: 'facebook',
  externalId: '20001',
  name: 'AlterMed — Entreprendre autrement',
  pictureUrl: null,
  status: 'connected',
  statusReason: null,
  missingPermission: null,
  grantedPermissions: ['pages_manage_posts'],
  tokenExpiresAt: null,
  statusChangedAt: '2026-03-01T09:00:00.000Z',
  lastCheckedAt: '2026-03-10T08:30:00.000Z',
  connectedAt: '2026-03-01T09:00:00.000Z',
  connectedByName: 'Salma Admin',
  sandbox: true,
  ...overrides,
});

const needsReconnection = channel({
  id: EXPIRED_ID,
  externalId: '20002',
  name: 'جمعية الشعلة الخضراء للبيئة',
  status: 'needs_reconnection',
  statusReason: 'permission-missing',
  missingPermission: 'pages_manage_posts',
  statusChangedAt: '2026-03-08T14:05:00.000Z',
  sandbox: false,
});

const slots: QueueSlot[] = [
  { id: '44444444-4444-4444-8444-444444444441', channelId: SANDBOX_ID, weekday: 4, time: '18:00' },
  { id: '44444444-4444-4444-8444-444444444442', channelId: SANDBOX_ID, weekday: 2, time: '10:00' },
];

function apiOf(list: SocialChannelList) {
  return (call: ApiCall) => {
    const path = call.url.pathname;
    if (path.endsWith(`/social/channels/${SANDBOX_ID}/check`)) return { body: { result: 'valid', channel: list.items[0] } };
    if (call.method === 'DELETE' && path.endsWith(`/social/channels/${SANDBOX_ID}`)) {
      return { body: { ...list.items[0], status: 'disconnected' } };
    }
    if (path.endsWith(`/social/channels/logins/${LOGIN_ID}`)) {
      return {
        body: {
          network: 'facebook',
          expiresAt: '2026-03-10T09:00:00.000Z',
          pages: [
            {
              externalId: '20001',
              name: 'AlterMed — Entreprendre autrement',
              pictureUrl: null,
              tasks: [],
              missingTasks: [],
              channelId: SANDBOX_ID,
            },
            {
              externalId: '20003',
              name: 'Réseau ESS Sfax',
              pictureUrl: null,
              tasks: ['CREATE_CONTENT'],
              missingTasks: ['MODERATE'],
              channelId: null,
            },
          ],
        },
      };
    }
    if (path.endsWith('/social/channels/logins/expired-login-abcdefgh')) {
      return { status: 410, body: { code: 'LOGIN_EXPIRED', message: 'Expirée' } };
    }
    if (call.method === 'POST' && path.endsWith('/social/channels')) return { body: list };
    if (path.endsWith('/social/channels')) return { body: list };
    if (call.method === 'POST' && path.endsWith('/social/queue-slots')) {
      return {
        status: 409,
        body: { code: 'ALREADY_EXISTS', message: 'Existe', fields: { time: { code: 'ALREADY_USED', message: 'Déjà utilisé.' } } },
      };
    }
    if (call.method === 'DELETE' && path.includes('/social/queue-slots/')) return { status: 204 };
    if (path.endsWith('/social/queue-slots')) return { body: { items: slots, timeZone: 'Africa/Casablanca' } };
    return undefined;
  };
}

const SANDBOX_LIST: SocialChannelList = { items: [channel({}), needsReconnection], canConnect: true, sandbox: true };

const show = (options: { role?: 'admin' | 'officer' | 'viewer'; search?: string; list?: SocialChannelList } = {}) =>
  renderPage({
    pattern: '/w/:workspaceId/social/channels',
    path: `/w/${WORKSPACE_ID}/social/channels${options.search ?? ''}`,
    component: SocialChannelsPage,
    api: apiOf(options.list ?? SANDBOX_LIST),
    workspace: { role: options.role ?? 'admin' },
  });

const WAIT = { timeout: 15_000 };
const cardOf = async (name: string) => (await screen.findByRole('article', { name }, WAIT)) as HTMLElement;
const sent = (calls: ApiCall[], method: string, suffix: string) =>
  calls.filter((call) => call.method === method && call.url.pathname.endsWith(suffix));

describe('channels page', { timeout: 30_000 }, () => {
  it('shows each page’s state: the sandbox said plainly, a reconnection needed with its reason and since when', async () => {
    show();
    const sandbox = await cardOf('AlterMed — Entreprendre autrement');
    expect(screen.getByTestId('sandbox-notice').textContent).toContain('Rien n’est envoyé à Facebook');
    expect(within(sandbox).getByText('Bac à sable')).toBeTruthy();
    expect(within(sandbox).getByTestId('channel-status').textContent).toBe('Connectée');
    expect(within(sandbox).getByTestId('channel-last-check').textContent).toMatch(/^Vérifiée le 10 mars 2026/);

    const expired = await cardOf('جمعية الشعلة الخضراء للبيئة');
    expect(expired.getAttribute('data-status')).toBe('needs_reconnection');
    const reason = within(expired).getByTestId('channel-reason').textContent ?? '';
    expect(reason).toContain('publier et supprimer des publications (pages_manage_posts)');
    expect(reason).toContain('Depuis le 8 mars 2026');
    expect(reason).toContain('publications programmées sont retenues');
    expect(within(expired).getByRole('button', { name: 'Reconnecter' })).toBeTruthy();
    expect(within(sandbox).queryByRole('button', { name: 'Reconnecter' })).toBeNull();
  });

  it('lets an admin check a page now, and disconnect it only after confirming', async () => {
    const { calls } = show();
    const sandbox = await cardOf('AlterMed — Entreprendre autrement');
    fireEvent.click(within(sandbox).getByRole('button', { name: 'Vérifier maintenant' }));
    expect((await within(sandbox).findByTestId('channel-check-result', {}, WAIT)).textContent).toContain('toutes les autorisations');
    expect(sent(calls, 'POST', `/${SANDBOX_ID}/check`)).toHaveLength(1);

    fireEvent.click(within(sandbox).getByRole('button', { name: 'Déconnecter' }));
    const dialog = await screen.findByRole('dialog', { name: 'Déconnecter cette page ?' }, WAIT);
    expect(dialog.textContent).toContain('AlterMed — Entreprendre autrement');
    expect(sent(calls, 'DELETE', `/social/channels/${SANDBOX_ID}`)).toHaveLength(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Déconnecter la page' }));
    await waitFor(() => expect(sent(calls, 'DELETE', `/social/channels/${SANDBOX_ID}`)).toHaveLength(1), WAIT);
  });

  it('shows no connection controls to members without social:connect', async () => {
    show({ role: 'officer' });
    const sandbox = await cardOf('AlterMed — Entreprendre autrement');
    expect(screen.queryByRole('button', { name: 'Connecter une page Facebook' })).toBeNull();
    expect(within(sandbox).queryByRole('button', { name: 'Vérifier maintenant' })).toBeNull();
    expect(within(sandbox).queryByRole('button', { name: 'Déconnecter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reconnecter' })).toBeNull();
  });

  it('tells an admin of a server without a Meta app what to set', async () => {
    show({ list: { items: [], canConnect: false, sandbox: false } });
    const notice = await screen.findByTestId('facebook-not-configured', {}, WAIT);
    expect(notice.textContent).toContain('FACEBOOK_APP_ID');
    expect(notice.textContent).toContain('FACEBOOK_APP_SECRET');
    expect(notice.textContent).toContain('/api/social/channels/callback/facebook');
    expect(screen.queryByRole('button', { name: 'Connecter une page Facebook' })).toBeNull();
    expect(screen.getByText('Aucune page connectée pour l’instant.')).toBeTruthy();
  });

  it('back from Meta, lists the pages to choose, the new ones ticked, and connects the choice', async () => {
    const { calls } = show({ search: `?login=${LOGIN_ID}` });
    const chooser = await screen.findByRole('region', { name: 'Choisir les pages à connecter' }, WAIT);
    const fresh = (await within(chooser).findByRole('checkbox', { name: 'Réseau ESS Sfax' }, WAIT)) as HTMLInputElement;
    const known = within(chooser).getByRole('checkbox', { name: 'AlterMed — Entreprendre autrement' }) as HTMLInputElement;
    expect([fresh.checked, known.checked]).toEqual([true, false]);
    expect(within(chooser).getByText('Déjà connectée')).toBeTruthy();
    expect(within(chooser).getByText(/modérer les commentaires/)).toBeTruthy();
    fireEvent.click(within(chooser).getByRole('button', { name: 'Connecter la sélection' }));
    await waitFor(() => expect(sent(calls, 'POST', '/social/channels')).toHaveLength(1), WAIT);
    expect(JSON.parse(String(sent(calls, 'POST', '/social/channels')[0]?.body))).toEqual({ loginId: LOGIN_ID, externalIds: ['20003'] });
    expect((await screen.findByTestId('connected-notice', {}, WAIT)).textContent).toContain('Réseau ESS Sfax');
    expect(screen.queryByRole('region', { name: 'Choisir les pages à connecter' })).toBeNull();
  });

  it('says when the Meta login came back too late, and offers to start again', async () => {
    show({ search: '?login=expired' });
    expect((await screen.findByTestId('login-outcome', {}, WAIT)).textContent).toContain('Cette connexion à Facebook a expiré');
    show({ search: '?login=expired-login-abcdefgh' });
    const chooser = await screen.findByRole('region', { name: 'Choisir les pages à connecter' }, WAIT);
    expect((await within(chooser).findByRole('alert', {}, WAIT)).textContent).toContain('a expiré ou a déjà servi');
    expect(within(chooser).getByRole('button', { name: 'Connecter une page Facebook' })).toBeTruthy();
  });

  it('shows the queue by weekday in the workspace time zone, removes a time and shows the server’s refusal of a double', async () => {
    const { calls } = show({ role: 'officer' });
    const queue = await screen.findByRole('region', { name: 'File de publication' }, WAIT);
    expect(await within(queue).findByText('2 horaires par semaine', {}, WAIT)).toBeTruthy();
    expect(queue.textContent).toContain('Africa/Casablanca');
    const tuesday = within(queue).getByRole('listitem', { name: 'mardi' });
    expect(within(tuesday).getByText('10:00')).toBeTruthy();
    fireEvent.click(within(queue).getByRole('button', { name: 'Retirer jeudi 18:00' }));
    await waitFor(() => expect(sent(calls, 'DELETE', `/queue-slots/${slots[0]?.id}`)).toHaveLength(1), WAIT);

    fireEvent.change(within(queue).getByLabelText('Heure'), { target: { value: '10:00' } });
    fireEvent.click(within(queue).getByRole('button', { name: 'Ajouter l’horaire' }));
    expect(await within(queue).findByText('Déjà utilisé.', {}, WAIT)).toBeTruthy();
    const body = JSON.parse(String(sent(calls, 'POST', '/social/queue-slots')[0]?.body));
    expect(body).toEqual({ channelId: SANDBOX_ID, weekday: 2, time: '10:00' });
  });
});
