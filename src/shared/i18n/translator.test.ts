import { describe, expect, it } from 'vitest';
import { createTranslator, formatDate, formatNumber, isolate } from './translator.js';

const catalog = {
  'x.count': '{count, plural, zero {لا شيء} one {واحد} two {اثنان} few {# قليلة} many {# كثيرة} other {# أخرى}}',
};

describe('translator', () => {
  it('picks each of the six Arabic plural forms', () => {
    const t = createTranslator('ar', catalog);
    expect([0, 1, 2, 3, 11, 100].map((count) => t('x.count', { count }))).toEqual([
      'لا شيء',
      'واحد',
      'اثنان',
      '3 قليلة',
      '11 كثيرة',
      '100 أخرى',
    ]);
  });

  it('uses Western digits in Arabic by default and Eastern Arabic digits on request', () => {
    expect(formatNumber(1234.5, 'ar')).toMatch(/^1[^0-9]?234[^0-9]5$/);
    expect(formatNumber(1234, 'ar', 'arab')).toMatch(/^[١٢٣٤٬]+$/);
    expect(createTranslator('ar', catalog, 'arab')('x.count', { count: 3 })).toBe('٣ قليلة');
  });

  it('formats dates per locale', () => {
    const date = new Date(Date.UTC(2026, 10, 28, 12));
    expect(formatDate(date, 'fr', { dateStyle: 'long', timeZone: 'UTC' })).toBe('28 novembre 2026');
    expect(formatDate(date, 'ar', { dateStyle: 'long', timeZone: 'UTC' })).toContain('28');
    expect(formatDate(date, 'ar', { dateStyle: 'long', timeZone: 'UTC' })).toMatch(/نونبر|نوفمبر/);
  });

  it('shows a missing key as itself rather than failing', () => {
    expect(createTranslator('fr', {})('nope.key')).toBe('nope.key');
  });

  it('isolates embedded text with first-strong isolates', () => {
    expect(isolate('ICOSI')).toBe('\u2068ICOSI\u2069');
  });
});
