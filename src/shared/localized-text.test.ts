import { describe, expect, it } from 'vitest';
import { foldForSearch, localizedTextSchema, pickLocalized } from './localized-text.js';

describe('LocalizedText', () => {
  const schema = localizedTextSchema({ required: true, maxLength: 10 });

  it('derives missing from an empty value, and draft from a value marked missing', () => {
    const parsed = schema.parse({ ar: { value: ' نص ', status: 'missing' }, fr: { value: '', status: 'reviewed' } });
    expect(parsed).toEqual({ ar: { value: 'نص', status: 'draft' }, fr: { value: '', status: 'missing' } });
  });

  it('requires one language with a value when required', () => {
    const result = schema.safeParse({ fr: { value: '  ', status: 'draft' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('LOCALIZED_REQUIRED');
  });

  it('refuses unknown languages and extra keys', () => {
    expect(schema.safeParse({ xx: { value: 'a', status: 'draft' } }).success).toBe(false);
    expect(schema.safeParse({ fr: { value: 'a', status: 'draft', dir: 'rtl' } }).success).toBe(false);
  });

  it('falls back through the workspace languages', () => {
    const text = { ar: { value: 'مرحبا', status: 'reviewed' as const }, fr: { value: '', status: 'missing' as const } };
    expect(pickLocalized(text, 'fr', ['ar'])).toEqual({ value: 'مرحبا', language: 'ar' });
  });

  it('folds Arabic letter variants, diacritics, tatweel and Latin accents for search', () => {
    expect(foldForSearch('إِتّحـاد')).toBe(foldForSearch('اتحاد'));
    expect(foldForSearch('جمعيّة')).toBe(foldForSearch('جمعيه'));
    expect(foldForSearch('مستشفى')).toBe(foldForSearch('مستشفي'));
    expect(foldForSearch('Coopérative')).toBe('cooperative');
  });
});
