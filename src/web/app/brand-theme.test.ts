import { describe, expect, it } from 'vitest';
import { appTheme, brandPalette, contrastRatio, DEFAULT_BRAND_COLOR, parseHex } from './brand-theme.js';

/** Hue in degrees, to check that darkening keeps the colour recognisable. */
function hueOf(hex: string): number {
  const [r, g, b] = (parseHex(hex) as [number, number, number]).map((channel) => channel / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta === 0) return 0;
  const sector = max === r ? ((g - b) / delta + 6) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return sector * 60;
}

describe('brand palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(['#0f766e', '#ffd43b', '#ffffff', '#74c0fc', '#ff0000', '#00ff00', '#000000', '#7048e8', '#e8590c'])(
    'gives %s ten shades, lightest first, with shade 9 readable under white text and on shade 1',
    (brand) => {
      const palette = brandPalette(brand);
      expect(palette).toHaveLength(10);
      for (const shade of palette) expect(shade).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(palette[9], '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(palette[9], palette[1])).toBeGreaterThanOrEqual(4.5);
      const lightness = palette.map((shade) => contrastRatio(shade, '#ffffff'));
      expect(lightness).toEqual([...lightness].sort((a, b) => a - b));
    },
  );

  it('keeps a brand colour that is dark enough exactly, as the filled colour', () => {
    expect(brandPalette('#0F766E')[9]).toBe('#0f766e');
    expect(brandPalette('#7048e8')[9]).toBe('#7048e8');
  });

  it('darkens a light brand colour for white text, keeping its hue', () => {
    const palette = brandPalette('#ffd43b');
    expect(palette[9]).not.toBe('#ffd43b');
    expect(Math.abs(hueOf(palette[9]) - hueOf('#ffd43b'))).toBeLessThan(4);
  });

  it('falls back to the default brand colour for a value that is not a colour', () => {
    expect(brandPalette('teal')).toEqual(brandPalette(DEFAULT_BRAND_COLOR));
  });

  it('makes the palette the primary colour of the theme, and teal without a workspace', () => {
    const branded = appTheme('#7048e8');
    expect(branded.primaryColor).toBe('brand');
    expect(branded.colors?.brand?.[9]).toBe('#7048e8');
    expect(branded.primaryShade).toBe(9);
    expect(appTheme().primaryColor).toBe('teal');
  });
});
