/**
 * The workspace's brand colour as Mantine's primary colour. The app uses shade 9 for filled buttons
 * (white text), links and light-variant text (on shade 1), so shade 9 must keep WCAG AA contrast
 * (4.5:1) there: a brand colour too light for that is darkened, keeping its hue, and the ten shades
 * are tints of that shade 9 towards white.
 */
import { createTheme, type MantineColorsTuple, type MantineThemeOverride } from '@mantine/core';

type Rgb = readonly [number, number, number];

const WHITE: Rgb = [255, 255, 255];
/** A little above 4.5 so that rounding to hex and the browser's blending never land below it. */
const MIN_CONTRAST_ON_WHITE = 4.7;
const MIN_CONTRAST_ON_LIGHT = 4.5;
/** Share of the base colour in each shade, from the lightest (0) to the base itself (9). */
const TINT_WEIGHTS = [0.06, 0.13, 0.24, 0.36, 0.5, 0.64, 0.76, 0.86, 0.94, 1] as const;

export const DEFAULT_BRAND_COLOR = '#0f766e';

// Arabic first in the stack would give Latin text Arabic-style digits and punctuation; Noto Sans Arabic only covers Arabic script.
const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", Roboto, sans-serif';

export function parseHex(hex: string): Rgb | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match?.[1]) return undefined;
  const value = Number.parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb
    .map((channel) =>
      Math.round(Math.min(255, Math.max(0, channel)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** WCAG 2 relative luminance. */
function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours (1 to 21). */
export function contrastRatio(a: string | Rgb, b: string | Rgb): number {
  const first = typeof a === 'string' ? (parseHex(a) ?? WHITE) : a;
  const second = typeof b === 'string' ? (parseHex(b) ?? WHITE) : b;
  const [light, dark] = [luminance(first), luminance(second)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function mix(from: Rgb, to: Rgb, weight: number): Rgb {
  return [0, 1, 2].map((index) => from[index]! + (to[index]! - from[index]!) * weight) as unknown as Rgb;
}

function roundRgb(rgb: Rgb): Rgb {
  return parseHex(toHex(rgb)) as Rgb;
}

/** Ten shades, lightest first; shade 9 is the brand colour, darkened only as far as contrast needs. */
export function brandPalette(brandColor: string): MantineColorsTuple {
  let base = parseHex(brandColor) ?? (parseHex(DEFAULT_BRAND_COLOR) as Rgb);
  const shadesOf = (color: Rgb) => TINT_WEIGHTS.map((weight) => roundRgb(mix(WHITE, color, weight)));
  // Scaling every channel keeps the hue; 60 steps of 4% reach black from any colour.
  for (let step = 0; step < 60; step += 1) {
    const shades = shadesOf(base);
    const strongest = shades[9] as Rgb;
    if (contrastRatio(strongest, WHITE) >= MIN_CONTRAST_ON_WHITE && contrastRatio(strongest, shades[1] as Rgb) >= MIN_CONTRAST_ON_LIGHT)
      break;
    base = base.map((channel) => channel * 0.96) as unknown as Rgb;
  }
  return shadesOf(base).map(toHex) as unknown as MantineColorsTuple;
}

/** The app's theme; with a brand colour, its palette becomes the primary colour. */
export function appTheme(brandColor?: string): MantineThemeOverride {
  return createTheme({
    fontFamily: FONT_STACK,
    headings: { fontFamily: FONT_STACK },
    ...(brandColor ? { colors: { brand: brandPalette(brandColor) }, primaryColor: 'brand' } : { primaryColor: 'teal' }),
    // Shade 9 of the primary colour, red 9 for errors and gray 7 for dimmed text keep a 4.5:1 contrast on white (axe-core, WCAG AA).
    primaryShade: 9,
  });
}
