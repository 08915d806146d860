/**
 * When an asset may be used (T4). A photo of people is usable for a use when it has at least one
 * consent record and every record (one per person shown) covers that use and has not expired — its
 * `expiresOn` is the last day it holds. An asset showing no one is usable for everything. The asset
 * picker applies the same rule in SQL (`usableCondition` in assets.repo.ts).
 */
import type { AssetConsentSummary, ConsentUse } from './assets.schema.js';
import { CONSENT_USES } from './assets.schema.js';

export interface ConsentTerms {
  scope: readonly string[];
  expiresOn: string | null;
}

/** Whether a consent's last day is before `today` (both `YYYY-MM-DD`). */
export function isConsentExpired(consent: Pick<ConsentTerms, 'expiresOn'>, today: string): boolean {
  return consent.expiresOn !== null && consent.expiresOn < today;
}

export function consentSummaryOf(showsPeople: boolean, consents: readonly ConsentTerms[], today: string): AssetConsentSummary {
  const dates = consents.map((consent) => consent.expiresOn).filter((date): date is string => date !== null);
  const expiresOn = [...dates].sort()[0] ?? null;
  if (!showsPeople) return { status: 'not_required', usableFor: [...CONSENT_USES], expiresOn };
  if (consents.length === 0) return { status: 'missing', usableFor: [], expiresOn };
  if (consents.some((consent) => isConsentExpired(consent, today))) return { status: 'expired', usableFor: [], expiresOn };
  const usableFor: ConsentUse[] = CONSENT_USES.filter((use) => consents.every((consent) => consent.scope.includes(use)));
  return { status: 'valid', usableFor, expiresOn };
}
