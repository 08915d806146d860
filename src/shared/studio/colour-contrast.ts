/**
 * WCAG 2 contrast of two `#rrggbb` colours, shared by the server (which reports the brand kit's
 * warning) and the brand kit page (which shows it live while a colour is picked).
 */

/** Normal text needs 4.5:1 (WCAG 2.1 AA, 1.4.3); large text (≥ 24 px, or 18.66 px bold) 3:1. */
export const WCAG_AA_NORMAL = 4.5;
export const WCAG_AA_LARGE = 3;
export const WCAG_AAA_NORMAL = 7;

export type ContrastLevel = 'AAA' | 'AA' | 'AA_LARGE' | 'FAIL';

function channels(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace(/^#/, ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG 2 relative luminance (0 for black, 1 for white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio from 1 (same colour) to 21 (black on white), rounded to two decimals. */
export function contrastRatio(first: string, second: string): number {
  const [light, dark] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a) as [number, number];
  return Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100;
}

/** The highest WCAG level a ratio reaches for text. */
export function contrastLevel(ratio: number): ContrastLevel {
  if (ratio >= WCAG_AAA_NORMAL) return 'AAA';
  if (ratio >= WCAG_AA_NORMAL) return 'AA';
  if (ratio >= WCAG_AA_LARGE) return 'AA_LARGE';
  return 'FAIL';
}

/** Mixes `hex` towards `target` by `weight` (0 keeps it, 1 gives the target). */
export function mixColours(hex: string, target: string, weight: number): string {
  const from = channels(hex);
  const to = channels(target);
  return `#${from
    .map((channel, index) =>
      Math.round(channel + ((to[index] as number) - channel) * weight)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
