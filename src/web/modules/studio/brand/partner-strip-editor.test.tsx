import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n-context.js';
import type { BrandKit, BrandPartner } from './brand-kit-api.js';
import { PartnerStripEditor } from './partner-strip-editor.js';

const WORKSPACE_ID = '11111111-1111-4111-8111-111111111111';
const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

function partner(n: number, fr: string, ar: string, role: 'partner' | 'funder', position: number, languages: string[] = []): BrandPartner {
  return {
    id: id(n),
    organisationId: null,
    name: { fr: { value: fr, status: 'reviewed' }, ar: { value: ar, status: 'reviewed' } },
    logoFileId: id(n + 5),
    role,
    position,
    mention:
      role === 'funder' ? { ar: { value: 'بدعم من', status: 'reviewed' }, fr: { value: 'Avec le soutien de', status: 'reviewed' } } : {},
    languages,
  };
}

// Saved order: the funder was placed second, and Jeunesse Plus shows in French strips only.
const partners = [
  partner(1, 'ICOSI', 'إيكوسي', 'partner', 0),
  partner(2, 'Union européenne', 'الاتحاد الأوروبي', 'funder', 1),
  partner(3, 'ADFR', 'جمعية تنمية المرأة الريفية', 'partner', 2),
  partner(4, 'Jeunesse Plus', 'شباب بلس', 'partner', 3, ['fr']),
];

const kit = { workspaceId: WORKSPACE_ID, partners } as unknown as BrandKit;

function renderInArabic() {
  const calls: Array<{ method: string; path: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    calls.push({
      method: init.method ?? 'GET',
      path: new URL(input, 'http://tawasul.test').pathname,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    });
    return new Response(JSON.stringify({ items: [] }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale="ar">
        <MantineProvider>
          <PartnerStripEditor workspaceId={WORKSPACE_ID} kit={kit} languages={['ar', 'fr']} canManage />
        </MantineProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  return calls;
}

describe('partner strip editor, in Arabic', () => {
  it('lists partners then funders, and previews the Arabic strip right to left without the French-only logo', async () => {
    renderInArabic();
    const rows = await screen.findAllByTestId('partner-row');
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual([id(1), id(3), id(4), id(2)]);
    const arabic = screen.getByTestId('strip-ar');
    expect(arabic.getAttribute('dir')).toBe('rtl');
    expect(
      within(arabic)
        .getAllByRole('listitem')
        .map((item) => item.getAttribute('data-name')),
    ).toEqual(['إيكوسي', 'جمعية تنمية المرأة الريفية', 'الاتحاد الأوروبي']);
    expect(within(arabic).getByText('بدعم من')).toBeTruthy();
    const french = screen.getByTestId('strip-fr');
    expect(french.getAttribute('dir')).toBe('ltr');
    expect(within(french).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByText('4 شعارات في الشريط')).toBeTruthy();
  });

  it('moves an entry with one request carrying the whole new order, and never lets a funder pass a partner', async () => {
    const calls = renderInArabic();
    await screen.findAllByTestId('partner-row');
    expect((screen.getByRole('button', { name: 'تقديم إيكوسي' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'تقديم الاتحاد الأوروبي' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'تأخير شباب بلس' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'تأخير إيكوسي' }));
    await waitFor(() => expect(calls.some((call) => call.method === 'PUT')).toBe(true));
    const sent = calls.filter((call) => call.method === 'PUT');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      method: 'PUT',
      path: `/api/workspaces/${WORKSPACE_ID}/studio/brand-kit/partners/order`,
      body: { ids: [id(3), id(1), id(4), id(2)] },
    });
  });
});
