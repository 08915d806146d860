import { describe, expect, it } from 'vitest';
import { isPlausibleEmail, normalizeEmail, variantFor } from './subscriber-identity.js';

describe('subscriber identity', () => {
  it('normalizes case and spaces, and checks addresses pragmatically', () => {
    expect(normalizeEmail('  Salma.B@Example.TN ')).toBe('salma.b@example.tn');
    expect(isPlausibleEmail('salma@example.tn')).toBe(true);
    expect(isPlausibleEmail('salma@example')).toBe(false);
    expect(isPlausibleEmail('sal ma@example.tn')).toBe(false);
  });

  it('gives each subscriber the variant of their first language the issue has', () => {
    const perLanguage = { sendMode: 'per_language' as const, languages: ['ar', 'fr'] as const };
    expect(variantFor(['fr', 'ar'], perLanguage)).toBe('fr');
    expect(variantFor(['ar'], perLanguage)).toBe('ar');
    expect(variantFor(['en'], perLanguage)).toBe('bilingual');
    expect(variantFor(['en'], { sendMode: 'per_language', languages: ['fr'] })).toBe('fr');
    expect(variantFor(['fr'], { sendMode: 'bilingual', languages: ['ar', 'fr'] })).toBe('bilingual');
  });
});
