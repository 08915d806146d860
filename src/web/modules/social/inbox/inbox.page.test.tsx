import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { InboxPage, InboxStatus, InboxThread } from '../../../../shared/social/inbox.schema.js';
import { SocialInboxPage } from './inbox.page.js';

const CHANNEL_ID = '21212121-2121-4212-8212-212121212121';
const POST_ID = '31313131-3131-4313-8313-313131313131';

const arabic: InboxThread = {
  id: '41414141-4141-4414-8414-414141414141',
  externalId: '1001_2001',
  channelId: CHANNEL_ID,
  channelName: 'AlterMed — bac à sable',
  author: { name: 'فاطمة الزهراء بنعلي', externalId: '30001', isPage: false },
  message: 'كيف يمكنني التسجيل في الدورة القادمة؟',
  language: 'ar',
  createdAt: '2026-10-02T09:47:00.000Z',
  activityAt: '2026-10-02T10:17:00.000Z',
  isHidden: false,
  reply: null,
  handled: null,
  post: {
    externalId: '20001_1001',
    postId: POST_ID,
    excerpt: 'انطلاق الدورة التكوينية في ريادة الأعمال الاجتماعية بتونس.',
    permalinkUrl: null,
  },
  replies: [
    {
      id: '51515151-5151-4515-8515-515151515151',
      externalId: '1001_2002',
      author: { name: 'AlterMed — bac à sable', externalId: '20001', isPage: true },
      message: 'شكرًا لكم! التفاصيل في رسالة خاصة.',
      language: 'ar',
      createdAt: '2026-10-02T10:17:00.000Z',
      isHidden: false,
      reply: { state: 'sent', sentByName: 'Samira Officer' },
    },
  ],
};

const french: InboxThread = {
  ...arabic,
  id: '61616161-6161-4616-8616-616161616161',
  externalId: '1002_2003',
  author: { name: 'Karim Bensalah', externalId: '30002', isPage: false },
  message: 'Est-ce ouvert aux petites associations ?',
  language: 'fr',
  post: {
    externalId: '20001_1002',
    postId: null,
    excerpt: 'Inscriptions ouvertes pour le forum de l’ESS à Casablanca.',
    permalinkUrl: 'https://facebook.test/p/1002',
  },
  replies: [
    {
      id: '71717171-7171-4717-8717-717171717171',
      externalId: '1002_2004',
      author: { name: 'Sophie Garnier', externalId: '30006', isPage: false },
      message: 'Moi aussi je voudrais savoir.',
      language: 'fr',
      createdAt: '2026-10-02T11:00:00.000Z',
      isHidden: false,
      reply: null,
    },
  ],
};

const status: InboxStatus = {
  channels: [
    {
      channelId: CHANNEL_ID,
      name: 'AlterMed — bac à sable',
      status: 'connected',
      isSandbox: true,
      syncedAt: '2026-10-02T11:00:00.000Z',
      lastErrorKind: null,
    },
  ],
};

function show(role: 'officer' | 'viewer' = 'officer', answers: { page?: InboxPage; status?: InboxStatus } = {}) {
  return renderPage({
    pattern: '/w/:workspaceId/social/inbox',
    path: `/w/${WORKSPACE_ID}/social/inbox`,
    component: SocialInboxPage,
    workspace: { role, timeZone: 'Africa/Tunis' },
    api: (call: ApiCall) => {
      const path = call.url.pathname;
      if (path.endsWith('/social/inbox'))
        return { body: answers.page ?? { items: [arabic, french], nextCursor: null, openCount: 2, isOpenCountCapped: false } };
      if (path.endsWith('/inbox/posts')) return { body: { items: [{ ...arabic.post, threads: 1, open: 1 }] } };
      if (path.endsWith('/inbox/status')) return { body: answers.status ?? status };
      if (path.endsWith('/replies')) return { status: 201, body: arabic };
      if (path.endsWith('/hide')) return { body: french };
      if (path.endsWith('/handled')) return { body: { ...french, handled: { at: '2026-10-02T12:00:00.000Z', byName: 'Admin' } } };
      return undefined;
    },
  });
}

const threads = () => screen.findAllByRole('article', {}, { timeout: 10_000 });

describe('the comments inbox', { timeout: 30_000 }, () => {
  it('shows each thread with its author, text in its direction, time, post and replies, and how many wait', async () => {
    show();
    const [first, second] = (await threads()) as [HTMLElement, HTMLElement];
    expect(screen.getByRole('article', { name: 'Commentaire de فاطمة الزهراء بنعلي' })).toBe(first);
    expect(within(first).getByText(arabic.message).getAttribute('dir')).toBe('rtl');
    expect(within(second).getByText(french.message).getAttribute('dir')).toBe('auto');
    expect(first.textContent).toContain('2 oct. 2026, 10:47');
    expect(within(first).getByRole('link', { name: arabic.post.excerpt }).getAttribute('href')).toBe(
      `/w/${WORKSPACE_ID}/social/posts/${POST_ID}`,
    );
    // A bilingual post is named by its paragraph in the reader's language.
    const link = within(second).getByRole('link', { name: 'Inscriptions ouvertes pour le forum de l’ESS à Casablanca.' });
    expect([link.getAttribute('href'), link.getAttribute('dir')]).toEqual(['https://facebook.test/p/1002', 'ltr']);
    expect(within(first).getByRole('link', { name: arabic.post.excerpt }).getAttribute('dir')).toBe('rtl');
    const replies = within(first).getByRole('list', { name: '1 réponse' });
    expect(within(replies).getByText('Répondu par Samira Officer')).toBeTruthy();
    expect(within(replies).getByText('Page')).toBeTruthy();
    expect(screen.getByTestId('inbox-open-count').textContent).toBe('2 commentaires à traiter');
    expect(screen.getByText(/Page bac à sable/)).toBeTruthy();
    expect(screen.getByTestId('inbox-synced-at').textContent).toBe('Page lue le 2 oct. 2026, 12:00');
  });

  it('replies as the page with one idempotency key for the same words, even on a double click', async () => {
    const { calls } = show();
    const [first] = (await threads()) as [HTMLElement];
    fireEvent.click(within(first).getByRole('button', { name: 'Répondre' }));
    const box = within(first).getByRole('textbox', { name: 'Votre réponse' });
    fireEvent.change(box, { target: { value: 'مرحبًا فاطمة، التسجيل عبر الرابط في الصفحة.' } });
    const send = within(first).getByRole('button', { name: 'Envoyer la réponse' });
    fireEvent.click(send);
    fireEvent.click(send);
    await waitFor(() => expect(within(first).queryByRole('textbox', { name: 'Votre réponse' })).toBeNull());
    const posts = calls.filter((call) => call.method === 'POST' && call.url.pathname.endsWith(`/comments/${arabic.id}/replies`));
    expect(posts.length).toBeGreaterThanOrEqual(1);
    const bodies = posts.map((call) => JSON.parse(String(call.body)) as { message: string; idempotencyKey: string });
    expect(bodies[0]?.message).toBe('مرحبًا فاطمة، التسجيل عبر الرابط في الصفحة.');
    expect(bodies[0]?.idempotencyKey).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(bodies.map((body) => body.idempotencyKey)).size).toBe(1);
  });

  it('marks a thread handled, hides a person’s reply, and filters by state and language', async () => {
    const { calls } = show();
    const [, second] = (await threads()) as [HTMLElement, HTMLElement];
    fireEvent.click(within(second).getByRole('button', { name: 'Marquer comme traité' }));
    await waitFor(() => expect(calls.some((call) => call.url.pathname.endsWith(`/comments/${french.id}/handled`))).toBe(true));
    const handled = calls.find((call) => call.url.pathname.endsWith('/handled'));
    expect(JSON.parse(String(handled?.body))).toEqual({ handled: true });

    fireEvent.click(screen.getByText('Traités'));
    fireEvent.click(screen.getByRole('combobox', { name: 'Langue du commentaire' }));
    fireEvent.click(await screen.findByRole('option', { name: 'العربية', hidden: true }));
    // A person's reply inside the thread can be hidden by itself.
    const reply = within(second).getByRole('listitem', { name: 'Réponse de Sophie Garnier' });
    fireEvent.click(within(reply).getByRole('button', { name: 'Masquer' }));
    await waitFor(() => expect(calls.some((call) => call.url.pathname.endsWith(`/comments/${french.replies[0]?.id}/hide`))).toBe(true));
    const lists = () => calls.filter((call) => call.url.pathname.endsWith('/social/inbox'));
    await waitFor(() => expect(lists().at(-1)?.url.searchParams.get('language')).toBe('ar'));
    expect(lists().at(-1)?.url.searchParams.get('state')).toBe('handled');
  });

  it('lets a viewer read without acting, and says a page needs reconnection', async () => {
    show('viewer', {
      status: { channels: [{ ...status.channels[0], status: 'needs_reconnection', isSandbox: false } as InboxStatus['channels'][number]] },
      page: { items: [], nextCursor: null, openCount: 0, isOpenCountCapped: false },
    });
    expect(await screen.findByText('Aucun commentaire à traiter : tout est à jour.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('inbox-open-count').textContent).toBe('Aucun commentaire à traiter');
    expect(screen.getByText(/doit être reconnectée/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Voir les pages connectées' }).getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/social/channels`);
    expect(screen.queryByRole('button', { name: 'Actualiser maintenant' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Répondre' })).toBeNull();
  });
});
