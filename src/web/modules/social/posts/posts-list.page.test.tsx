import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CHANNEL_ID, commonAnswer, PHOTO_ID, post } from '../../../../../test/helpers/social-post-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import type { Post } from './posts-api.js';
import { SocialPostsPage } from './posts-list.page.js';

const { messages: _messages, publications: _publications, photoProblems: _problems, ...summary } = post;
const scheduled: Post = {
  ...summary,
  id: '13131313-1313-4131-8131-131313131313',
  status: 'scheduled',
  reviewState: 'scheduled',
  assetIds: [PHOTO_ID],
  // Not the instant of 10:00 in Tunis: the list shows the server's wall clock, never the browser's reading of the instant.
  scheduledAt: '2026-12-01T07:00:00.000Z',
  scheduledLocal: { date: '2026-12-01', time: '10:00', timeZone: 'Africa/Tunis' },
};
const arabicOnly: Post = {
  ...summary,
  id: '14141414-1414-4141-8141-141414141414',
  languageMode: 'per_language',
  text: { ar: { value: 'ورشة في صفاقس', status: 'reviewed' } },
  status: 'in_review',
  reviewState: 'in_review',
  link: { url: 'https://altermed.org/sfax', preview: null },
};

function show(pages: (call: ApiCall) => { items: Post[]; nextCursor: string | null }) {
  return renderPage({
    pattern: '/w/:workspaceId/social',
    path: `/w/${WORKSPACE_ID}/social`,
    component: SocialPostsPage,
    workspace: { role: 'officer', timeZone: 'Africa/Tunis' },
    api: (call) => (call.url.pathname.endsWith('/social/posts') ? { body: pages(call) } : commonAnswer(call)),
  });
}

const listCalls = (calls: ApiCall[]) => calls.filter((call) => call.url.pathname.endsWith('/social/posts'));

describe('the posts list', { timeout: 30_000 }, () => {
  it('shows each post with its status, languages, attachment, page and when it goes out in the workspace’s time zone', async () => {
    show(() => ({ items: [scheduled, arabicOnly], nextCursor: null }));
    const rows = await screen.findAllByTestId('post-row', {}, { timeout: 10_000 });
    expect(rows.map((row) => row.getAttribute('data-status'))).toEqual(['scheduled', 'in_review']);
    const first = rows[0] as HTMLElement;
    expect(within(first).getByTestId('post-when').textContent).toBe('Programmée le 1 déc. 2026, 10:00 (Africa/Tunis)');
    expect(first.textContent).toContain('Publication bilingue · العربية · Français · 1 photo · AlterMed — bac à sable');
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/social/posts/${scheduled.id}`);
    const second = rows[1] as HTMLElement;
    expect(second.textContent).toContain('Une publication par langue · العربية · Avec un lien');
    expect(second.querySelector('[data-status]')?.textContent).toBe('En relecture');
    // The Arabic text keeps its language and direction inside a French page.
    expect(within(second).getByText('ورشة في صفاقس').getAttribute('dir')).toBe('rtl');
    expect(screen.getByRole('link', { name: 'Nouvelle publication' }).getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/social/posts/new`);
    expect(screen.getByRole('link', { name: 'Voir le calendrier' }).getAttribute('href')).toBe(`/w/${WORKSPACE_ID}/calendar`);
  });

  it('filters by status, language and page, orders the next to go out first, and pages on with the cursor', async () => {
    const { calls } = show((call) =>
      call.url.searchParams.get('cursor') ? { items: [arabicOnly], nextCursor: null } : { items: [scheduled], nextCursor: 'next-page' },
    );
    await screen.findAllByTestId('post-row', {}, { timeout: 10_000 });
    expect(listCalls(calls)[0]?.url.searchParams.get('order')).toBe('newest');
    fireEvent.click(screen.getByRole('button', { name: 'Afficher plus' }));
    await waitFor(() => expect(screen.getAllByTestId('post-row')).toHaveLength(2));
    expect(listCalls(calls).at(-1)?.url.searchParams.get('cursor')).toBe('next-page');

    fireEvent.click(screen.getByText('Prochaines à partir'));
    fireEvent.click(screen.getByRole('combobox', { name: 'Statut' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Programmée', hidden: true }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Langue' }));
    fireEvent.click(await screen.findByRole('option', { name: 'العربية', hidden: true }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Page' }));
    fireEvent.click(await screen.findByRole('option', { name: 'AlterMed — bac à sable', hidden: true }));
    await waitFor(() => expect(listCalls(calls).at(-1)?.url.searchParams.get('channelId')).toBe(CHANNEL_ID));
    const last = listCalls(calls).at(-1)?.url.searchParams;
    expect([last?.get('order'), last?.get('status'), last?.get('language'), last?.get('cursor')]).toEqual([
      'next',
      'scheduled',
      'ar',
      null,
    ]);
  });

  it('says when there is nothing yet, and when nothing matches the filters', async () => {
    show(() => ({ items: [], nextCursor: null }));
    expect(await screen.findByText('Aucune publication pour l’instant.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Rédiger la première publication' })).toBeTruthy();
    fireEvent.click(screen.getByRole('combobox', { name: 'Statut' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Échec', hidden: true }));
    expect(await screen.findByText('Aucune publication ne correspond.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Rédiger la première publication' })).toBeNull();
  });
});
