/**
 * The font families shipped in `assets/fonts/` (see its README), the only ones a brand kit may name
 * and a render may use. One list for the brand kit's schema, its page and the renderer.
 */

export const FONT_SCRIPTS = ['arabic', 'latin'] as const;
export type FontScript = (typeof FONT_SCRIPTS)[number];

export interface ShippedFontFamily {
  /** The family name as the font files declare it (what Typst and CSS name). */
  family: string;
  script: FontScript;
  /** Sans for visuals and headings; serif (naskh for Arabic) for running text of documents. */
  style: 'sans' | 'serif';
  /** File names in `assets/fonts/`, regular first. */
  files: readonly string[];
}

export const SHIPPED_FONT_FAMILIES = [
  {
    family: 'Noto Sans Arabic',
    script: 'arabic',
    style: 'sans',
    files: ['NotoSansArabic-Regular.ttf', 'NotoSansArabic-Bold.ttf'],
  },
  {
    family: 'Noto Naskh Arabic',
    script: 'arabic',
    style: 'serif',
    files: ['NotoNaskhArabic-Regular.ttf', 'NotoNaskhArabic-Bold.ttf'],
  },
  {
    family: 'Noto Sans',
    script: 'latin',
    style: 'sans',
    files: ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf', 'NotoSans-Italic.ttf'],
  },
  {
    family: 'Noto Serif',
    script: 'latin',
    style: 'serif',
    files: ['NotoSerif-Regular.ttf', 'NotoSerif-Bold.ttf', 'NotoSerif-Italic.ttf'],
  },
] as const satisfies readonly ShippedFontFamily[];

export type ShippedFamilyName = (typeof SHIPPED_FONT_FAMILIES)[number]['family'];

/** Family names of one script, in the order above. */
export function familiesOf(script: FontScript): string[] {
  return SHIPPED_FONT_FAMILIES.filter((font) => font.script === script).map((font) => font.family);
}

export const ARABIC_FONT_FAMILIES = ['Noto Sans Arabic', 'Noto Naskh Arabic'] as const;
export const LATIN_FONT_FAMILIES = ['Noto Sans', 'Noto Serif'] as const;

/** Every file name in `assets/fonts/` that may be served or passed to a renderer. */
export const SHIPPED_FONT_FILES: readonly string[] = SHIPPED_FONT_FAMILIES.flatMap((font) => [...font.files]);
