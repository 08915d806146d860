import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BrandKitUpdateSchema, defaultBrandColors, stripOrder, textContrastOf } from './brand-kit.schema.js';
import { contrastRatio } from './colour-contrast.js';
import { ARABIC_FONT_FAMILIES, familiesOf, LATIN_FONT_FAMILIES, SHIPPED_FONT_FILES } from './fonts.js';

describe('brand kit rules', () => {
  it('computes WCAG contrast: black on white is 21, #777 on white just misses AA', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBe(21);
    expect(textContrastOf({ text: '#767676', background: '#ffffff' })).toEqual({ ratio: 4.54, level: 'AA', isBelowAA: false });
    expect(textContrastOf({ text: '#777777', background: '#ffffff' }).isBelowAA).toBe(true);
  });

  it('derives default colours from the workspace brand colour', () => {
    const colors = defaultBrandColors('#7C3AED');
    expect(colors.primary).toBe('#7c3aed');
    expect(contrastRatio(colors.secondary, '#ffffff')).toBeGreaterThan(contrastRatio(colors.primary, '#ffffff'));
    expect(defaultBrandColors('not a colour').primary).toBe('#0f766e');
  });

  it('orders a strip partners first, funders last, each by position', () => {
    const entries = [
      { id: 'eu', role: 'funder', position: 0 },
      { id: 'b', role: 'partner', position: 2 },
      { id: 'a', role: 'partner', position: 1 },
    ];
    expect(stripOrder(entries).map((entry) => entry.id)).toEqual(['a', 'b', 'eu']);
  });

  it('accepts only shipped fonts, listed once per script, whose files are in assets/fonts', () => {
    expect([...ARABIC_FONT_FAMILIES]).toEqual(familiesOf('arabic'));
    expect([...LATIN_FONT_FAMILIES]).toEqual(familiesOf('latin'));
    for (const file of SHIPPED_FONT_FILES) expect(existsSync(path.join('assets/fonts', file)), file).toBe(true);
    const parsed = BrandKitUpdateSchema.safeParse({
      colors: { primary: '#000000', secondary: '#000000', accent: '#000000', text: '#000000', background: '#fff' },
      fonts: { arabic: 'Amiri', arabicHeading: 'Noto Sans Arabic', latin: 'Noto Sans', latinHeading: 'Noto Sans' },
      logoLightFileId: null,
      logoDarkFileId: null,
      funderDisclaimer: {},
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['colors.background', 'fonts.arabic']);
  });
});
