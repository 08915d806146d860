/** Country choices: the consortium's first, then neighbours and partners; names come from Intl in the interface language. */
import { CONSORTIUM_COUNTRIES } from '../../../shared/limits.js';

const OTHER_COUNTRIES = ['BE', 'CA', 'CH', 'DE', 'EG', 'ES', 'GB', 'IT', 'JO', 'LB', 'LY', 'MR', 'NL', 'PS', 'PT', 'SN', 'US'];

/** `[{ value: 'MA', label: 'Maroc' }, …]`, consortium countries first. */
export function countryOptions(locale: string, current?: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const label = (code: string) => names.of(code) ?? code;
  const others = [...new Set([...OTHER_COUNTRIES, ...(current && !CONSORTIUM_COUNTRIES.includes(current as never) ? [current] : [])])]
    .map((code) => ({ value: code, label: label(code) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  return [...CONSORTIUM_COUNTRIES.map((code) => ({ value: code, label: label(code) })), ...others];
}

/** The country's name in the interface language. */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
}
