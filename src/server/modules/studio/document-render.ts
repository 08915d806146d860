/**
 * From a saved studio document to a render request of the `document` template: the layout plan
 * (document-layout.ts), the brand kit (colours, logo, the partner strip and the funder's mention),
 * the workspace's page-number digits, and the bytes of every image read from the file store.
 *
 * Images of the body and the cover come from the asset library and must be printable: an image of
 * the workspace, not archived, and — when it shows people — with a consent for print that has not
 * expired. Anything else is left out of the render (the template skips an image without bytes) and
 * comes back as a warning; a missing or unusable image never fails a render.
 */
import type { LocalizedText } from '../../../shared/localized-text.js';
import { pickLocalized } from '../../../shared/localized-text.js';
import { consentSummaryOf } from '../../../shared/studio/consent-rules.js';
import type {
  BlockNode,
  DocumentBodies,
  DocumentBody,
  DocumentDigits,
  DocumentLayout,
  DocumentMode,
} from '../../../shared/studio/documents.schema.js';
import type { DocumentLanguageCode, DocumentWarning, DocumentWarningCode } from '../../../shared/studio/documents-api.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import type { RenderRequest } from '../../platform/render/render.service.js';
import type { FileStorage } from '../../platform/storage/storage.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { workspaceToday } from './asset-rules.js';
import { type BrandKitForRender, brandKitForRender } from './brand-kit-render.js';
import { documentRenderPlan, modeLanguages } from './document-layout.js';
import { type DocumentAssetRow, type DocumentRow, findAssetConsentTerms, findDocumentAssets, findFileKeys } from './documents.repo.js';

/** What a document's settings column holds (see studio.tables.ts). */
export interface DocumentSettings {
  languages?: DocumentLanguageCode[];
  bodyStatus?: Partial<Record<DocumentLanguageCode, string>>;
  cover?: { imageAssetId: string | null };
}

export const settingsOf = (row: Pick<DocumentRow, 'settings'>): DocumentSettings => (row.settings ?? {}) as DocumentSettings;

/** The bilingual order kept in the settings (Arabic first by default). */
export function languageOrderOf(row: Pick<DocumentRow, 'settings'>): DocumentLanguageCode[] {
  const stored = settingsOf(row).languages ?? [];
  const order = stored.filter((lang, index) => (lang === 'ar' || lang === 'fr') && stored.indexOf(lang) === index);
  return [...order, ...(['ar', 'fr'] as const).filter((lang) => !order.includes(lang))];
}

/** Languages the document prints, in order. */
export function printedLanguages(row: Pick<DocumentRow, 'settings' | 'mode'>): DocumentLanguageCode[] {
  return modeLanguages(row.mode as DocumentMode, languageOrderOf(row));
}

export const bodiesOf = (row: Pick<DocumentRow, 'body'>): DocumentBodies => (row.body ?? {}) as DocumentBodies;

/** Image asset ids of a body, in reading order (tables, lists, quotes and callouts included). */
export function imageAssetIds(body: DocumentBody | undefined): string[] {
  const ids: string[] = [];
  const visit = (nodes: readonly BlockNode[]) => {
    for (const node of nodes) {
      if (node.type === 'image') ids.push(node.attrs.assetId);
      else if (node.type === 'table') for (const row of node.content) for (const cell of row.content) visit(cell.content);
      else if (node.type === 'bulletList' || node.type === 'orderedList') for (const item of node.content) visit(item.content);
      else if (node.type === 'blockquote' || node.type === 'callout') visit(node.content);
    }
  };
  visit(body?.content ?? []);
  return ids;
}

/** Where each image of a document is used: `cover`, and the languages whose body shows it. */
function imageUses(row: Pick<DocumentRow, 'body' | 'settings'>): Map<string, Array<'cover' | DocumentLanguageCode>> {
  const uses = new Map<string, Array<'cover' | DocumentLanguageCode>>();
  const add = (id: string, where: 'cover' | DocumentLanguageCode) => {
    const list = uses.get(id) ?? [];
    if (!list.includes(where)) list.push(where);
    uses.set(id, list);
  };
  const cover = settingsOf(row).cover?.imageAssetId;
  if (cover) add(cover, 'cover');
  const bodies = bodiesOf(row);
  for (const lang of ['ar', 'fr'] as const) for (const id of imageAssetIds(bodies[lang])) add(id, lang);
  return uses;
}

export interface CheckedImages {
  /** Asset id → its row, for the images that may be printed. */
  readonly printable: ReadonlyMap<string, DocumentAssetRow>;
  readonly warnings: DocumentWarning[];
}

/** What the consent check reads, loaded once for a document. */
async function checkImages(
  db: DbOrTransaction,
  workspaceId: string,
  uses: Map<string, Array<'cover' | DocumentLanguageCode>>,
  titleLanguages: readonly string[],
): Promise<CheckedImages> {
  const ids = [...uses.keys()];
  if (ids.length === 0) return { printable: new Map(), warnings: [] };
  const [rows, consents, today] = await Promise.all([
    findDocumentAssets(db, workspaceId, ids),
    findAssetConsentTerms(db, ids),
    workspaceToday(db, workspaceId),
  ]);
  const printable = new Map<string, DocumentAssetRow>();
  const warnings: DocumentWarning[] = [];
  for (const [assetId, where] of uses) {
    const row = rows.find((candidate) => candidate.id === assetId);
    let code: DocumentWarningCode | undefined;
    let expiresOn: string | null = null;
    if (!row) code = 'ASSET_NOT_FOUND';
    else if (row.archivedAt) code = 'ASSET_ARCHIVED';
    else if (row.kind !== 'image') code = 'ASSET_NOT_IMAGE';
    else {
      const terms = consents.filter((consent) => consent.assetId === assetId);
      const summary = consentSummaryOf(row.showsPeople, terms, today);
      if (summary.status === 'expired') {
        code = 'CONSENT_EXPIRED';
        expiresOn = summary.expiresOn;
      } else if (summary.status === 'missing') code = 'CONSENT_MISSING';
      else if (!summary.usableFor.includes('print')) code = 'CONSENT_NOT_FOR_PRINT';
    }
    if (!code && row) printable.set(assetId, row);
    else if (code) {
      const [first = 'fr', ...rest] = titleLanguages;
      const assetTitle = row ? (pickLocalized(row.title as LocalizedText, first, rest)?.value ?? null) : null;
      warnings.push({ code, assetId, where, assetTitle, expiresOn });
    }
  }
  return { printable, warnings };
}

/** The warnings of a document (images left out), without reading any bytes. */
export async function documentWarnings(db: DbOrTransaction, row: DocumentRow): Promise<DocumentWarning[]> {
  const workspace = await findWorkspaceById(db, row.workspaceId);
  return (await checkImages(db, row.workspaceId, imageUses(row), workspace?.contentLanguages ?? [])).warnings;
}

/** Western digits unless the workspace asks for Eastern Arabic ones. */
export const digitsOf = (arabicDigits: string | null | undefined): DocumentDigits => (arabicDigits === 'arab' ? 'eastern' : 'western');

const plainTexts = (text: LocalizedText | null | undefined) => ({
  ...(text?.ar?.value ? { ar: text.ar.value } : {}),
  ...(text?.fr?.value ? { fr: text.fr.value } : {}),
});

/** Each strip entry's mention in every printed language (a bilingual brief says it in both). */
function mentionsOf(strips: BrandKitForRender['partnerStrips'], languages: readonly DocumentLanguageCode[]) {
  const mentions: Record<string, Partial<Record<DocumentLanguageCode, string>>> = {};
  for (const lang of languages) {
    for (const entry of strips[lang] ?? []) {
      if (!entry.mention) continue;
      mentions[entry.id] ??= {};
      (mentions[entry.id] as Partial<Record<DocumentLanguageCode, string>>)[lang] = entry.mention;
    }
  }
  return mentions;
}

export interface DocumentRenderContext {
  readonly db: DbOrTransaction;
  readonly storage: FileStorage;
}

export interface ComposedDocument {
  /** The request, with every image's bytes (`format` is the caller's). */
  readonly request: Omit<RenderRequest, 'format'>;
  /** The same images as storage keys, for a render job. */
  readonly assetKeys: Record<string, string>;
  readonly warnings: DocumentWarning[];
  readonly estimatedPages: number;
}

/** Everything the `document` template receives for a saved document. */
export async function composeDocumentRender(context: DocumentRenderContext, row: DocumentRow): Promise<ComposedDocument> {
  const { db, storage } = context;
  const workspaceId = row.workspaceId;
  const [kit, workspace] = await Promise.all([brandKitForRender(db, workspaceId), findWorkspaceById(db, workspaceId)]);
  const languages = printedLanguages(row);
  const uses = imageUses(row);
  const checked = await checkImages(db, workspaceId, uses, workspace?.contentLanguages ?? []);
  const coverId = settingsOf(row).cover?.imageAssetId ?? null;
  const plan = documentRenderPlan({
    title: plainTexts(row.title),
    subtitle: plainTexts(row.subtitle),
    body: bodiesOf(row),
    layout: row.layout as DocumentLayout,
    mode: row.mode as DocumentMode,
    order: languageOrderOf(row),
    brand: { colors: kit.colors, logoFileId: (kit.logos.light ?? kit.logos.dark)?.fileId ?? null },
    partnerStrip: kit.partnerStrips[languages[0] ?? 'fr'] ?? [],
    partnerMentions: mentionsOf(kit.partnerStrips, languages),
    disclaimer: kit.disclaimer,
    digits: digitsOf(workspace?.arabicDigits),
    coverAssetId: coverId && checked.printable.has(coverId) ? coverId : null,
  });

  // Images of the body beyond the template's slots are left out too.
  const warnings = [...checked.warnings];
  const slotted = new Set(Object.values(plan.assetSlots));
  for (const lang of languages) {
    for (const id of imageAssetIds(bodiesOf(row)[lang])) {
      if (!slotted.has(id) && checked.printable.has(id) && !warnings.some((warning) => warning.assetId === id)) {
        warnings.push({ code: 'TOO_MANY_IMAGES', assetId: id, where: uses.get(id) ?? [lang], assetTitle: null, expiresOn: null });
      }
    }
  }

  const assetKeys: Record<string, string> = {};
  const fileKeys = new Map((await findFileKeys(db, workspaceId, Object.values(plan.fileSlots))).map((file) => [file.id, file.storageKey]));
  for (const [slot, fileId] of Object.entries(plan.fileSlots)) {
    const key = fileKeys.get(fileId);
    if (key) assetKeys[slot] = key;
  }
  for (const [slot, assetId] of Object.entries(plan.assetSlots)) {
    const asset = checked.printable.get(assetId);
    if (asset) assetKeys[slot] = asset.storageKey;
  }
  const assets: Record<string, Uint8Array> = {};
  await Promise.all(
    Object.entries(assetKeys).map(async ([slot, key]) => {
      if (await storage.exists(key)) assets[slot] = await storage.get(key);
      else delete assetKeys[slot];
    }),
  );
  const characters = JSON.stringify(plan.data.chapters).length * 0.6;
  return {
    request: { template: plan.template, variant: plan.variant, data: plan.data, assets, workspaceId },
    assetKeys,
    warnings,
    estimatedPages: Math.max(1, Math.ceil(characters / 3000)) + Object.keys(plan.assetSlots).length / 3,
  };
}
