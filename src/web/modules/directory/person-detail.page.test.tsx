import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../test/helpers/web-harness.js';
import type { Person } from '../../../shared/directory/person.schema.js';
import { PersonDetailPage } from './person-detail.page.js';

const PERSON_ID = '22222222-2222-4222-8222-222222222222';
const ORGANISATION_ID = '33333333-3333-4333-8333-333333333333';

const person: Person = {
  id: PERSON_ID,
  workspaceId: WORKSPACE_ID,
  organisationId: ORGANISATION_ID,
  name: { ar: { value: 'سلمى الإدريسي', status: 'reviewed' }, fr: { value: 'Salma Idrissi', status: 'reviewed' } },
  email: 'salma@example.org',
  phone: '+212 6 12 34 56 78',
  languages: ['ar', 'fr'],
  projectRole: { fr: { value: 'Coordinatrice', status: 'draft' } },
  isArchived: false,
  createdAt: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-02T10:00:00.000Z',
};

function api(call: ApiCall) {
  const path = call.url.pathname;
  if (path.endsWith(`/people/${PERSON_ID}/archive`)) return { body: { ...person, isArchived: true } };
  if (path.endsWith(`/people/${PERSON_ID}`)) return { body: person };
  if (path.endsWith(`/organisations/${ORGANISATION_ID}`)) {
    return { body: { id: ORGANISATION_ID, name: { fr: { value: 'Association Atlas', status: 'reviewed' } } } };
  }
  return undefined;
}

const show = (role: 'admin' | 'viewer' = 'admin') =>
  renderPage({
    pattern: '/w/:workspaceId/people/:personId',
    path: `/w/${WORKSPACE_ID}/people/${PERSON_ID}`,
    component: PersonDetailPage,
    api,
    workspace: { role },
  });

describe('person detail page', () => {
  it('shows the name, contact, languages, role and a link to the organisation', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Salma Idrissi' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'salma@example.org' }).getAttribute('href')).toBe('mailto:salma@example.org');
    expect(screen.getByRole('link', { name: '+212 6 12 34 56 78' }).getAttribute('href')).toBe('tel:+212612345678');
    const spoken = within(screen.getByText('Langues').parentElement as HTMLElement);
    expect(spoken.getByText('العربية').closest('[lang]')?.getAttribute('lang')).toBe('ar');
    expect(spoken.getByText('Français')).toBeTruthy();
    expect(screen.getAllByText('Coordinatrice').length).toBeGreaterThan(0);
    const organisation = await screen.findByRole('link', { name: 'Association Atlas' });
    expect(organisation.getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/organisations/${ORGANISATION_ID}`);
    expect(screen.getByRole('link', { name: 'Modifier' }).getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/people/${PERSON_ID}/edit`);
  });

  it('archives the person for a member who may write', async () => {
    const { calls } = show();
    fireEvent.click(await screen.findByRole('button', { name: 'Archiver' }));
    expect(await screen.findByRole('button', { name: 'Restaurer' })).toBeTruthy();
    expect(screen.getByText('Archivée')).toBeTruthy();
    await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/archive'))).toBe(true));
  });

  it('offers no edit or archive to a viewer', async () => {
    show('viewer');
    expect(await screen.findByRole('heading', { level: 1, name: 'Salma Idrissi' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Modifier' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Archiver' })).toBeNull();
  });
});
