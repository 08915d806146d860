import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../test/helpers/web-harness.js';
import { AuditPage } from './audit.page.js';
import { OutboxPage } from './outbox.page.js';

function auditEntry(id: number) {
  return {
    id,
    workspaceId: WORKSPACE_ID,
    actorUserId: null,
    action: 'update',
    entityType: 'organisation',
    entityId: `entity-${id}`,
    before: null,
    after: null,
    createdAt: '2025-03-01T10:00:00.000Z',
  };
}

/** Three entries, two per page: the second page is asked for with the first page's cursor. */
function auditApi(call: ApiCall) {
  if (call.url.pathname.endsWith('/admin/audit')) {
    return call.url.searchParams.get('before') === '2'
      ? { body: { items: [auditEntry(1)], nextCursor: null } }
      : { body: { items: [auditEntry(3), auditEntry(2)], nextCursor: '2' } };
  }
  if (call.url.pathname.endsWith('/members')) return { body: [] };
  return undefined;
}

describe('audit page', () => {
  it('loads older entries with the cursor until the last page', async () => {
    const { calls } = renderPage({
      pattern: '/w/:workspaceId/admin/audit',
      path: `/w/${WORKSPACE_ID}/admin/audit`,
      component: () => <AuditPage pageSize={2} />,
      api: auditApi,
    });
    expect(await screen.findByText('entity-3')).toBeTruthy();
    expect(screen.queryByText('entity-1')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('entity-1')).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
    const auditCalls = calls.filter((call) => call.url.pathname.endsWith('/admin/audit'));
    expect(auditCalls.map((call) => [call.url.searchParams.get('limit'), call.url.searchParams.get('before')])).toEqual([
      ['2', null],
      ['2', '2'],
    ]);
  });

  // Runs after the test above: the shared setup unmounted its page, so only this one is on screen.
  it('starts from an empty document in the next test', async () => {
    renderPage({
      pattern: '/w/:workspaceId/admin/audit',
      path: `/w/${WORKSPACE_ID}/admin/audit`,
      component: () => <AuditPage pageSize={2} />,
      api: auditApi,
    });
    expect(await screen.findAllByRole('heading', { level: 1 })).toHaveLength(1);
  });
});

function message(index: number) {
  return {
    id: `00000000-0000-4000-8000-00000000000${index}`,
    workspaceId: null,
    toAddress: `person-${index}@example.org`,
    subject: `Sujet ${index}`,
    textBody: 'Bonjour',
    htmlBody: null,
    status: 'outbox',
    error: null,
    createdAt: '2025-03-01T10:00:00.000Z',
    sentAt: null,
  };
}

describe('outbox page', () => {
  it('keeps the SMTP notice of the first page and appends older messages', async () => {
    renderPage({
      pattern: '/w/:workspaceId/admin/outbox',
      path: `/w/${WORKSPACE_ID}/admin/outbox`,
      component: () => <OutboxPage pageSize={1} />,
      api: (call) =>
        call.url.searchParams.get('before') === 'cursor-1'
          ? { body: { smtpConfigured: false, items: [message(1)], nextCursor: null } }
          : { body: { smtpConfigured: false, items: [message(2)], nextCursor: 'cursor-1' } },
    });
    expect(await screen.findByText('person-2@example.org')).toBeTruthy();
    expect(screen.getByText(/Aucun serveur SMTP/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    expect(await screen.findByText('person-1@example.org')).toBeTruthy();
    expect(screen.getByText('person-2@example.org')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Afficher plus' })).toBeNull();
  });
});
