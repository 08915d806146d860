import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ARABIC, CHANNEL_ID, commonAnswer, FRENCH, PHOTO_ID, POST_ID, post } from '../../../../../test/helpers/social-post-web-fixture.js';
import { type ApiCall, renderPage, WORKSPACE_ID } from '../../../../../test/helpers/web-harness.js';
import { FSI, PDI } from '../../../../shared/social/compose-message.js';
import { SocialPostPage } from './post.page.js';
import type { PostDetail } from './posts-api.js';

function show(
  options: { detail?: PostDetail; path?: string; write?: (call: ApiCall) => { status?: number; body?: unknown } | undefined } = {},
) {
  const detail = options.detail ?? post;
  return renderPage({
    pattern: '/w/:workspaceId/social/posts/:postId',
    path: options.path ?? `/w/${WORKSPACE_ID}/social/posts/${POST_ID}`,
    component: SocialPostPage,
    workspace: { role: 'officer', timeZone: 'Africa/Tunis' },
    api: (call) => {
      const path = call.url.pathname;
      if (call.method !== 'GET') return options.write?.(call);
      if (path.endsWith(`/social/posts/${detail.id}`)) return { body: detail };
      return commonAnswer(call);
    },
  });
}

const arabicText = () => screen.getByLabelText('Texte (العربية)') as HTMLTextAreaElement;
const frenchText = () => screen.getByLabelText('Texte (Français)') as HTMLTextAreaElement;
const preview = () => screen.getByRole('region', { name: 'Aperçu' });

// A whole composer renders in jsdom in a few seconds on a busy machine.
describe('social post composer', { timeout: 30_000 }, () => {
  it('shows each language in its direction, the preview composed as Facebook receives it, and the review', async () => {
    show();
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    expect(arabicText().value).toBe(ARABIC);
    expect(arabicText().closest('[dir]')?.getAttribute('dir')).toBe('rtl');
    expect(frenchText().closest('[dir]')?.getAttribute('dir')).toBe('ltr');
    expect((screen.getByLabelText('Mots-dièse (Français)') as HTMLInputElement).value).toBe('ESS, Sfax');
    expect((screen.getByRole('radio', { name: 'Une seule publication, en arabe et en français' }) as HTMLInputElement).checked).toBe(true);

    const cards = within(preview()).getAllByTestId('post-preview-card');
    expect(cards.map((card) => card.getAttribute('data-target'))).toEqual(['together']);
    const card = cards[0] as HTMLElement;
    expect(within(card).getAllByText('AlterMed — bac à sable', { selector: '.tawasul-fb-page' })).toHaveLength(2);
    const lines = [...card.querySelectorAll('[data-testid="preview-message"] .tawasul-fb-line')];
    // Arabic first (the workspace's order), each line its own block; the French line isolated by the shared composer.
    expect(lines.every((line) => line.getAttribute('dir') === 'auto')).toBe(true);
    expect(lines[0]?.textContent).toBe(ARABIC);
    expect(lines[0]?.getAttribute('lang')).toBe('ar');
    expect(lines.map((line) => line.textContent)).toContain(`${FSI}${FRENCH}${PDI}`);
    expect(lines.find((line) => line.textContent?.includes('AlterMed vous'))?.getAttribute('lang')).toBe('fr');
    expect(within(card).getByTestId('preview-comment').textContent).toContain('Inscription : altermed.org/sfax');

    expect(screen.getByTestId('count-ar').textContent).toMatch(/caractères sur 63\s206/);
    expect(screen.getByTestId('count-together').textContent).toContain('Les deux langues ensemble');
    expect(await screen.findByRole('region', { name: 'Relecture et validation' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Programmation et publication' })).toBeTruthy();
    expect(screen.getByText('La publication doit être approuvée dans le circuit de validation avant d’être programmée.')).toBeTruthy();
  });

  it('shows one preview per language in per-language mode, and mirrors the card on demand', async () => {
    show();
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    fireEvent.click(screen.getByRole('radio', { name: 'Une publication par langue' }));
    const cards = within(preview()).getAllByTestId('post-preview-card');
    expect(cards.map((card) => card.getAttribute('data-target'))).toEqual(['ar', 'fr']);
    expect(cards[0]?.getAttribute('aria-label')).toBe('Aperçu : Arabe');
    expect(cards[1]?.querySelector('[data-testid="preview-message"]')?.textContent).toBe(`${FRENCH}\u00a0#ESS #Sfax`);
    expect(screen.queryByTestId('count-together')).toBeNull();
    expect(cards[0]?.getAttribute('dir')).toBe('ltr');
    fireEvent.click(within(preview()).getByText('De droite à gauche'));
    expect(within(preview()).getAllByTestId('post-preview-card')[0]?.getAttribute('dir')).toBe('rtl');
  });

  it('counts characters as Facebook does, warns near the limit and says how much is too much', async () => {
    show();
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    // A letter with its vowels is one character (4 for سَلَامٌ), an emoji with its skin tone too.
    fireEvent.change(arabicText(), { target: { value: 'سَلَامٌ 👋🏽' } });
    fireEvent.change(screen.getByLabelText('Mots-dièse (العربية)'), { target: { value: '' } });
    expect(screen.getByTestId('count-ar').textContent).toMatch(/^6 caractères sur 63\s206$/);
    fireEvent.change(frenchText(), { target: { value: 'é'.repeat(57_000) } });
    expect(screen.getByTestId('count-fr').getAttribute('data-level')).toBe('near');
    expect(screen.getByTestId('count-fr').textContent).toContain('proche de la limite de Facebook');
    fireEvent.change(frenchText(), { target: { value: 'é'.repeat(63_300) } });
    expect(screen.getByTestId('count-fr').getAttribute('data-level')).toBe('over');
    expect(screen.getByTestId('count-fr').textContent).toMatch(/caractères de trop/);
    expect(screen.getByTestId('count-together').getAttribute('data-level')).toBe('over');
    expect(screen.getByText('Trop long ensemble ? Choisissez « Une publication par langue ».')).toBeTruthy();
  });

  it('saves what was typed with the version read: hashtags split, the language’s status on text and comment', async () => {
    const { calls } = show({ write: (call) => (call.method === 'PATCH' ? { body: { ...post, version: 4 } } : undefined) });
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('unsaved')).toBeNull();
    fireEvent.change(screen.getByLabelText('Mots-dièse (العربية)'), { target: { value: '#صفاقس، الاقتصاد_التضامني' } });
    fireEvent.change(screen.getByLabelText('Statut de traduction (Français)'), { target: { value: 'reviewed' } });
    expect(screen.getByTestId('unsaved')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PATCH')).toBe(true));
    const body = JSON.parse(String(calls.find((call) => call.method === 'PATCH')?.body));
    expect(body.version).toBe(3);
    expect(body.hashtags).toEqual({ ar: ['صفاقس', 'الاقتصاد_التضامني'], fr: ['ESS', 'Sfax'] });
    expect(body.text.fr.status).toBe('reviewed');
    expect(body.firstComment.fr.status).toBe('reviewed');
    expect(body.text.ar).toEqual({ value: ARABIC, status: 'draft' });
    expect(body.link).toBeNull();
  });

  it('puts the server’s field errors beside their field and offers the other version on a conflict', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        message: 'Données invalides.',
        fields: {
          'text.ar.value': { code: 'TOO_LONG', message: 'Texte trop long.' },
          'hashtags.fr.1': { code: 'HASHTAG_INVALID', message: 'Mot-dièse invalide.' },
        },
      },
    };
    show({ write: () => answer });
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    fireEvent.change(arabicText(), { target: { value: `${ARABIC} !` } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(arabicText().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Texte trop long.')).toBeTruthy();
    expect(screen.getByText('Mot-dièse invalide.')).toBeTruthy();
    answer = { status: 409, body: { code: 'CONFLICT', message: 'Conflit' } };
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('button', { name: 'Charger la dernière version (vos modifications seront perdues)' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('modifié');
  });

  it('marks a photo whose consent no longer allows social use, and a hashtag Facebook would not link', async () => {
    show({ detail: { ...post, assetIds: [PHOTO_ID], photoProblems: { [PHOTO_ID]: 'CONSENT_EXPIRED' } } });
    await screen.findByLabelText('Texte (العربية)', {}, { timeout: 10_000 });
    const photo = screen.getByTestId('post-photo');
    expect(photo.getAttribute('data-problem')).toBe('true');
    expect(within(photo).getByRole('alert').textContent).toContain('L’accord des personnes sur cette photo a expiré');
    expect(within(preview()).getByTestId('preview-photos').getAttribute('data-count')).toBe('1');
    fireEvent.change(screen.getByLabelText('Mots-dièse (Français)'), { target: { value: 'ESS, Sfax-2026' } });
    expect(screen.getByText('« Sfax-2026 » n’est pas un mot-dièse : lettres, chiffres et « _ » seulement.')).toBeTruthy();
  });

  it('writes a new post on the only page and opens it once saved', async () => {
    const created = { ...post, id: '12121212-1212-4121-8121-121212121212', version: 1 };
    const { calls, location } = show({
      path: `/w/${WORKSPACE_ID}/social/posts/new`,
      detail: created,
      write: (call) => (call.method === 'POST' && call.url.pathname.endsWith('/social/posts') ? { status: 201, body: created } : undefined),
    });
    await screen.findByLabelText('Texte (Français)', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { level: 1, name: 'Nouvelle publication' })).toBeTruthy();
    expect(within(preview()).getByText('Le texte de la publication apparaîtra ici.')).toBeTruthy();
    fireEvent.change(frenchText(), { target: { value: FRENCH } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/w/${WORKSPACE_ID}/social/posts/${created.id}`));
    const body = JSON.parse(String(calls.find((call) => call.method === 'POST')?.body));
    expect(body).toMatchObject({
      channelId: CHANNEL_ID,
      languageMode: 'together',
      text: { fr: { value: FRENCH, status: 'draft' } },
      link: null,
    });
    expect(body.text.ar).toBeUndefined();
  });
});
