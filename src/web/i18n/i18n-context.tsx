/**
 * The interface language of the app: loads its catalog, builds one translator, and keeps
 * `<html lang dir>` in step (Mantine's DirectionProvider reads the same `dir`, STYLE G11).
 */
import { DirectionProvider, useDirection } from '@mantine/core';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type ArabicDigits, createTranslator, formatDate, formatNumber, intlLocale, type Translate } from '../../shared/i18n/translator.js';
import { directionOf, type UiLocale } from '../../shared/languages.js';
import { setApiLocale } from '../api/api-client.js';
import { loadCatalog } from './catalog-loader.js';
import { initialLocale, storeLocale } from './locale-preference.js';

export interface I18n {
  locale: UiLocale;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for Intl, with the workspace's digits. */
  intlTag: string;
  t: Translate;
  formatDate(date: Date | string, options?: Intl.DateTimeFormatOptions): string;
  formatNumber(value: number): string;
  /** Switches the interface; `isExplicit` records that the person chose it (not the account default). */
  setLocale(locale: UiLocale, options?: { isExplicit?: boolean }): void;
  setArabicDigits(digits: ArabicDigits): void;
}

const I18nContext = createContext<I18n | null>(null);

/** The current language, translator and formatters. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Shorthand for the translator. */
export function useT(): Translate {
  return useI18n().t;
}

function DirectionSync({ dir }: { dir: 'ltr' | 'rtl' }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

export function I18nProvider({ children, locale: forcedLocale }: { children: ReactNode; locale?: UiLocale }) {
  const [locale, setLocaleState] = useState<UiLocale>(() => forcedLocale ?? initialLocale());
  const [arabicDigits, setArabicDigits] = useState<ArabicDigits>('latn');
  const [catalog, setCatalog] = useState<{ locale: UiLocale; entries: Record<string, string> } | null>(null);

  useEffect(() => {
    let isCurrent = true;
    loadCatalog(locale).then((entries) => {
      if (isCurrent) setCatalog({ locale, entries });
    });
    return () => {
      isCurrent = false;
    };
  }, [locale]);

  const dir = directionOf(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    setApiLocale(locale);
  }, [locale, dir]);

  const setLocale = useCallback((next: UiLocale, options: { isExplicit?: boolean } = {}) => {
    storeLocale(next, options.isExplicit ?? false);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18n | null>(() => {
    if (!catalog) return null;
    // Until the new catalog arrives the previous one keeps the screen readable.
    const shown = catalog.locale;
    return {
      locale: shown,
      dir: directionOf(shown),
      intlTag: intlLocale(shown, arabicDigits),
      t: createTranslator(shown, catalog.entries, arabicDigits),
      formatDate: (date, options) => formatDate(date, shown, options, arabicDigits),
      formatNumber: (number) => formatNumber(number, shown, arabicDigits),
      setLocale,
      setArabicDigits,
    };
  }, [catalog, arabicDigits, setLocale]);

  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync dir={dir} />
      {value ? <I18nContext.Provider value={value}>{children}</I18nContext.Provider> : <div aria-busy="true" />}
    </DirectionProvider>
  );
}
