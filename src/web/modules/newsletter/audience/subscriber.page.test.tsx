import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Subscriber } from '../../../../shared/newsletter/audience-api.schema.js';
import { SubscriberPage } from './subscriber.page.js';

const SUBSCRIBER_ID = '77777777-7777-4777-8777-777777777777';
const LIST_ID = '66666666-6666-4666-8666-666666666666';

const subscriber: Subscriber = {
  id: SUBSCRIBER_ID,
  email: 'salma.idrissi@example.net',
  name: 'سلمى الإدريسي',
  languages: ['ar', 'fr'],
  country: 'MA',
  status: 'active',
  tags: ['forum-sfax'],
  createdAt: '2026-03-02T09:30:00.000Z',
  organisationId: null,
  organisationName: '',
  attributes: {},
  unsubscribedAt: null,
  bouncedAt: null,
  softBounceCount: 0,
  updatedAt: '2026-03-02T09:30:00.000Z',
  memberships: [
    {
      listId: LIST_ID,
      listName: { fr: { value: 'Lettre AlterMed', status: 'reviewed' } },
      status: 'confirmed',
      subscribedAt: '2026-03-02T09:30:00.000Z',
      confirmedAt: '2026-03-02T09:40:00.000Z',
      unsubscribedAt: null,
    },
  ],
  consents: [
    {
      id: '88888888-8888-4888-8888-888888888888',
      action: 'confirm',
      source: 'email_link',
      listId: LIST_ID,
      listName: { fr: { value: 'Lettre AlterMed', status: 'reviewed' } },
      consentText: '',
      language: 'ar',
      ip: '203.0.113.10',
      userAgent: 'Mozilla/5.0',
      actorName: null,
      createdAt: '2026-03-02T09:40:00.000Z',
    },
    {
      id: '99999999-9999-4999-8999-999999999999',
      action: 'subscribe',
      source: 'form',
      listId: LIST_ID,
      listName: { fr: { value: 'Lettre AlterMed', status: 'reviewed' } },
      consentText: 'أوافق على أن ترسل لي ألترميد نشرتها الإخبارية',
      language: 'ar',
      ip: '203.0.113.10',
      userAgent: 'Mozilla/5.0',
      actorName: null,
      createdAt: '2026-03-02T09:30:00.000Z',
    },
  ],
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/subscribers/${SUBSCRIBER_ID}`) && call.method === 'DELETE') return { status: 204 };
  if (path.endsWith(`/subscribers/${SUBSCRIBER_ID}`)) return { body: subscriber };
  if (path.endsWith('/lists')) return { body: { items: [] } };
  return undefined;
}

describe('subscriber page', () => {
  it('shows the consent history with its dates, the text agreed to in its own language, and the lists', async () => {
    renderPage({
      pattern: '/w/:workspaceId/newsletter/subscribers/:subscriberId',
      path: `/w/${WORKSPACE_ID}/newsletter/subscribers/${SUBSCRIBER_ID}`,
      component: SubscriberPage,
      api,
      workspace: { role: 'officer' },
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'salma.idrissi@example.net' }, { timeout: 8000 })).toBeTruthy();
    const entries = screen.getAllByTestId('consent-entry');
    expect(entries).toHaveLength(2);
    expect(within(entries[0] as HTMLElement).getByText('Confirmation · lien reçu par e-mail')).toBeTruthy();
    expect(within(entries[1] as HTMLElement).getByText('Inscription · formulaire public')).toBeTruthy();
    expect(within(entries[1] as HTMLElement).getByText(/2 mars 2026/)).toBeTruthy();
    const quoted = within(entries[1] as HTMLElement).getByText('أوافق على أن ترسل لي ألترميد نشرتها الإخبارية');
    expect(quoted.getAttribute('dir')).toBe('rtl');
    expect(screen.getByText('Confirmé')).toBeTruthy();
  }, 20_000);

  it('erases only after a confirmation that says what is kept, then goes back to the list', async () => {
    const { calls, location } = renderPage({
      pattern: '/w/:workspaceId/newsletter/subscribers/:subscriberId',
      path: `/w/${WORKSPACE_ID}/newsletter/subscribers/${SUBSCRIBER_ID}`,
      component: SubscriberPage,
      api,
      workspace: { role: 'officer' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer' }, { timeout: 8000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/Seule une empreinte de l’adresse est gardée/)).toBeTruthy();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Effacer définitivement' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'DELETE')).toBe(true));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/newsletter/subscribers`));
  }, 20_000);
});
