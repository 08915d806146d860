/**
 * What templates receive of the brand kit. The visual and document renderers call
 * `brandKitForRender(db, workspaceId)` once per render and pass the result to the template as data;
 * logo ids are files of the workspace (read their bytes with `platform.storage` through the `file`
 * row) that the renderer hands to Typst as assets.
 *
 * ```ts
 * interface BrandKitForRender {
 *   colors: { primary, secondary, accent, text, background };        // '#rrggbb'
 *   fonts: { arabic, arabicHeading, latin, latinHeading };          // shipped family names (src/shared/studio/fonts.ts)
 *   logos: { light: RenderFile | null; dark: RenderFile | null };   // light = for light backgrounds
 *   disclaimer: { ar?: string; fr?: string; en?: string };          // the funder's mention, per language ('' omitted)
 *   languages: ContentLanguage[];                                   // the workspace's content languages, in order
 *   partnerStrips: { ar?: PartnerStripEntry[]; fr?: …; en?: … };    // one strip per content language
 * }
 * RenderFile = { fileId, contentType }
 * PartnerStripEntry = { id, name, logoFileId, logoContentType, role: 'partner' | 'funder', mention }
 * ```
 * A strip lists partners then funders, each in the editor's order, keeping only the entries shown in
 * that language (an entry with no languages is shown in all); `name` and `mention` are in that
 * language, the name falling back to another language when missing, the mention never.
 */
import type { ContentLanguage } from '../../../shared/languages.js';
import { type LocalizedText, pickLocalized } from '../../../shared/localized-text.js';
import type { BrandColors, BrandFonts, PartnerStripEntry } from '../../../shared/studio/brand-kit.schema.js';
import { stripOrder } from '../../../shared/studio/brand-kit.schema.js';
import type { DbOrTransaction } from '../../platform/audit/audit.js';
import { findWorkspaceById } from '../workspaces/workspaces.repo.js';
import { findPartnersWithLogos, findWorkspaceFiles } from './brand-kit.repo.js';
import { loadBrandKit } from './brand-kit.service.js';

export interface RenderFile {
  fileId: string;
  contentType: string;
}

export interface BrandKitForRender {
  colors: BrandColors;
  fonts: BrandFonts;
  logos: { light: RenderFile | null; dark: RenderFile | null };
  disclaimer: Partial<Record<ContentLanguage, string>>;
  languages: ContentLanguage[];
  partnerStrips: Partial<Record<ContentLanguage, PartnerStripEntry[]>>;
}

type PartnerWithLogo = Awaited<ReturnType<typeof findPartnersWithLogos>>[number];

function stripOf(rows: PartnerWithLogo[], language: string, fallbacks: readonly string[]): PartnerStripEntry[] {
  const shown = rows.filter(({ partner }) => partner.languages.length === 0 || partner.languages.includes(language));
  return stripOrder(shown.map((row) => ({ ...row, role: row.partner.role, position: row.partner.position }))).map(
    ({ partner, logoContentType }) => ({
      id: partner.id,
      name: pickLocalized(partner.name as LocalizedText, language, fallbacks)?.value ?? '',
      logoFileId: partner.logoFileId,
      logoContentType,
      role: partner.role as PartnerStripEntry['role'],
      mention: (partner.mention as LocalizedText)[language as ContentLanguage]?.value ?? '',
    }),
  );
}

/** The partner logo strip printed in `language`: ordered logos with their file ids and the mention in that language, funders last. */
export async function partnerStripFor(db: DbOrTransaction, workspaceId: string, language: string): Promise<PartnerStripEntry[]> {
  const [rows, workspace] = await Promise.all([findPartnersWithLogos(db, workspaceId), findWorkspaceById(db, workspaceId)]);
  return stripOf(rows, language, workspace?.contentLanguages ?? []);
}

/** Everything a template needs of the brand kit (see the shape above). */
export async function brandKitForRender(db: DbOrTransaction, workspaceId: string): Promise<BrandKitForRender> {
  const [kit, rows, workspace] = await Promise.all([
    loadBrandKit(db, workspaceId),
    findPartnersWithLogos(db, workspaceId),
    findWorkspaceById(db, workspaceId),
  ]);
  const languages = (workspace?.contentLanguages ?? []) as ContentLanguage[];
  const logoIds = [kit.logoLightFileId, kit.logoDarkFileId].filter((id): id is string => Boolean(id));
  const logoFiles = await findWorkspaceFiles(db, workspaceId, logoIds);
  const logo = (id: string | null): RenderFile | null => {
    const file = logoFiles.find((candidate) => candidate.id === id);
    return file ? { fileId: file.id, contentType: file.contentType } : null;
  };
  const disclaimer: Partial<Record<ContentLanguage, string>> = {};
  for (const [language, entry] of Object.entries(kit.funderDisclaimer)) {
    if (entry.value) disclaimer[language as ContentLanguage] = entry.value;
  }
  return {
    colors: kit.colors,
    fonts: kit.fonts,
    logos: { light: logo(kit.logoLightFileId), dark: logo(kit.logoDarkFileId) },
    disclaimer,
    languages,
    partnerStrips: Object.fromEntries(languages.map((language) => [language, stripOf(rows, language, languages)])),
  };
}
