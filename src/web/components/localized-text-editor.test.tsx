import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { LocalizedText } from '../../shared/localized-text.js';
import { I18nProvider } from '../i18n/i18n-context.js';
import { deriveStatus, withValue } from './localized-text.js';
import { LocalizedTextEditor } from './localized-text-editor.js';

function Harness({ initial, onValue }: { initial: LocalizedText; onValue?: (value: LocalizedText) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <LocalizedTextEditor
      label="Nom"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue?.(next);
      }}
      languages={['ar', 'fr']}
    />
  );
}

function renderEditor(initial: LocalizedText, onValue?: (value: LocalizedText) => void) {
  return render(
    <I18nProvider locale="fr">
      <MantineProvider>
        <Harness initial={initial} onValue={onValue} />
      </MantineProvider>
    </I18nProvider>,
  );
}

/** The direction an input gets: its own attribute or the nearest ancestor's (Mantine sets it on the wrapper). */
function directionOf(element: HTMLElement): string | null {
  return element.closest('[dir]')?.getAttribute('dir') ?? null;
}

describe('LocalizedTextEditor', () => {
  it('labels one input per language with its lang and direction', async () => {
    renderEditor({ ar: { value: 'جمعية', status: 'reviewed' }, fr: { value: '', status: 'missing' } });
    const arabic = await screen.findByRole('textbox', { name: 'Nom (العربية)' });
    const french = screen.getByRole('textbox', { name: 'Nom (Français)' });
    expect(arabic.getAttribute('lang')).toBe('ar');
    expect(directionOf(arabic)).toBe('rtl');
    expect(french.getAttribute('lang')).toBe('fr');
    expect(directionOf(french)).toBe('ltr');
    expect((arabic as HTMLInputElement).value).toBe('جمعية');
  });

  it('derives the status: missing when empty, draft when text arrives, kept when chosen', async () => {
    let last: LocalizedText = {};
    renderEditor({ ar: { value: 'جمعية', status: 'reviewed' }, fr: { value: '', status: 'missing' } }, (value) => {
      last = value;
    });
    const french = await screen.findByRole('textbox', { name: 'Nom (Français)' });
    const frenchStatus = screen.getByRole('combobox', { name: 'Statut de traduction : Nom (Français)' }) as HTMLSelectElement;
    expect(frenchStatus.disabled).toBe(true);
    fireEvent.change(french, { target: { value: 'Association' } });
    expect(last.fr).toEqual({ value: 'Association', status: 'draft' });
    expect(frenchStatus.disabled).toBe(false);
    fireEvent.change(frenchStatus, { target: { value: 'translated' } });
    expect(last.fr).toEqual({ value: 'Association', status: 'translated' });
    fireEvent.change(french, { target: { value: '' } });
    expect(last.fr).toEqual({ value: '', status: 'missing' });
    expect(last.ar).toEqual({ value: 'جمعية', status: 'reviewed' });
  });
});

describe('status helpers', () => {
  it('never shows a status that disagrees with the value', () => {
    expect(deriveStatus(undefined)).toBe('missing');
    expect(deriveStatus({ value: '  ', status: 'reviewed' })).toBe('missing');
    expect(deriveStatus({ value: 'x', status: 'missing' })).toBe('draft');
    expect(withValue({ value: 'a', status: 'reviewed' }, 'ab')).toEqual({ value: 'ab', status: 'reviewed' });
  });
});
