import { describe, expect, it } from 'vitest';
import { consentSummaryOf, isConsentExpired } from './consent-rules.js';

describe('consent rules', () => {
  it('holds a consent through its last day', () => {
    expect(isConsentExpired({ expiresOn: '2026-06-30' }, '2026-06-30')).toBe(false);
    expect(isConsentExpired({ expiresOn: '2026-06-30' }, '2026-07-01')).toBe(true);
    expect(isConsentExpired({ expiresOn: null }, '2999-01-01')).toBe(false);
  });

  it('makes a photo usable only for the uses every person shown agreed to, none once one has expired', () => {
    const today = '2026-07-01';
    expect(consentSummaryOf(true, [], today)).toEqual({ status: 'missing', usableFor: [], expiresOn: null });
    expect(
      consentSummaryOf(
        true,
        [
          { scope: ['print', 'web', 'social'], expiresOn: '2027-01-01' },
          { scope: ['web', 'social'], expiresOn: '2026-07-01' },
        ],
        today,
      ),
    ).toEqual({ status: 'valid', usableFor: ['web', 'social'], expiresOn: '2026-07-01' });
    expect(
      consentSummaryOf(
        true,
        [
          { scope: ['web'], expiresOn: null },
          { scope: ['web'], expiresOn: '2026-06-30' },
        ],
        today,
      ).status,
    ).toBe('expired');
    expect(consentSummaryOf(false, [], today).usableFor).toEqual(['print', 'web', 'social', 'press']);
  });
});
