import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { commonAnswer, POST_ID, post } from '../../../../../test/helpers/social-post-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { SocialPostPage } from './post.page.js';
import type { PostDetail } from './posts-api.js';

const approved: PostDetail = { ...post, status: 'approved', reviewState: 'approved' };
const scheduled: PostDetail = {
  ...approved,
  status: 'scheduled',
  reviewState: 'scheduled',
  scheduledAt: '2026-12-01T09:00:00.000Z',
  scheduledLocal: { date: '2026-12-01', time: '10:00', timeZone: 'Africa/Tunis' },
};

function show(
  detail: PostDetail,
  write?: (call: ApiCall) => { status?: number; body?: unknown } | undefined,
  role: 'officer' | 'contributor' = 'officer',
) {
  return renderPage({
    pattern: '/w/:workspaceId/social/posts/:postId',
    path: `/w/${WORKSPACE_ID}/social/posts/${POST_ID}`,
    component: SocialPostPage,
    workspace: { role, timeZone: 'Africa/Tunis' },
    api: (call) => {
      if (call.method !== 'GET') return write?.(call);
      if (call.url.pathname.endsWith(`/social/posts/${POST_ID}`)) return { body: detail };
      return commonAnswer(call, detail.reviewState);
    },
  });
}

const panel = () => screen.getByRole('region', { name: 'Programmation et publication' });
const bodyOf = (calls: ApiCall[], suffix: string) =>
  JSON.parse(String(calls.find((call) => call.url.pathname.endsWith(suffix))?.body ?? 'null'));

describe('scheduling a post', { timeout: 30_000 }, () => {
  it('schedules an approved post at a date and time of the workspace’s clock, and says when in its time zone', async () => {
    const { calls } = show(approved, (call) => (call.url.pathname.endsWith('/schedule') ? { body: scheduled } : undefined));
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Programmer' }));
    expect(within(panel()).getAllByText('Champ obligatoire.')).toHaveLength(2);
    expect(calls.some((call) => call.url.pathname.endsWith('/schedule'))).toBe(false);
    fireEvent.change(within(panel()).getByLabelText('Date'), { target: { value: '2026-12-01' } });
    fireEvent.change(within(panel()).getByLabelText('Heure'), { target: { value: '10:00' } });
    expect(within(panel()).getByText('Heure de Africa/Tunis')).toBeTruthy();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Programmer' }));
    await waitFor(() =>
      expect(screen.getByTestId('scheduled-for').textContent).toBe('Programmée le mardi 1 décembre 2026 à 10:00 (Africa/Tunis)'),
    );
    expect(bodyOf(calls, '/schedule')).toEqual({ mode: 'at', date: '2026-12-01', time: '10:00' });
    expect(panel().querySelector('[data-status]')?.getAttribute('data-status')).toBe('scheduled');
    expect(panel().querySelector('[data-status]')?.textContent).toBe('Programmée');
    expect(within(panel()).getByRole('button', { name: 'Retirer du calendrier' })).toBeTruthy();
  });

  it('adds it to the page’s queue, and says so when the queue has no free slot', async () => {
    const { calls } = show(approved, () => ({
      status: 400,
      body: { code: 'VALIDATION_FAILED', message: 'x', fields: { mode: { code: 'NO_FREE_SLOT', message: 'Aucun créneau libre.' } } },
    }));
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    fireEvent.click(within(panel()).getByRole('radio', { name: 'Au prochain créneau libre de la file' }));
    expect(within(panel()).queryByLabelText('Date')).toBeNull();
    fireEvent.click(within(panel()).getByRole('button', { name: 'Ajouter à la file' }));
    expect(await within(panel()).findByText('Aucun créneau libre.')).toBeTruthy();
    expect(bodyOf(calls, '/schedule')).toEqual({ mode: 'next_slot' });
  });

  it('says in words why the server refuses (not approved), and waits for unsaved words to be saved', async () => {
    show(approved, () => ({ status: 409, body: { code: 'NOT_APPROVED', message: 'x', params: { state: 'in_review' } } }));
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    fireEvent.click(within(panel()).getByRole('radio', { name: 'Maintenant' }));
    fireEvent.click(within(panel()).getByRole('button', { name: 'Programmer' }));
    expect((await within(panel()).findByRole('alert')).textContent).toContain(
      'Ce contenu doit être approuvé avant d’être programmé ou envoyé.',
    );
    fireEvent.change(screen.getByLabelText('Texte (Français)'), { target: { value: 'Nouveau texte.' } });
    expect(screen.getByTestId('back-to-review').textContent).toContain('la renverra en relecture');
    expect(within(panel()).getByText('Enregistrez d’abord vos modifications.')).toBeTruthy();
    expect((within(panel()).getByRole('button', { name: 'Programmer' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('takes a scheduled post off the calendar', async () => {
    const { calls } = show(scheduled, (call) => (call.url.pathname.endsWith('/unschedule') ? { body: approved } : undefined));
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    expect((within(panel()).getByLabelText('Date') as HTMLInputElement).value).toBe('2026-12-01');
    fireEvent.click(within(panel()).getByRole('button', { name: 'Retirer du calendrier' }));
    await waitFor(() => expect(within(panel()).queryByTestId('scheduled-for')).toBeNull());
    expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith(`/${POST_ID}/unschedule`))).toBe(true);
  });

  it('shows a held post’s page to reconnect, and the way to reconnect it for an admin', async () => {
    renderPage({
      pattern: '/w/:workspaceId/social/posts/:postId',
      path: `/w/${WORKSPACE_ID}/social/posts/${POST_ID}`,
      component: SocialPostPage,
      workspace: { role: 'admin', timeZone: 'Africa/Tunis' },
      api: (call) =>
        call.url.pathname.endsWith(`/social/posts/${POST_ID}`)
          ? { body: { ...scheduled, status: 'held', lastErrorKind: 'needs-reconnection' } }
          : commonAnswer(call, 'scheduled'),
    });
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    expect(within(panel()).getByText(/la page « AlterMed — bac à sable » doit être reconnectée/)).toBeTruthy();
    expect(within(panel()).getByRole('link', { name: 'Reconnecter la page' }).getAttribute('href')).toBe(
      `/w/${WORKSPACE_ID}/social/channels`,
    );
    expect(within(panel()).getByRole('button', { name: 'Retirer du calendrier' })).toBeTruthy();
  });

  it('shows the reason a post failed and the link of a published one; a contributor sees no scheduling', async () => {
    const failed = show({ ...approved, status: 'failed', lastErrorKind: 'duplicate-content' }, undefined, 'contributor');
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    expect(within(panel()).getByText(/Facebook refuse un contenu identique à une publication récente/)).toBeTruthy();
    expect(within(panel()).queryByRole('button', { name: 'Programmer' })).toBeNull();
    failed.unmount();
    show({
      ...scheduled,
      status: 'published',
      publishedAt: '2026-12-01T09:00:05.000Z',
      publications: [
        {
          id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
          target: 'together',
          state: 'published',
          attempts: 1,
          requestSentAt: '2026-12-01T09:00:01.000Z',
          externalPostId: '20001_1',
          permalinkUrl: 'https://www.facebook.com/20001/posts/1',
          publishedAt: '2026-12-01T09:00:05.000Z',
          lastErrorKind: null,
          lastNetworkCode: null,
          nextAttemptAt: null,
          firstCommentState: 'posted',
        },
      ],
    });
    await screen.findByRole('region', { name: 'Programmation et publication' }, { timeout: 10_000 });
    expect(within(panel()).getByRole('link', { name: 'Voir sur Facebook' }).getAttribute('href')).toBe(
      'https://www.facebook.com/20001/posts/1',
    );
    expect(within(panel()).getByTestId('publication').textContent).toBe(
      'Arabe et français · Publiée · 1 envoi · Premier commentaire publié',
    );
    // Out on the page: its words are frozen.
    expect(screen.getByLabelText('Texte (Français)').matches(':disabled')).toBe(true);
  });
});
