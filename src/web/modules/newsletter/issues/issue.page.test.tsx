import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { NewsletterIssuePage } from './issue.page.js';
import type { IssueDetail } from './issues-api.js';

const ISSUE_ID = '66666666-6666-4666-8666-666666666666';

const issue: IssueDetail = {
  id: ISSUE_ID,
  workspaceId: WORKSPACE_ID,
  subject: { ar: { value: 'نشرة ديسمبر', status: 'draft' }, fr: { value: 'Lettre de décembre', status: 'draft' } },
  preheader: {},
  sendMode: 'bilingual',
  bilingualOrder: ['ar', 'fr'],
  status: 'draft',
  languages: ['ar', 'fr'],
  reviewState: 'draft',
  isEditable: true,
  blockCount: 2,
  blocks: [
    {
      type: 'heading',
      id: 'h1',
      level: 1,
      text: { ar: { value: 'منتدى صفاقس', status: 'draft' }, fr: { value: 'Forum de Sfax', status: 'draft' } },
    },
    {
      type: 'button',
      id: 'b1',
      label: { fr: { value: 'S’inscrire', status: 'draft' } },
      url: { ar: { value: 'https://altermed.org', status: 'reviewed' }, fr: { value: 'https://altermed.org', status: 'reviewed' } },
    },
  ],
  listIds: [],
  segmentId: null,
  utmSource: 'newsletter',
  utmMedium: 'email',
  utmCampaign: '',
  campaignId: null,
  scheduledAt: null,
  startedAt: null,
  finishedAt: null,
  recipientCount: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

const review = {
  contentType: 'newsletter.issue',
  contentId: ISSUE_ID,
  title: 'نشرة ديسمبر',
  link: '',
  state: 'draft',
  scheduledFor: null,
  overrideReason: null,
  requiredApprovals: 1,
  approvals: [],
  submittedBy: null,
  languages: [],
  incompleteLanguages: [],
  allowedActions: ['submit'],
  canOverride: false,
  canComment: true,
  events: [],
  comments: [],
};

function show(options: { detail?: IssueDetail; patch?: (call: ApiCall) => { status?: number; body?: unknown } } = {}) {
  const detail = options.detail ?? issue;
  return renderPage({
    pattern: '/w/:workspaceId/newsletter/issues/:issueId',
    path: `/w/${WORKSPACE_ID}/newsletter/issues/${ISSUE_ID}`,
    component: NewsletterIssuePage,
    workspace: { role: 'officer', timeZone: 'Africa/Tunis' },
    api: (call) => {
      const path = call.url.pathname;
      if (path.endsWith(`/newsletter/issues/${ISSUE_ID}`) && call.method === 'PATCH') return options.patch?.(call) ?? { body: detail };
      if (path.endsWith(`/newsletter/issues/${ISSUE_ID}`)) return { body: detail };
      if (path.includes('/reviews/newsletter.issue/')) return { body: review };
      return undefined;
    },
  });
}

// A whole composer renders in jsdom in a few seconds on a busy machine.
describe('newsletter composer', { timeout: 30_000 }, () => {
  it('shows the issue’s texts side by side, its blocks, the preview and the review panel', async () => {
    show();
    expect(await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' }, { timeout: 10_000 })).toBeTruthy();
    expect((screen.getByLabelText('Objet de l’e-mail (العربية)') as HTMLInputElement).value).toBe('نشرة ديسمبر');
    // Mantine puts the direction on the input's wrapper.
    expect(screen.getByLabelText('Objet de l’e-mail (العربية)').closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    const blocks = screen.getAllByTestId('block');
    expect(blocks.map((block) => block.getAttribute('data-block-type'))).toEqual(['heading', 'button']);
    const frame = screen.getByTestId('issue-preview-frame');
    expect(frame.getAttribute('src')).toBe(`/api/workspaces/${WORKSPACE_ID}/newsletter/issues/${ISSUE_ID}/preview?variant=bilingual`);
    fireEvent.click(screen.getByRole('radio', { name: 'Téléphone' }));
    expect(screen.getByTestId('issue-preview-frame').getAttribute('data-width')).toBe('phone');
    fireEvent.click(screen.getByRole('radio', { name: 'العربية' }));
    expect(screen.getByTestId('issue-preview-frame').getAttribute('src')).toContain('variant=ar');
    expect(await screen.findByRole('region', { name: 'Relecture et validation' })).toBeTruthy();
    // Lists are answered by another area; when they are absent the composer says so and goes on.
    expect(await screen.findByText('Les listes et segments ne sont pas disponibles pour le moment.')).toBeTruthy();
  });

  it('adds, moves with the keyboard-reachable buttons, and saves the blocks with the loaded version', async () => {
    const { calls } = show();
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' }, { timeout: 10_000 });
    expect(screen.queryByTestId('unsaved')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Ajouter un bloc' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Séparateur' }));
    expect(screen.getAllByTestId('block').map((block) => block.getAttribute('data-block-type'))).toEqual(['heading', 'button', 'divider']);
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Monter le bloc 3 (Séparateur)' }));
    expect(screen.getAllByTestId('block').map((block) => block.getAttribute('data-block-type'))).toEqual(['heading', 'divider', 'button']);
    expect((screen.getByRole('button', { name: 'Monter le bloc 1 (Titre)' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Texte du bouton (العربية)'), { target: { value: 'سجّل الآن' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const body = JSON.parse(String(calls.find((call) => call.method === 'PATCH')?.body));
    expect(body.expectedUpdatedAt).toBe(issue.updatedAt);
    expect(body.blocks.map((block: { type: string }) => block.type)).toEqual(['heading', 'divider', 'button']);
    expect(body.blocks[2].label.ar).toEqual({ value: 'سجّل الآن', status: 'draft' });
  });

  it('puts the server’s field errors on the field they name', async () => {
    show({
      patch: () => ({
        status: 400,
        body: {
          code: 'VALIDATION_FAILED',
          message: 'Données invalides.',
          fields: { 'blocks.1.label.ar.value': { code: 'TOO_LONG', message: 'Texte trop long.' } },
        },
      }),
    });
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' }, { timeout: 10_000 });
    fireEvent.change(screen.getByLabelText('Texte du bouton (العربية)'), { target: { value: 'x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const input = screen.getByLabelText('Texte du bouton (العربية)');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(await screen.findByText('Texte trop long.')).toBeTruthy();
  });

  it('freezes the composer once sending has started', async () => {
    show({ detail: { ...issue, status: 'sending', isEditable: false } });
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' }, { timeout: 10_000 });
    expect(screen.getByText(/L’envoi de ce numéro a commencé/)).toBeTruthy();
    // Every input sits in the composer's disabled fieldset.
    expect(screen.getByLabelText('Objet de l’e-mail (Français)').matches(':disabled')).toBe(true);
    expect(screen.getByLabelText('Texte du bouton (العربية)').matches(':disabled')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Supprimer le brouillon' })).toBeNull();
  });

  it('follows a send that starts meanwhile: the status in the header and the frozen composer, without a reload', async () => {
    let current: IssueDetail = issue;
    renderPage({
      pattern: '/w/:workspaceId/newsletter/issues/:issueId',
      path: `/w/${WORKSPACE_ID}/newsletter/issues/${ISSUE_ID}`,
      component: NewsletterIssuePage,
      workspace: { role: 'officer' },
      api: (call) => {
        const path = call.url.pathname;
        if (path.endsWith(`/newsletter/issues/${ISSUE_ID}`)) {
          const answer = current;
          // Someone else starts the send right after this page loaded the issue.
          current = { ...issue, status: 'sending', isEditable: false, updatedAt: '2026-11-02T10:00:00.000Z' };
          return { body: answer };
        }
        if (path.endsWith('/send/progress')) {
          return {
            body: {
              issueId: ISSUE_ID,
              status: current.status,
              transport: 'outbox',
              recipientCount: 40,
              audienceCount: null,
              isPreparing: false,
              counts: { pending: 40, sending: 0, sent: 0, failed: 0, bounced: 0 },
              unconfirmed: 0,
              ratePerSecond: 0,
              secondsLeft: null,
              windowWaitUntil: null,
              startedAt: '2026-11-02T10:00:00.000Z',
              finishedAt: null,
              review: { state: 'approved', scheduledFor: null },
              canSend: false,
              canResolveUnconfirmed: false,
            },
          };
        }
        if (path.includes('/reviews/newsletter.issue/')) return { body: { ...review, state: 'approved', allowedActions: [] } };
        return undefined;
      },
    });
    await screen.findByRole('heading', { level: 1, name: 'Lettre de décembre' }, { timeout: 10_000 });
    await waitFor(() => expect(screen.getByTestId('issue-status').getAttribute('data-status')).toBe('sending'));
    expect(screen.getByText(/L’envoi de ce numéro a commencé/)).toBeTruthy();
    expect(screen.getByLabelText('Objet de l’e-mail (Français)').matches(':disabled')).toBe(true);
  });
});
