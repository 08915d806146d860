/**
 * A studio document (title, subtitle and body per language, layout, mode) and the workspace's brand
 * kit → the data of the `document` Typst template (templates/typst/document/). The output is JSON
 * only: every user text stays a string the template shows as a string, never Typst source.
 *
 * Images are not read here: the result names which file or asset goes in which template slot
 * (`logo`, `image-<n>`, `partner-<n>`), and the caller passes their bytes as render assets. An image
 * beyond the template's slots, or a partner beyond the strip's slots, is left out.
 */
import type { RenderVariant } from '../../../shared/render/render.schema.js';
import type { BrandColors, PartnerStripEntry } from '../../../shared/studio/brand-kit.schema.js';
import {
  type BlockNode,
  DOCUMENT_IMAGE_SLOTS,
  DOCUMENT_PARTNER_SLOTS,
  type DocumentBodies,
  type DocumentBody,
  type DocumentDigits,
  type DocumentLayout,
  type DocumentMode,
  type InlineNode,
} from '../../../shared/studio/documents.schema.js';

export type DocumentLanguage = 'ar' | 'fr';
type Texts = Partial<Record<DocumentLanguage, string>>;

export interface DocumentLayoutInput {
  title: Texts;
  subtitle?: Texts;
  body: DocumentBodies;
  layout: DocumentLayout;
  mode: DocumentMode;
  /** Language order of a bilingual-sequential document (Arabic first by default). */
  order?: readonly DocumentLanguage[];
  brand?: { colors?: Partial<BrandColors>; logoFileId?: string | null };
  /** The strip per language (partnerStripFor); the first language's strip is printed. */
  partnerStrip?: readonly PartnerStripEntry[];
  /** A strip entry's mention ("Avec le soutien financier de") in each language, by entry id. */
  partnerMentions?: Readonly<Record<string, Texts>>;
  /** The funder's mention per language (brandKitForRender().disclaimer). */
  disclaimer?: Texts;
  /** Workspace setting: Western digits (default) or Eastern Arabic ones. */
  digits?: DocumentDigits;
  /** An image of the asset library for the cover page (or under the title band), already checked. */
  coverAssetId?: string | null;
}

export type RenderRun = { text: string; bold?: boolean; italic?: boolean; href?: string } | { footnote: string };
export type RenderBlock =
  | { kind: 'heading'; level: number; runs: RenderRun[] }
  | { kind: 'paragraph'; runs: RenderRun[] }
  | { kind: 'list'; ordered: boolean; start: number; items: RenderBlock[][] }
  | { kind: 'table'; rows: { header: boolean; cells: RenderBlock[][] }[] }
  | { kind: 'image'; slot: string | null; alt: string }
  | { kind: 'quote'; blocks: RenderBlock[] }
  | { kind: 'callout'; tone: 'info' | 'warning' | 'success' | 'quote'; blocks: RenderBlock[] };

export interface DocumentRenderData {
  layout: DocumentLayout;
  arrangement: 'single' | 'sequential' | 'facing';
  title: Texts;
  subtitle?: Texts;
  chapters: { lang: DocumentLanguage; blocks: RenderBlock[] }[];
  disclaimer?: Texts;
  partners: { name: string; slot: string | null; funder: boolean; mention?: Texts }[];
  digits: DocumentDigits;
  /** The cover image's slot (`cover`), when there is one. */
  cover?: string;
  brand: { primary?: string; accent?: string; ink?: string; paper?: string };
}

export interface DocumentRenderPlan {
  template: 'document';
  variant: RenderVariant;
  data: DocumentRenderData;
  /** Template slot → file id (logo, partner logos) to read from the file store. */
  fileSlots: Record<string, string>;
  /** Template slot → asset id (body images, `cover`) to read from the asset library. */
  assetSlots: Record<string, string>;
}

/** Which languages a mode prints, in order. */
export function modeLanguages(mode: DocumentMode, order: readonly DocumentLanguage[] = ['ar', 'fr']): DocumentLanguage[] {
  if (mode === 'ar' || mode === 'fr') return [mode];
  const ordered = order.filter((lang, index) => order.indexOf(lang) === index);
  return [...ordered, ...(['ar', 'fr'] as const).filter((lang) => !ordered.includes(lang))];
}

class Converter {
  readonly assetSlots: Record<string, string> = {};
  private readonly slotOfAsset = new Map<string, string>();

  private imageSlot(assetId: string): string | null {
    const known = this.slotOfAsset.get(assetId);
    if (known) return known;
    if (this.slotOfAsset.size >= DOCUMENT_IMAGE_SLOTS) return null;
    const slot = `image-${this.slotOfAsset.size}`;
    this.slotOfAsset.set(assetId, slot);
    this.assetSlots[slot] = assetId;
    return slot;
  }

  runs(content: readonly InlineNode[] | undefined): RenderRun[] {
    return (content ?? []).map((node): RenderRun => {
      if (node.type === 'footnote') return { footnote: node.attrs.text };
      const run: RenderRun = { text: node.text };
      for (const mark of node.marks ?? []) {
        if (mark.type === 'bold') run.bold = true;
        else if (mark.type === 'italic') run.italic = true;
        else run.href = mark.attrs.href;
      }
      return run;
    });
  }

  blocks(nodes: readonly BlockNode[]): RenderBlock[] {
    return nodes.map((node) => this.block(node));
  }

  block(node: BlockNode): RenderBlock {
    switch (node.type) {
      case 'heading':
        return { kind: 'heading', level: node.attrs.level, runs: this.runs(node.content) };
      case 'paragraph':
        return { kind: 'paragraph', runs: this.runs(node.content) };
      case 'bulletList':
      case 'orderedList':
        return {
          kind: 'list',
          ordered: node.type === 'orderedList',
          start: node.type === 'orderedList' ? (node.attrs?.start ?? 1) : 1,
          items: node.content.map((item) => this.blocks(item.content)),
        };
      case 'table':
        return {
          kind: 'table',
          rows: node.content.map((row) => ({
            header: row.content.every((cell) => cell.type === 'tableHeader'),
            cells: row.content.map((cell) => this.blocks(cell.content)),
          })),
        };
      case 'image':
        return { kind: 'image', slot: this.imageSlot(node.attrs.assetId), alt: node.attrs.alt ?? '' };
      case 'blockquote':
        return { kind: 'quote', blocks: this.blocks(node.content) };
      case 'callout':
        return { kind: 'callout', tone: node.attrs.tone, blocks: this.blocks(node.content) };
    }
  }

  /** A body cut into chapters at its level-1 headings (content before the first heading is a chapter too). */
  chapters(body: DocumentBody | undefined): RenderBlock[][] {
    const chapters: RenderBlock[][] = [];
    for (const node of body?.content ?? []) {
      if (chapters.length === 0 || (node.type === 'heading' && node.attrs.level === 1)) chapters.push([]);
      (chapters.at(-1) as RenderBlock[]).push(this.block(node));
    }
    return chapters;
  }
}

function pickTexts(texts: Texts | undefined, languages: readonly DocumentLanguage[]): Texts | undefined {
  if (!texts) return undefined;
  const picked: Texts = {};
  for (const lang of languages) {
    const value = texts[lang]?.trim();
    if (value) picked[lang] = value;
  }
  return Object.keys(picked).length > 0 ? picked : undefined;
}

/** The render plan of a document: template data, variant and the images to fetch for each slot. */
export function documentRenderPlan(input: DocumentLayoutInput): DocumentRenderPlan {
  const languages = modeLanguages(input.mode, input.order);
  const converter = new Converter();
  const perLanguage = new Map(languages.map((lang) => [lang, converter.chapters(input.body[lang])]));
  const chapters: DocumentRenderData['chapters'] = [];
  if (input.mode === 'bilingual-facing') {
    const fr = perLanguage.get('fr') ?? [];
    const ar = perLanguage.get('ar') ?? [];
    for (let index = 0; index < Math.max(fr.length, ar.length); index += 1) {
      // French on the left page, Arabic on the right page facing it.
      chapters.push({ lang: 'fr', blocks: fr[index] ?? [] }, { lang: 'ar', blocks: ar[index] ?? [] });
    }
  } else {
    for (const lang of languages) for (const blocks of perLanguage.get(lang) ?? []) chapters.push({ lang, blocks });
  }

  const fileSlots: Record<string, string> = {};
  if (input.brand?.logoFileId) fileSlots.logo = input.brand.logoFileId;
  const partners = (input.partnerStrip ?? []).slice(0, DOCUMENT_PARTNER_SLOTS).map((entry, index) => {
    const slot = `partner-${index}`;
    fileSlots[slot] = entry.logoFileId;
    const mention = pickTexts(
      input.partnerMentions?.[entry.id] ?? (entry.mention ? { [languages[0] ?? 'fr']: entry.mention } : undefined),
      languages,
    );
    return { name: entry.name.slice(0, 200), slot, funder: entry.role === 'funder', ...(mention ? { mention } : {}) };
  });
  const assetSlots: Record<string, string> = { ...converter.assetSlots };
  if (input.coverAssetId) assetSlots.cover = input.coverAssetId;
  const colors = input.brand?.colors ?? {};
  const subtitle = pickTexts(input.subtitle, languages);
  const disclaimer = pickTexts(input.disclaimer, languages);

  return {
    template: 'document',
    variant: input.mode === 'ar' || input.mode === 'fr' ? input.mode : 'bilingual',
    data: {
      layout: input.layout,
      arrangement: input.mode === 'bilingual-facing' ? 'facing' : input.mode === 'bilingual-sequential' ? 'sequential' : 'single',
      title: pickTexts(input.title, languages) ?? {},
      ...(subtitle ? { subtitle } : {}),
      chapters,
      ...(disclaimer ? { disclaimer } : {}),
      partners,
      digits: input.digits ?? 'western',
      ...(input.coverAssetId ? { cover: 'cover' } : {}),
      brand: {
        ...(colors.primary ? { primary: colors.primary } : {}),
        ...(colors.accent ? { accent: colors.accent } : {}),
        ...(colors.text ? { ink: colors.text } : {}),
        ...(colors.background ? { paper: colors.background } : {}),
      },
    },
    fileSlots,
    assetSlots,
  };
}
